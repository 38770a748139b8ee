package app.plainpaper.formats.jats;

import static app.plainpaper.formats.xml.Dom.attr;
import static app.plainpaper.formats.xml.Dom.child;
import static app.plainpaper.formats.xml.Dom.children;
import static app.plainpaper.formats.xml.Dom.descendants;
import static app.plainpaper.formats.xml.Dom.name;
import static app.plainpaper.formats.xml.Dom.path;
import static app.plainpaper.formats.xml.Dom.text;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedPaper.AbstractSection;
import app.plainpaper.formats.ParsedPaper.Author;
import app.plainpaper.formats.ParsedPaper.PublicationDate;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.xml.Dom;
import app.plainpaper.formats.xml.RejectedXmlException;
import app.plainpaper.formats.xml.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reads JATS / NLM archiving XML: a single {@code article} (PMC OA .nxml) or a PMC EFetch
 * {@code pmc-articleset} holding several. Front matter only; the body is not read.
 */
public final class JatsXmlParser {

    /** Abstract types that are not the scientific abstract (PLOS "summary" is the author summary). */
    private static final Set<String> NOT_THE_ABSTRACT = Set.of("summary", "author-summary", "toc", "teaser",
            "graphical", "short", "web-summary", "editor-summary", "precis", "key-points");
    private static final List<String> DATE_PREFERENCE = List.of("epub", "ppub", "pub", "epub-ppub", "collection");

