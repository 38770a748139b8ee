package app.plainpaper.drafting;

/** Study designs the engine recognises, from strongest to weakest evidence roughly. */
public enum StudyDesign {
    SYSTEMATIC_REVIEW("systematic review or meta-analysis"),
    RANDOMISED_TRIAL("randomised trial"),
    NON_RANDOMISED_TRIAL("non-randomised trial"),
    COHORT("cohort study"),
    CASE_CONTROL("case-control study"),
    CROSS_SECTIONAL("cross-sectional study"),
    CASE_SERIES("case series"),
    CASE_REPORT("case report"),
    QUALITATIVE("qualitative study"),
    ANIMAL_OR_LAB("animal or laboratory study"),
    NARRATIVE_REVIEW("narrative review"),
    UNKNOWN("design not recognised");

    private final String label;

    StudyDesign(String label) {
        this.label = label;
    }

    /** Lower-case name for prose, e.g. "cohort study". */
    public String label() {
        return label;
    }
}
