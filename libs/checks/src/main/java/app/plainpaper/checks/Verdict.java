package app.plainpaper.checks;

/** Overall outcome of a check run. */
public enum Verdict {
    /** Nothing above INFO. */
    PASS,
    /** Warnings only: an editor must look, publication may go ahead. */
    NEEDS_REVIEW,
    /** At least one BLOCKER. */
    BLOCKED
}
