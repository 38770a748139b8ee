package app.plainpaper.pipeline;

import java.util.List;

/** Topic names of the summary workflow, one per state transition (declared with their settings in ops/topics). */
public final class Topics {

    public static final String INGESTED = "summary.ingested";
    public static final String DRAFTED = "summary.drafted";
    public static final String COMPLIANCE_ADVISED = "summary.compliance-advised";
    public static final String ACCURACY_CHECKED = "summary.accuracy-checked";
    public static final String COMMANDS = "summary.commands";
    public static final String EDITOR_APPROVED = "summary.editor-approved";
    public static final String REVISION_REQUESTED = "summary.revision-requested";
    public static final String CHANGES_REQUESTED = "summary.changes-requested";
    public static final String FINDING_OVERRIDDEN = "summary.finding-overridden";
    public static final String DECISION_REFUSED = "summary.decision-refused";
    public static final String SIGNED_OFF = "summary.signed-off";
    public static final String REJECTED = "summary.rejected";
    public static final String COMPLIANCE_PASSED = "summary.compliance-passed";
    public static final String COMPLIANCE_FAILED = "summary.compliance-failed";
    public static final String PUBLISHED = "summary.published";

    /** Every topic that carries {@code SummaryEvent}s; read models subscribe to all of them. */
    public static final List<String> SUMMARY_EVENTS = List.of(INGESTED, DRAFTED, COMPLIANCE_ADVISED, ACCURACY_CHECKED,
            EDITOR_APPROVED, REVISION_REQUESTED, CHANGES_REQUESTED, FINDING_OVERRIDDEN, DECISION_REFUSED, SIGNED_OFF,
            REJECTED, COMPLIANCE_PASSED, COMPLIANCE_FAILED, PUBLISHED);

    /** The dead-letter topic of one consuming service. */
    public static String deadLetter(String serviceName) {
        return serviceName + ".dlt";
    }

    private Topics() {
    }
}
