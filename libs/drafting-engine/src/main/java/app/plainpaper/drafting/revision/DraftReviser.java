package app.plainpaper.drafting.revision;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SectionReadability;
import app.plainpaper.drafting.sections.SectionFigures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an editor's edits to a draft. Edited text is kept exactly as the editor wrote it; readability is
 * recomputed; flags that an edit answers are dropped and numbers the source does not contain are flagged (the
 * editor may have them from the full paper, so they are flagged, not refused). The change note lists what changed.
 */
public final class DraftReviser {

    private static final Pattern INDEXED = Pattern.compile("(keyFindings|practicalImplications|limitations)\\[(\\d+)]");
    private static final String NUMBER_FLAG = "Numbers not found in the source";

    public DraftText revise(String sourceText, DraftText previous, Map<String, String> editedSections, String comment) {
        Objects.requireNonNull(previous, "previous draft");
        Map<String, String> edits = editedSections == null ? Map.of() : new TreeMap<>(editedSections);
        String simple = previous.simpleExplanation();
        String duration = previous.studyDuration();
        String participants = previous.participants();
        String summary = previous.researchSummary();
        List<KeyFindingText> findings = new ArrayList<>(previous.keyFindings());
        List<ImplicationText> implications = new ArrayList<>(previous.practicalImplications());
        List<String> limitations = new ArrayList<>(previous.limitations());
        List<String> flags = new ArrayList<>(previous.editorFlags());
        List<String> changed = new ArrayList<>();

        for (Map.Entry<String, String> edit : edits.entrySet()) {
            String name = edit.getKey();
            String value = edit.getValue() == null ? "" : edit.getValue().strip();
            String before;
            switch (name) {
                case "simpleExplanation" -> {
                    before = simple;
                    simple = value;
                }
                case "studyDuration" -> {
                    before = duration;
                    duration = value.isEmpty() ? null : value;
                    flags.removeIf(f -> f.startsWith("Study dates not stated"));
                    if (duration == null) {
                        flags.add("Study dates not stated in the abstract");
                    }
                }
                case "participants" -> {
                    before = participants;
                    participants = value.isEmpty() ? null : value;
                    flags.removeIf(f -> f.startsWith("Participants not stated") || f.startsWith("Number of participants"));
                    if (participants == null) {
                        flags.add("Participants not stated in the abstract");
                    }
                }
                case "researchSummary" -> {
                    before = summary;
                    summary = value;
                }
                default -> {
                    Matcher m = INDEXED.matcher(name);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("Unknown section \"" + name + "\": expected simpleExplanation, "
                                + "studyDuration, participants, researchSummary, keyFindings[i], "
                                + "practicalImplications[i] or limitations[i]");
                    }
                    int i = Integer.parseInt(m.group(2));
                    switch (m.group(1)) {
                        case "keyFindings" -> {
                            check(name, i, findings.size());
                            before = findings.get(i).text();
                            findings.set(i, new KeyFindingText(value, findings.get(i).sources()));
                        }
                        case "practicalImplications" -> {
                            check(name, i, implications.size());
                            before = implications.get(i).text();
                            implications.set(i, new ImplicationText(implications.get(i).title(), value));
                        }
                        default -> {
                            check(name, i, limitations.size());
                            before = limitations.get(i);
                            limitations.set(i, value);
                        }
                    }
                }
            }
            if (!Objects.equals(before, value.isEmpty() && !isText(name) ? null : value)) {
                changed.add(name);
            }
        }
        findings.removeIf(f -> f.text().isBlank());
        implications.removeIf(p -> p.text().isBlank());
        limitations.removeIf(String::isBlank);

        flags.removeIf(f -> f.startsWith(NUMBER_FLAG));
        DraftText revised = new DraftText(simple, duration, participants, previous.evidence(), findings, summary,
                implications, limitations, previous.categories(),
                SectionFigures.readability(simple, findings, summary, implications, limitations), flags,
                previous.engine(), null);
        flags.addAll(numbersNotInSource(revised, sourceText));

        StringBuilder note = new StringBuilder();
        note.append(changed.isEmpty() ? "No section changed" : "Edited by the editor: " + String.join(", ", changed));
        note.append('.');
        gradeChange(previous.readability(), revised.readability(), "simpleExplanation", note);
        if (comment != null && !comment.isBlank()) {
            note.append(" Comment: ").append(comment.strip());
        }
        return new DraftText(simple, duration, participants, previous.evidence(), findings, summary, implications,
                limitations, previous.categories(), revised.readability(), flags, previous.engine(), note.toString());
    }

    private static boolean isText(String name) {
        return !name.equals("studyDuration") && !name.equals("participants");
    }

    private static void check(String name, int i, int size) {
        if (i >= size) {
            throw new IllegalArgumentException("No section " + name + ": the draft has " + size + " of them");
        }
    }

    private static void gradeChange(List<SectionReadability> before, List<SectionReadability> after, String section,
                                    StringBuilder note) {
        Double from = grade(before, section);
        Double to = grade(after, section);
        if (from != null && to != null && !from.equals(to)) {
            note.append(String.format(Locale.ROOT, " Simple Explanation grade %.1f -> %.1f.", from, to));
        }
    }

    private static Double grade(List<SectionReadability> figures, String section) {
        return figures.stream().filter(f -> f.section().equals(section)).map(SectionReadability::fleschKincaidGrade)
                .findFirst().orElse(null);
    }

    /** One flag per section that has numbers the source does not contain. */
    public static List<String> numbersNotInSource(DraftText draft, String sourceText) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("simpleExplanation", draft.simpleExplanation());
        sections.put("studyDuration", draft.studyDuration());
        sections.put("participants", draft.participants());
        sections.put("researchSummary", draft.researchSummary());
        for (int i = 0; i < draft.keyFindings().size(); i++) {
            sections.put("keyFindings[" + i + "]", draft.keyFindings().get(i).text());
        }
        for (int i = 0; i < draft.practicalImplications().size(); i++) {
            ImplicationText p = draft.practicalImplications().get(i);
            sections.put("practicalImplications[" + i + "]", p.title() + ". " + p.text());
        }
        for (int i = 0; i < draft.limitations().size(); i++) {
            sections.put("limitations[" + i + "]", draft.limitations().get(i));
        }
        List<String> flags = new ArrayList<>();
        sections.forEach((name, text) -> {
            List<String> missing = SectionFigures.numbersNotIn(text, sourceText);
            if (!missing.isEmpty()) {
                flags.add(NUMBER_FLAG + " in " + name + ": " + String.join(", ", missing));
            }
        });
        return flags;
    }
}
