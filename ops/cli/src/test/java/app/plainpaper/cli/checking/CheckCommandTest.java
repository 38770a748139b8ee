package app.plainpaper.cli.checking;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.cli.PlainpaperCommand;
import app.plainpaper.cli.drafting.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code check} on real, open-licensed abstracts (src/test/resources/drafting, see SOURCES.md there): drafts written by
 * {@code draft}, and pairs whose plain text is made of an abstract's own sentences, then changed.
 */
class CheckCommandTest {

    /** Lima et al., PLoS Negl Trop Dis (CC BY): pmc-jats:PMC3585041 in drafting/abstracts.jsonl. */
    private static final String ABSTRACT_ID = "pmc-jats:PMC3585041";
    private static final String SURVEY = "In 2010, a cross-sectional survey was conducted in 313 sheep and 449 goats"
            + " in two districts of the same province.";
    private static final String RATES = "This study revealed an overall seropositivity rate of 9.2% in sheep and 11.6%"
            + " in goat and an increased likelihood of being seropositive in older animals (OR = 7.3; p<0.001) using an IgG ELISA.";

    @TempDir
    Path dir;

    @Test
    void draftsOfRealAbstractsAreCheckedAsFullDraftsWithTheDisclaimerOfThePolicy() throws Exception {
        Path drafts = dir.resolve("drafts.jsonl");
        Run drafted = run("draft", "--in", abstracts().toString(), "--out", drafts.toString());
        assertThat(drafted.code).as(drafted.err).isZero();
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", drafts.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        List<JsonNode> lines = read(out);
        List<JsonNode> draftLines = read(drafts);
        assertThat(lines).hasSize(draftLines.size()).hasSizeGreaterThan(1);
        int failed = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("id").stringValue()).isEqualTo(draftLines.get(i).get("id").stringValue());
            assertThat(line.get("policyVersion").stringValue()).isNotBlank();
            boolean blocker = false;
            for (JsonNode f : line.get("findings")) {
                assertThat(f.get("ruleId").stringValue()).isNotBlank();
                assertThat(f.get("section").stringValue()).isNotBlank();
                blocker |= f.get("severity").stringValue().equals("BLOCKER");
                // The policy's disclaimer is attached by default, so it is never what blocks a draft.
                assertThat(f.get("ruleId").stringValue()).isNotEqualTo("compliance.disclaimer");
            }
            assertThat(line.get("verdict").stringValue()).isEqualTo(blocker ? "fail" : "pass");
            failed += blocker ? 1 : 0;
        }
        assertThat(run.out).contains(lines.size() + " checked, " + (lines.size() - failed) + " passed, " + failed + " failed");
    }

    @Test
    void draftsWithAnOutdatedDisclaimerAreBlocked() throws Exception {
        Path drafts = dir.resolve("drafts.jsonl");
        assertThat(run("draft", "--in", abstracts().toString(), "--out", drafts.toString()).code).isZero();
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", drafts.toString(), "--out", out.toString(), "--disclaimer", "1999-0");

        assertThat(run.code).as(run.err).isZero();
        for (JsonNode line : read(out)) {
            assertThat(line.get("verdict").stringValue()).isEqualTo("fail");
            assertThat(ruleIds(line)).contains("compliance.disclaimer");
        }
    }

    @Test
    void pairsFailOnAChangedNumberOrInsertedAdviceAndPassWhenFaithful() throws Exception {
        String technical = abstractText(ABSTRACT_ID);
        assertThat(technical).contains(SURVEY, RATES);
        Path in = dir.resolve("pairs.jsonl");
        Files.write(in, List.of(
                pair("clean", technical, SURVEY + " " + RATES),
                pair("number", technical, SURVEY + " " + RATES.replace("9.2%", "19.2%")),
                pair("advice", technical, SURVEY + " " + RATES + " If you keep sheep or goats, you should ask a vet to test them for RVF antibodies.")));
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", in.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        List<JsonNode> lines = read(out);
        assertThat(lines).extracting(l -> l.get("id").stringValue()).containsExactly("clean", "number", "advice");
        assertThat(lines.get(0).get("verdict").stringValue()).as(lines.get(0).toString()).isEqualTo("pass");
        assertThat(severities(lines.get(0))).doesNotContain("BLOCKER");
        assertThat(lines.get(1).get("verdict").stringValue()).isEqualTo("fail");
        assertThat(ruleIds(lines.get(1))).contains("accuracy.number.contradicted");
        assertThat(lines.get(2).get("verdict").stringValue()).isEqualTo("fail");
        assertThat(ruleIds(lines.get(2))).contains("compliance.advice");
        assertThat(run.out).contains("3 checked, 1 passed, 2 failed")
                .contains("accuracy.number.contradicted=").contains("compliance.advice=");
    }

    /**
     * The background of PMID 22727195 (BMC Women's Health 2012;12:16, doi 10.1186/1472-6874-12-16, CC BY), from
     * /work/shared/data/abstracts-dev.jsonl, and the engine's line for HER2 from its glossary.tsv.
     */
    @Test
    void aGlossaryLineIsCheckedAgainstTheEnginesGlossary() throws Exception {
        String technical = "Hormone receptor (HR) and HER2 expression predict the therapeutic response and prognosis of"
                + " breast cancer. This study investigates HR and HER2 expression among Kurdish and Arabic women.";
        String glossaryLine = "HER2 means a protein that can make some breast cancers grow faster.";
        String plain = "This study looked at HR and HER2 in the breast cancers of Kurdish and Arabic women. " + glossaryLine;
        Path in = dir.resolve("pairs.jsonl");
        Files.write(in, List.of(pair("glossary", technical, plain),
                pair("reversed", technical, plain.replace("grow faster", "grow slower"))));
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", in.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        List<JsonNode> lines = read(out);
        assertThat(lines.get(0).get("verdict").stringValue()).as(lines.get(0).toString()).isEqualTo("pass");
        assertThat(lines.get(1).get("verdict").stringValue()).isEqualTo("fail");
        JsonNode direction = null;
        for (JsonNode f : lines.get(1).get("findings")) {
            if (f.get("ruleId").stringValue().equals("accuracy.direction")) {
                direction = f;
            }
        }
        assertThat(direction).as(lines.get(1).toString()).isNotNull();
        assertThat(direction.get("sourceSentences").get(0).stringValue()).isEqualTo(glossaryLine);
        assertThat(ruleIds(lines.get(1))).contains("accuracy.glossary.changed");
    }

    @Test
    void badLinesAreReportedWithTheirNumberSkippedAndExitOne() throws Exception {
        String technical = abstractText(ABSTRACT_ID);
        Path in = dir.resolve("pairs.jsonl");
        Files.write(in, List.of(
                "{not json",
                "{\"id\": \"no-plain\", \"technical\": \"Some text.\"}",
                "{\"id\": \"other\", \"title\": \"neither\"}",
                pair("clean", technical, SURVEY)));
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", in.toString(), "--out", out.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains(in + ":1: not valid JSON", in + ":2: skipped: no plain", in + ":3: skipped: neither");
        assertThat(read(out)).extracting(l -> l.get("id").stringValue()).containsExactly("clean");
        assertThat(run.out).contains("1 checked", "3 lines failed to parse");
    }

    @Test
    void theSharedDevPairsAreCheckedWhenPresent() throws Exception {
        Path pairs = sharedDir().resolve("data/pairs-dev.jsonl");
        if (!Files.isRegularFile(pairs)) {
            System.out.println("skipped: no " + pairs + " (set PLAINPAPER_SHARED)");
            return;
        }
        Path out = dir.resolve("findings.jsonl");

        Run run = run("check", "--in", pairs.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        long records = Files.readAllLines(pairs).stream().filter(l -> !l.isBlank()).count();
        assertThat(read(out)).hasSize((int) records);
        assertThat(run.out).contains(records + " checked");
    }

    private static String pair(String id, String technical, String plain) {
        ObjectNode o = JsonLines.JSON.createObjectNode();
        o.put("id", id).put("technical", technical).put("plain", plain);
        return JsonLines.JSON.writeValueAsString(o);
    }

    private static String abstractText(String id) throws Exception {
        for (JsonNode r : read(abstracts())) {
            if (r.get("id").stringValue().equals(id)) {
                List<String> texts = new ArrayList<>();
                r.get("sections").forEach(s -> texts.add(s.get("text").stringValue()));
                return String.join("\n", texts);
            }
        }
        throw new AssertionError("no " + id + " in " + abstracts());
    }

    private static List<String> ruleIds(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.get("findings").forEach(f -> ids.add(f.get("ruleId").stringValue()));
        return ids;
    }

    private static List<String> severities(JsonNode line) {
        List<String> out = new ArrayList<>();
        line.get("findings").forEach(f -> out.add(f.get("severity").stringValue()));
        return out;
    }

    private static Path abstracts() throws URISyntaxException {
        return Path.of(CheckCommandTest.class.getResource("/drafting/abstracts.jsonl").toURI());
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank()) {
                out.add(JsonLines.JSON.readTree(l));
            }
        }
        return out;
    }

    private static Path sharedDir() {
        String configured = System.getenv("PLAINPAPER_SHARED");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../../shared").normalize();
    }

    private static Run run(String... args) {
        var cli = PlainpaperCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
