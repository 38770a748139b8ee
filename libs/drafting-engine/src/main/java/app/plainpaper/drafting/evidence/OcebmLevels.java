package app.plainpaper.drafting.evidence;

import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.StudyDesign;

/**
 * Maps a study design to its level on the Oxford Centre for Evidence-Based Medicine 2011 Levels of Evidence
 * (treatment-benefit and prognosis rows). OCEBM 2011 does not grade qualitative research; case reports sit with
 * case series; animal and laboratory work and narrative reviews are mechanism-based reasoning.
 */
public final class OcebmLevels {

    public static final String SCALE = "OCEBM 2011";

    public EvidenceAssessment assess(DesignReading reading) {
        StudyDesign design = reading.design();
        String level = switch (design) {
            case SYSTEMATIC_REVIEW -> "1";
            case RANDOMISED_TRIAL -> "2";
            case NON_RANDOMISED_TRIAL, COHORT -> "3";
            case CASE_CONTROL, CROSS_SECTIONAL, CASE_SERIES, CASE_REPORT -> "4";
            case ANIMAL_OR_LAB, NARRATIVE_REVIEW -> "5";
            case QUALITATIVE, UNKNOWN -> null;
        };
        // Worded without digits: the level itself is in the level field, and drafts carry no numbers of their own.
        String why = switch (design) {
            case SYSTEMATIC_REVIEW -> "a systematic review sits at the top level (for treatment questions, ideally a "
                    + "review of randomised trials)";
            case RANDOMISED_TRIAL -> "a randomised trial sits at the second level";
            case NON_RANDOMISED_TRIAL -> "a non-randomised controlled study sits at the third level";
            case COHORT -> "a cohort (follow-up) study sits at the third level";
            case CASE_CONTROL -> "case-control studies sit at the fourth level";
            case CROSS_SECTIONAL -> "cross-sectional studies and non-random surveys sit at the fourth level";
            case CASE_SERIES -> "a case series sits at the fourth level";
            case CASE_REPORT -> "case series sit at the fourth level, and a report of single patients is no stronger";
            case ANIMAL_OR_LAB -> "animal and laboratory work counts as mechanism-based reasoning, the fifth level";
            case NARRATIVE_REVIEW -> "a narrative review counts as mechanism-based reasoning and expert summary, the "
                    + "fifth level";
            case QUALITATIVE -> "qualitative research is not graded";
            case UNKNOWN -> "the abstract does not say what kind of study this is";
        };
        StringBuilder reason = new StringBuilder();
        DesignCue cue = reading.decisiveCue();
        if (design == StudyDesign.UNKNOWN || cue == null) {
            reason.append("Design not recognised: ").append(why).append('.');
        } else {
            String where = cue.location().startsWith("sentence") ? "the abstract" : "the " + cue.location();
            String article = design.label().matches("^[aeiou].*") ? "an " : "a ";
            reason.append("Read as ").append(article).append(design.label()).append(" from the words \"")
                    .append(cue.words()).append("\" in ").append(where).append(". On the Oxford (OCEBM) scale, ")
                    .append(why).append('.');
        }
        if (!reading.conflicting().isEmpty()) {
            reason.append(" The abstract also describes itself as: ")
                    .append(String.join(", ", reading.conflicting().stream().map(StudyDesign::label).toList()))
                    .append('.');
        }
        return new EvidenceAssessment(SCALE, level, design, reason.toString());
    }
}
