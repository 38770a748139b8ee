package app.plainpaper.checks;

/** How bad a finding is. A BLOCKER stops publication. */
public enum Severity {
    BLOCKER, WARNING, INFO
}
