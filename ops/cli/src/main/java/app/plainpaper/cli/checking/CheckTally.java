package app.plainpaper.cli.checking;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Severity;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of one {@code check} run, for the summary line. */
final class CheckTally {

    int checked;
    int passed;
    int failed;
    final Map<String, Integer> blockers = new TreeMap<>();
    final Map<String, Integer> warnings = new TreeMap<>();

    void add(CheckReport report) {
        checked++;
        if (report.hasBlockers()) {
            failed++;
        } else {
            passed++;
        }
        for (CheckFinding f : report.findings()) {
            if (f.severity() == Severity.BLOCKER) {
                blockers.merge(f.ruleId(), 1, Integer::sum);
            } else if (f.severity() == Severity.WARNING) {
                warnings.merge(f.ruleId(), 1, Integer::sum);
            }
        }
    }

    String summary() {
        return checked + " checked, " + passed + " passed, " + failed + " failed; blockers: " + byRule(blockers)
                + "; warnings: " + byRule(warnings);
    }

    private static String byRule(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
