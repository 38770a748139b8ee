package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Draft;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an editor's in-place edits before they are accepted, by section name: {@code simpleExplanation}, {@code studyDuration}, {@code participants},
 * {@code researchSummary}, {@code keyFindings[i]}, {@code practicalImplications[i]}, {@code practicalImplications[i].title},
 * {@code limitations[i]}. An index one past the end adds an item. The drafting
 * service applies them to make the next revision.
 */
public final class DraftEdits {

    static final int MAX_SECTION_LENGTH = 5_000;
    private static final Pattern INDEXED = Pattern.compile("^(keyFindings|practicalImplications|limitations)\\[(\\d{1,3})](\\.title)?$");
    private static final List<String> PLAIN = List.of("simpleExplanation", "studyDuration", "participants", "researchSummary");
    private static final List<String> OPTIONAL = List.of("studyDuration", "participants");

    private DraftEdits() {
    }

    public static Optional<String> problem(Draft draft, Map<String, String> sections) {
        if (draft == null) {
            return Optional.of("There is no draft to edit yet.");
        }
        for (var entry : sections.entrySet()) {
            String name = entry.getKey();
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            Matcher m = INDEXED.matcher(name);
            if (!PLAIN.contains(name) && !m.matches()) {
                return Optional.of("Unknown section '" + name + "'.");
            }
            if (m.matches() && m.group(3) != null && !m.group(1).equals("practicalImplications")) {
                return Optional.of("Only practical implications have titles: '" + name + "'.");
            }
            if (m.matches()) {
                int index = Integer.parseInt(m.group(2));
                if (index > size(draft, m.group(1))) {
                    return Optional.of("Section '" + name + "' is past the end of its list.");
                }
            }
            if (text.isEmpty() && !OPTIONAL.contains(name) && !m.matches()) {
                return Optional.of("Section '" + name + "' cannot be empty.");
            }
            if (text.length() > MAX_SECTION_LENGTH) {
                return Optional.of("Section '" + name + "' is longer than " + MAX_SECTION_LENGTH + " characters.");
            }
        }
        return Optional.empty();
    }

    private static int size(Draft draft, String list) {
        return switch (list) {
            case "keyFindings" -> draft.getKeyFindings().size();
            case "limitations" -> draft.getLimitations().size();
            default -> draft.getPracticalImplications().size();
        };
    }
}
