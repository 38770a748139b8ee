package app.plainpaper.checks;

import java.util.List;

/** Real source texts used across the tests, each with where it comes from. */
public final class Sources {

    /**
     * Cochrane review CD011375.pub2 (anabolic steroids for pressure ulcers), technical text, abridged;
     * from /work/shared/data/pairs-dev.jsonl (Devaraj et al. 2021 paragraph-level simplification data).
     */
    public static final String OXANDROLONE = "The review contains only one trial with a total of 212 participants, all with "
            + "spinal cord injury and open pressure ulcers classed as stage III and IV. This trial compared oxandrolone "
            + "(20 mg/day, administered orally) with a dose of placebo (an inactive substance consisting of 98% starch and 2% "
            + "magnesium stearate) and reported data on complete healing of ulcers and adverse events. There was very "
            + "low-certainty evidence on the relative effect of oxandrolone on complete ulcer healing at the end of a "
            + "24-week treatment period (risk ratio RR) 0.81, 95% confidence interval (CI) 0.52 to 1.26). Thus, the treatment "
            + "with oxandrolone may increase the risk of non-serious adverse events reported in participants. This trial "
            + "stopped early when the futility analysis (interim analysis) in the opinion of the study authors showed that "
            + "oxandrolone had no benefit over placebo for improving ulcer healing.";

    /** Cochrane review CD012838.pub2 (pembrolizumab), technical text, abridged; pairs-dev.jsonl as above. */
    public static final String PEMBROLIZUMAB = "We identified one randomised controlled trial that included 542 participants. "
            + "The use of pembrolizumab in men with advanced urothelial carcinoma with disease progression during or following "
            + "platinum-containing chemotherapy probably improves overall survival when compared with chemotherapy alone. "
            + "Pembrolizumab probably reduces the risk of death from any cause (hazard ratio (HR) 0.73, 95% confidence "
            + "interval (CI) 0.59 to 0.90; moderate certainty evidence).";

    /** Cochrane review CD010826.pub2 (anal ultrasound), technical text, abridged; pairs-dev.jsonl as above. */
    public static final String ULTRASOUND = "Similarly, there was no clear difference between groups in terms of faecal "
            + "incontinence, flatal incontinence, faecal urgency, or maternal quality of life.";

    /** Cochrane review CD003726.pub4 (tramadol), technical text, one sentence; pairs-dev.jsonl as above. */
    public static final String TRAMADOL = "Participants experienced more adverse events with tramadol than placebo.";

    /**
     * eLife 23532 abstract (CC BY 4.0), "Cortex-dependent recovery of unassisted hindlimb locomotion after complete
     * spinal cord injury in adult rats"; from /work/shared/data/abstracts-dev.jsonl.
     */
    public static final String RATS_TITLE = "Cortex-dependent recovery of unassisted hindlimb locomotion after complete "
            + "spinal cord injury in adult rats";
    public static final String RATS = "After paralyzing spinal cord injury the adult nervous system has little ability to "
            + "'heal' spinal connections, and it is assumed to be unable to develop extra-spinal recovery strategies to bypass "
            + "the lesion. We challenge this assumption, showing that completely spinalized adult rats can recover unassisted "
            + "hindlimb weight support and locomotion without explicit spinal transmission of motor commands through the "
            + "lesion. This is achieved with combinations of pharmacological and physical therapies that maximize cortical "
            + "reorganization, inducing an expansion of trunk motor cortex and forepaw sensory cortex into the deafferented "
            + "hindlimb cortex, associated with sprouting of corticospinal axons. Lesioning the reorganized cortex reverses "
            + "the recovery. Adult rats can thus develop a novel cortical sensorimotor circuit that bypasses the lesion, "
            + "probably through biomechanical coupling, to partly recover unassisted hindlimb locomotion after complete "
            + "spinal cord injury.";

    private Sources() {
    }

    public static Source rats(StudyDesign design) {
        return new Source(RATS_TITLE, List.of(new SourceSection(null, RATS)), design, "CC BY 4.0");
    }

    /** A draft that passes the structural compliance rules, with the given key finding. */
    public static Draft draft(String keyFinding) {
        return new Draft("The study looked at a drug for pressure ulcers in people with spinal cord injury.",
                "The trial lasted 24 weeks.", "212 participants with spinal cord injury.",
                "One randomised trial: very low certainty evidence.", List.of(keyFinding),
                "Researchers compared oxandrolone with a placebo.",
                List.of(new PracticalImplication("Talk it through", "Discuss any treatment questions with your care team.")),
                List.of("Only one trial, with mostly male participants."),
                new DraftMetadata(List.of("pressure ulcers"), true, "2025-1", StudyDesign.RANDOMISED_TRIAL));
    }
}