    /** Throws only {@link RejectedXmlException}, for a file that is unsafe, malformed or not JATS. */
    public List<ParsedRecord> parse(InputStream in) {
        Element root = SafeXml.parse(in).getDocumentElement();
        List<Element> articles;
        if (name(root).equals("article")) {
            articles = List.of(root);
        } else if (name(root).equals("pmc-articleset")) {
            articles = children(root, "article");
        } else {
            throw new RejectedXmlException(RejectedXmlException.Reason.UNEXPECTED_ROOT,
                    "expected article or pmc-articleset, found " + name(root), null);
        }
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            try {
                records.add(article(i + 1, articles.get(i)));
            } catch (RuntimeException unexpected) {
                records.add(new ParsedRecord.Rejected(i + 1, null, "unreadable record: " + unexpected));
            }
        }
        return List.copyOf(records);
    }

    private static ParsedRecord article(int position, Element article) {
        Element front = child(article, "front");
        Element meta = child(front, "article-meta");
        if (meta == null) return new ParsedRecord.Rejected(position, null, "no article-meta");
        Map<String, String> ids = new HashMap<>();
        for (Element id : children(meta, "article-id")) {
            String type = attr(id, "pub-id-type");
            if (type != null && text(id) != null) ids.putIfAbsent(type, text(id));
        }
        String identifier = ids.getOrDefault("doi", ids.getOrDefault("pmid", ids.get("pmc")));
        String title = text(path(meta, "title-group", "article-title"));
        if (title == null) return new ParsedRecord.Rejected(position, identifier, "no title");

        List<AbstractSection> sections = new ArrayList<>();
        String authorSummary = null;
        for (Element abs : children(meta, "abstract")) {
            String type = attr(abs, "abstract-type");
            if (type != null && NOT_THE_ABSTRACT.contains(type)) {
                if (authorSummary == null && (type.equals("summary") || type.equals("author-summary"))) {
                    authorSummary = Dom.blockText(abs, Set.of("title"));
                }
            } else if (sections.isEmpty()) {
                sections.addAll(abstractSections(abs));
            }
        }
        if (sections.isEmpty()) return new ParsedRecord.Rejected(position, identifier, "no abstract");

        List<String> keywords = new ArrayList<>();
        for (Element group : children(meta, "kwd-group")) {
            for (Element k : children(group, "kwd")) {
                if (text(k) != null) keywords.add(text(k));
            }
        }
        String articleType = attr(article, "article-type");
        String journal = text(path(front, "journal-meta", "journal-title-group", "journal-title"));
        if (journal == null) journal = text(path(front, "journal-meta", "journal-title"));
        String pmcid = ids.getOrDefault("pmc", ids.get("pmcid"));
        if (pmcid != null && !pmcid.startsWith("PMC")) pmcid = "PMC" + pmcid;
        return new ParsedRecord.Paper(position, new ParsedPaper(
                title,
                ids.get("doi"),
                ids.get("pmid"),
                pmcid,
                journal,
                date(meta),
                authors(meta),
                sections,
                keywords,
                List.of(),
                articleType == null ? List.of() : List.of(articleType),
                licence(child(meta, "permissions")),
                attr(article, "lang"),
                false, // JATS has no "retracted" flag on the retracted article itself
                "preprint".equals(articleType),
                authorSummary));
    }

    /**
     * A structured abstract's {@code sec}s, each with its title as label; else one unlabelled section.
     * Public for other JATS carriers (Crossref's JATS-in-JSON abstract).
     */
    public static List<AbstractSection> abstractSections(Element abs) {
        List<AbstractSection> out = new ArrayList<>();
        List<Element> secs = children(abs, "sec");
        if (secs.isEmpty()) {
            String body = Dom.blockText(abs, Set.of("title", "label"));
            if (body != null) out.add(new AbstractSection(null, body));
            return out;
        }
        // Paragraphs before the first sec (rare) are kept as an unlabelled lead section.
        StringBuilder lead = new StringBuilder();
        for (Element p : children(abs, "p")) {
            String text = Dom.blockText(p, Set.of());
            if (text != null) lead.append(lead.isEmpty() ? "" : "\n\n").append(text);
        }
        if (!lead.isEmpty()) out.add(new AbstractSection(null, lead.toString()));
        for (Element sec : secs) {
            String body = Dom.blockText(sec, Set.of("title", "label"));
            if (body != null) out.add(new AbstractSection(text(child(sec, "title")), body));
        }
        return out;
    }

    private static List<Author> authors(Element meta) {
        Map<String, String> affById = new HashMap<>();
        for (Element aff : descendants(meta, "aff")) {
            String id = attr(aff, "id");
            if (id != null) affById.put(id, affiliation(aff));
        }
        List<Author> out = new ArrayList<>();
        for (Element group : children(meta, "contrib-group")) {
            for (Element c : children(group, "contrib")) {
                if (!"author".equals(attr(c, "contrib-type"))) continue;
                Element name = child(c, "name");
                if (name == null) name = child(child(c, "name-alternatives"), "name");
                String orcid = null;
                for (Element id : children(c, "contrib-id")) {
                    if ("orcid".equalsIgnoreCase(attr(id, "contrib-id-type"))) orcid = orcid(text(id));
                }
                List<String> affiliations = new ArrayList<>();
                for (Element xref : children(c, "xref")) {
                    if (!"aff".equals(attr(xref, "ref-type"))) continue;
                    String rid = attr(xref, "rid");
                    if (rid == null) continue;
                    for (String one : rid.split("\\s+")) {
                        String aff = affById.get(one);
                        if (aff != null) affiliations.add(aff);
                    }
                }
                for (Element aff : children(c, "aff")) {
                    if (affiliation(aff) != null) affiliations.add(affiliation(aff));
                }
                out.add(new Author(text(child(name, "surname")), text(child(name, "given-names")),
                        text(child(c, "collab")), orcid, affiliations));
            }
        }
        return out;
    }

    /** Affiliation text without its footnote label ("1", "a"). */
    private static String affiliation(Element aff) {
        String text = Dom.blockText(aff, Set.of("label", "sup"));
        return text == null ? null : text.replaceAll(Dom.SPACES, " ");
    }

    private static String orcid(String raw) {
        if (raw == null) return null;
        Matcher m = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])").matcher(raw);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : raw;
    }

    private static String licence(Element permissions) {
        Element licence = child(permissions, "license");
        if (licence == null) return null;
        String href = attr(licence, "href");
        if (href != null && !href.isBlank()) return href.strip();
        for (Element ref : descendants(licence, "license_ref")) return text(ref);
        String type = attr(licence, "license-type");
        return type != null ? type : Dom.text(licence);
    }

    private static PublicationDate date(Element meta) {
        List<Element> dates = children(meta, "pub-date");
        for (String wanted : DATE_PREFERENCE) {
            for (Element d : dates) {
                String type = attr(d, "pub-type") != null ? attr(d, "pub-type") : attr(d, "date-type");
                if (wanted.equals(type)) {
                    PublicationDate parsed = dateOf(d);
                    if (parsed != null) return parsed;
                }
            }
        }
        for (Element d : dates) {
            PublicationDate parsed = dateOf(d);
            if (parsed != null) return parsed;
        }
        return null;
    }

    private static PublicationDate dateOf(Element d) {
        String year = text(child(d, "year"));
        if (year == null || !year.matches("\\d{4}")) return null;
        Integer month = number(text(child(d, "month")), 12);
        Integer day = month == null ? null : number(text(child(d, "day")), 31);
        return new PublicationDate(Integer.parseInt(year), month, day);
    }

    private static Integer number(String raw, int max) {
        if (raw == null || !raw.matches("\\d{1,2}")) return null;
        int n = Integer.parseInt(raw);
        return n >= 1 && n <= max ? n : null;
    }
}
