package app.plainpaper.ingestion.notices;

import app.plainpaper.events.NoticeKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Retractions, corrections and expressions of concern from Crossref: the works of {@code /works?filter=updates:{doi}}
 * whose {@code update-to} names the paper's DOI with such a type.
 */
public final class CrossrefNotices {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CrossrefNotices() {
    }

    public static List<NoticeSignal> read(byte[] workList, String doi) {
        List<NoticeSignal> out = new ArrayList<>();
        if (workList.length == 0) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(workList);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Crossref answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode item : root.path("message").path("items")) {
            String noticeDoi = item.path("DOI").asString("");
            String title = item.path("title").isArray() && !item.path("title").isEmpty() ? item.path("title").get(0).asString() : null;
            for (JsonNode update : item.path("update-to")) {
                if (!doi.equalsIgnoreCase(update.path("DOI").asString(""))) {
                    continue;
                }
                NoticeKind kind = kind(update.path("type").asString(""));
                if (kind != null) {
                    out.add(new NoticeSignal(kind, "doi:" + noticeDoi.toLowerCase(Locale.ROOT),
                            PubmedNotices.label(kind) + " in Crossref: https://doi.org/" + noticeDoi
                                    + (title == null ? "" : " (" + title + ")")));
                }
            }
        }
        return out;
    }

    static NoticeKind kind(String type) {
        return switch (type.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "retraction", "removal", "withdrawal" -> NoticeKind.RETRACTED;
            case "correction", "erratum", "corrigendum" -> NoticeKind.ERRATUM;
            case "expression_of_concern" -> NoticeKind.EXPRESSION_OF_CONCERN;
            default -> null;
        };
    }
}
