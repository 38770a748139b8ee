package app.plainpaper.checks;

/** Study design behind the evidence level shown to readers. */
public enum StudyDesign {
    SYSTEMATIC_REVIEW,
    RANDOMISED_TRIAL,
    NON_RANDOMISED_TRIAL,
    COHORT,
    CASE_CONTROL,
    CROSS_SECTIONAL,
    CASE_SERIES,
    CASE_REPORT,
    QUALITATIVE,
    ANIMAL_OR_LAB,
    EXPERT_OPINION,
    OTHER;

    /** Designs that observe rather than assign treatment, so cannot show cause and effect. */
    public boolean isObservational() {
        return this == COHORT || this == CASE_CONTROL || this == CROSS_SECTIONAL || this == CASE_SERIES
                || this == CASE_REPORT;
    }
}
