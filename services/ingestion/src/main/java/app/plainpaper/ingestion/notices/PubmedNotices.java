package app.plainpaper.ingestion.notices;

import app.plainpaper.events.NoticeKind;
import app.plainpaper.formats.xml.Dom;
import app.plainpaper.formats.xml.SafeXml;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.plainpaper.formats.xml.Dom.attr;
import static app.plainpaper.formats.xml.Dom.child;
import static app.plainpaper.formats.xml.Dom.children;
import static app.plainpaper.formats.xml.Dom.text;

/**
 * Retractions, errata and expressions of concern in PubMed efetch XML: the publication type "Retracted Publication",
 * and CommentsCorrections of type RetractionIn, ErratumIn and ExpressionOfConcernIn. Parsed through SafeXml.
 */
public final class PubmedNotices {

    private PubmedNotices() {
    }

    /** Signals per PMID; a PMID without any is absent. */
    public static Map<String, List<NoticeSignal>> read(byte[] efetchXml) {
        Map<String, List<NoticeSignal>> out = new LinkedHashMap<>();
        if (efetchXml.length == 0) {
            return out;
        }
        Element root = SafeXml.parse(new ByteArrayInputStream(efetchXml)).getDocumentElement();
        for (Element article : children(root, "PubmedArticle")) {
            Element citation = child(article, "MedlineCitation");
            String pmid = text(child(citation, "PMID"));
            if (pmid == null) {
                continue;
            }
            List<NoticeSignal> signals = new ArrayList<>();
            for (Element corrections : children(citation, "CommentsCorrectionsList")) {
                for (Element c : children(corrections, "CommentsCorrections")) {
                    NoticeKind kind = switch (String.valueOf(attr(c, "RefType"))) {
                        case "RetractionIn" -> NoticeKind.RETRACTED;
                        case "ErratumIn" -> NoticeKind.ERRATUM;
                        case "ExpressionOfConcernIn" -> NoticeKind.EXPRESSION_OF_CONCERN;
                        default -> null;
                    };
                    if (kind != null) {
                        String refPmid = text(child(c, "PMID"));
                        String source = text(child(c, "RefSource"));
                        String key = refPmid != null ? "pmid:" + refPmid : "ref:" + source;
                        signals.add(new NoticeSignal(kind, key, label(kind) + " in PubMed: " + (source == null ? "" : source)
                                + (refPmid == null ? "" : " (PMID " + refPmid + ")")));
                    }
                }
            }
            Element article_ = child(citation, "Article");
            boolean typed = children(child(article_, "PublicationTypeList"), "PublicationType").stream()
                    .anyMatch(t -> "Retracted Publication".equals(Dom.text(t)));
            if (typed && signals.stream().noneMatch(s -> s.kind() == NoticeKind.RETRACTED)) {
                signals.add(new NoticeSignal(NoticeKind.RETRACTED, "pubmed-type", "PubMed lists it as a Retracted Publication"));
            }
            if (!signals.isEmpty()) {
                out.put(pmid, List.copyOf(signals));
            }
        }
        return out;
    }

    static String label(NoticeKind kind) {
        return switch (kind) {
            case RETRACTED -> "Retraction";
            case ERRATUM -> "Erratum";
            case EXPRESSION_OF_CONCERN -> "Expression of concern";
            default -> "Notice";
        };
    }
}
