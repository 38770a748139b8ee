package app.plainpaper.publishingservice.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Was this summary helpful?" form as the site posts it: summaryId, helpful (yes/no), an optional comment and
 * the honeypot field {@code website}, which people never see and bots fill in.
 */
public sealed interface FeedbackForm {

    int MAX_COMMENT = 2000;

    /** A bot filled in the honeypot: answer as if accepted (with a comment, as if it could be erased), record nothing. */
    record Honeypot(boolean withComment) implements FeedbackForm {
    }

    record Invalid(List<String> problems) implements FeedbackForm {
    }

    /** @param comment null when none was given (blank counts as none) */
    record Answer(String summaryId, boolean helpful, String comment) implements FeedbackForm {
    }

    static FeedbackForm read(Map<String, String> fields) {
        String website = fields.get("website");
        if (website != null && !website.isBlank()) {
            String comment = fields.get("comment");
            return new Honeypot(comment != null && !comment.isBlank());
        }
        List<String> problems = new ArrayList<>();
        String summaryId = fields.get("summaryId");
        if (summaryId == null || !summaryId.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")) {
            problems.add("summaryId is missing or not a summary id");
        }
        String helpful = fields.get("helpful");
        if (!"yes".equals(helpful) && !"no".equals(helpful)) {
            problems.add("helpful must be yes or no");
        }
        String comment = fields.get("comment");
        if (comment != null) {
            // Control characters other than line breaks and tabs carry no meaning in a comment.
            comment = comment.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "").strip();
            if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
                problems.add("comment may hold at most " + MAX_COMMENT + " characters");
            }
            if (comment.isEmpty()) {
                comment = null;
            }
        }
        if (!problems.isEmpty()) {
            return new Invalid(List.copyOf(problems));
        }
        return new Answer(summaryId, "yes".equals(helpful), comment);
    }
}
