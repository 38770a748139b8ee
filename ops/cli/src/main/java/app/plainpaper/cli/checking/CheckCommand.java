package app.plainpaper.cli.checking;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.compliance.DisclaimerRule;
import app.plainpaper.cli.drafting.AbstractRecord;
import app.plainpaper.cli.drafting.JsonLines;
import app.plainpaper.reviewchecks.RevisionChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./plainpaper check}: runs the accuracy and compliance checks on pairs or drafts (JSON lines), offline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks plain texts against their technical texts (pairs: id, technical, plain) or drafts written by"
                + " `draft` (id, source, draft) against their source, with the checks' default policy; a sentence"
                + " \"<term> means ...\" is also checked against the engine's glossary.",
                "Writes one line a record: id, verdict (pass or fail: fail when any blocker), findings, policyVersion.",
                "Bad lines are reported with their number and skipped; the exit code is 1 if any failed to parse."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "Pairs or drafts, one JSON object a line.")
    Path in;

    @Option(names = "--out", required = true, description = "Where to write the findings.")
    Path out;

    @Option(names = "--disclaimer", paramLabel = "VERSION",
            description = "Version of the disclaimer the site attaches to drafts. Default: the policy's "
                    + DisclaimerRule.CURRENT_VERSION_SETTING + ".")
    String disclaimer;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("no such file: " + in);
        }
        Checks checks = checks();
        String disclaimerVersion = disclaimer != null ? disclaimer
                : checks.policy().setting(DisclaimerRule.CURRENT_VERSION_SETTING, (String) null);
        PrintWriter err = spec.commandLine().getErr();
        CheckTally tally = new CheckTally();
        int unreadable;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            unreadable = JsonLines.read(in, err, (lineNumber, record) -> {
                CheckReport report = CheckInput.check(checks, record, disclaimerVersion);
                try {
                    writer.write(JsonLines.JSON.writeValueAsString(line(AbstractRecord.text(record, "id"), report)));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tally.add(report);
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("plainpaper check: " + tally.summary() + (unreadable > 0 ? "; " + unreadable + " lines failed to parse" : "")
                + "; findings written to " + out);
        stdout.flush();
        return unreadable > 0 ? 1 : 0;
    }

    /** The default policy, with the engine's glossary as the reference for the "<term> means ..." lines it writes. */
    static Checks checks() {
        return Checks.withDefaultPolicy().withDefinitions(RevisionChecks.engineGlossary());
    }

    static ObjectNode line(String id, CheckReport report) {
        ObjectNode o = JsonLines.JSON.createObjectNode();
        o.put("id", id);
        o.put("verdict", report.hasBlockers() ? "fail" : "pass");
        ArrayNode findings = o.putArray("findings");
        for (CheckFinding f : report.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("ruleId", f.ruleId());
            finding.put("severity", f.severity().name());
            finding.put("message", f.message());
            finding.put("section", f.section());
            finding.put("start", f.start());
            finding.put("end", f.end());
            f.sourceSentences().forEach(finding.putArray("sourceSentences")::add);
        }
        o.put("policyVersion", report.policyVersion());
        return o;
    }
}
