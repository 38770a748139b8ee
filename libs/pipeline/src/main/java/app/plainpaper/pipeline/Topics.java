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
    public static final String SENT_BACK = "summary.sent-back";
    public static final String UNPUBLISHED = "summary.unpublished";
    public static final String RETRACTED = "summary.retracted";

    /** Retractions and corrections found after ingestion; the review workflow turns them into summary events. */
    public static final String PAPER_NOTICES = "paper.notices";
    /** Saved PubMed searches and their cursors (compacted). */
    public static final String SAVED_SEARCHES = "ingestion.saved-searches";
    /** Claims and comments from the desk. */
    public static final String DESK_ACTIVITY = "desk.activity";
    /** Logins and failed logins. */
    public static final String DESK_AUDIT = "desk.audit";
    /** Reviewer names, credentials and declared conflicts of interest (compacted). */
    public static final String REVIEWER_PROFILES = "desk.reviewer-profiles";
    /** "Was this summary helpful?" answers; comments encrypted with a per-person key. */
    public static final String READER_FEEDBACK = "reader.feedback";
    /** Subscribers (compacted; erasure is a tombstone). */
    public static final String SUBSCRIBERS = "reader.subscribers";
    /** Per-person data keys (compacted); deleting one crypto-shreds that person's data. */
    public static final String DATA_KEYS = "reader.data-keys";

    /** Every topic that carries {@code SummaryEvent}s; read models subscribe to all of them. */
    public static final List<String> SUMMARY_EVENTS = List.of(INGESTED, DRAFTED, COMPLIANCE_ADVISED, ACCURACY_CHECKED,
            EDITOR_APPROVED, REVISION_REQUESTED, CHANGES_REQUESTED, FINDING_OVERRIDDEN, DECISION_REFUSED, SIGNED_OFF,
            REJECTED, COMPLIANCE_PASSED, COMPLIANCE_FAILED, PUBLISHED, SENT_BACK, UNPUBLISHED, RETRACTED);

    /** The dead-letter topic of one consuming service. */
    public static String deadLetter(String serviceName) {
        return serviceName + ".dlt";
    }

    private Topics() {
    }
}
