package app.plainpaper.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-language draft, with the section names used across the system.
 * List sections are named with their index: {@code keyFindings[0]}, {@code practicalImplications[1].title},
 * {@code practicalImplications[1].text}, {@code limitations[0]}.
 */
public record Draft(String simpleExplanation, String studyDuration, String participants, String evidenceLevel,
                    List<String> keyFindings, String researchSummary,
                    List<PracticalImplication> practicalImplications, List<String> limitations,
                    DraftMetadata metadata) {

    public static final String SIMPLE_EXPLANATION = "simpleExplanation";
    public static final String STUDY_DURATION = "studyDuration";
    public static final String PARTICIPANTS = "participants";
    public static final String EVIDENCE_LEVEL = "evidenceLevel";
    public static final String KEY_FINDINGS = "keyFindings";
    public static final String RESEARCH_SUMMARY = "researchSummary";
    public static final String PRACTICAL_IMPLICATIONS = "practicalImplications";
    public static final String LIMITATIONS = "limitations";

    public Draft {
        keyFindings = keyFindings == null ? List.of() : List.copyOf(keyFindings);
        practicalImplications = practicalImplications == null ? List.of() : List.copyOf(practicalImplications);
        limitations = limitations == null ? List.of() : List.copyOf(limitations);
        metadata = metadata == null ? new DraftMetadata(List.of(), false, null, null) : metadata;
    }

    /** Every prose section, in reading order, skipping absent ones. */
    public List<NamedText> sections() {
        List<NamedText> out = new ArrayList<>();
        add(out, SIMPLE_EXPLANATION, simpleExplanation);
        add(out, STUDY_DURATION, studyDuration);
        add(out, PARTICIPANTS, participants);
        add(out, EVIDENCE_LEVEL, evidenceLevel);
        for (int i = 0; i < keyFindings.size(); i++) {
            add(out, KEY_FINDINGS + "[" + i + "]", keyFindings.get(i));
        }
        add(out, RESEARCH_SUMMARY, researchSummary);
        for (int i = 0; i < practicalImplications.size(); i++) {
            PracticalImplication p = practicalImplications.get(i);
            if (p != null) {
                add(out, PRACTICAL_IMPLICATIONS + "[" + i + "].title", p.title());
                add(out, PRACTICAL_IMPLICATIONS + "[" + i + "].text", p.text());
            }
        }
        for (int i = 0; i < limitations.size(); i++) {
            add(out, LIMITATIONS + "[" + i + "]", limitations.get(i));
        }
        return out;
    }

    private static void add(List<NamedText> out, String name, String text) {
        if (text != null && !text.isBlank()) {
            out.add(new NamedText(name, text));
        }
    }
}
