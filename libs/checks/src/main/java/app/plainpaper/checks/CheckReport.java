package app.plainpaper.checks;

import java.util.Comparator;
import java.util.List;

/** The findings of one check run, ordered by severity then section. */
public record CheckReport(String policyVersion, List<CheckFinding> findings) {

    public CheckReport {
        findings = findings.stream()
                .sorted(Comparator.comparing(CheckFinding::severity).thenComparing(CheckFinding::section)
                        .thenComparingInt(CheckFinding::start))
                .toList();
    }

    public boolean hasBlockers() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
    }

    public List<CheckFinding> blockers() {
        return bySeverity(Severity.BLOCKER);
    }

    public List<CheckFinding> warnings() {
        return bySeverity(Severity.WARNING);
    }

    public List<CheckFinding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<CheckFinding> byRule(String ruleIdPrefix) {
        return findings.stream().filter(f -> f.ruleId().startsWith(ruleIdPrefix)).toList();
    }

    public Verdict verdict() {
        if (hasBlockers()) {
            return Verdict.BLOCKED;
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? Verdict.NEEDS_REVIEW : Verdict.PASS;
    }
}
