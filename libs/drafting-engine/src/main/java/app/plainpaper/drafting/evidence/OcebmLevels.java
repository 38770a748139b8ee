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
        String why = switch (design) {
            case SYSTEMATIC_REVIEW -> "level 1 is a systematic review (of randomised trials for treatment questions)";
            case RANDOMISED_TRIAL -> "level 2 is a randomised trial";
            case NON_RANDOMISED_TRIAL -> "level 3 is a non-randomised controlled study";
            case COHORT -> "level 3 is a cohort (follow-up) study";
            case CASE_CONTROL -> "level 4 includes case-control studies";
            case CROSS_SECTIONAL -> "level 4 includes non-random sample surveys and cross-sectional studies";
            case CASE_SERIES -> "level 4 is a case series";
            case CASE_REPORT -> "level 4 covers case series; a report of one or two patients is no stronger";
            case ANIMAL_OR_LAB -> "level 5 is mechanism-based reasoning, which includes animal and laboratory work";
            case NARRATIVE_REVIEW -> "level 5 is mechanism-based reasoning and expert summary";
            case QUALITATIVE -> "the scale does not grade qualitative research";
            case UNKNOWN -> "the abstract does not say what kind of study this is";
        };
        StringBuilder reason = new StringBuilder();
        DesignCue cue = reading.decisiveCue();
        if (design == StudyDesign.UNKNOWN || cue == null) {
            reason.append("Design not recognised: ").append(why).append('.');
        } else {
            reason.append("Read as a ").append(design.label()).append(" from \"").append(cue.words())
                    .append("\" (").append(cue.location()).append("). ").append(SCALE).append(": ").append(why)
                    .append('.');
        }
        if (!reading.conflicting().isEmpty()) {
            reason.append(" The abstract also describes itself as: ")
                    .append(String.join(", ", reading.conflicting().stream().map(StudyDesign::label).toList()))
                    .append('.');
        }
        return new EvidenceAssessment(SCALE, level, design, reason.toString());
    }
}
