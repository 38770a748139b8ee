package app.plainpaper.cli.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.plainpaper.cli.PlainpaperCommand;
import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.SectionReadability;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code draft} and {@code evaluate} on real, open-licensed abstracts (see src/test/resources/drafting/SOURCES.md). */
class DraftingCommandsTest {

    private static final List<String> DRAFT_FIELDS = List.of("simpleExplanation", "studyDuration", "participants",
            "evidenceLevel", "keyFindings", "researchSummary", "practicalImplications", "limitations", "categories",
            "readability", "editorFlags", "engine");
    /** Devaraj et al. 2021 pairs: licence not stated, so read in place (shared/ beside the repo, or PLAINPAPER_SHARED). */
    private static final Path SHARED_PAIRS = sharedDir().resolve("data/pairs-dev.jsonl");

    private static Path abstracts;
    private static List<String> inputLines;

    @TempDir
    Path dir;

    @BeforeAll
    static void readData() throws URISyntaxException, IOException {
        abstracts = Path.of(DraftingCommandsTest.class.getResource("/drafting/abstracts.jsonl").toURI());
        inputLines = Files.readAllLines(abstracts).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void draftWritesOneJsonLinePerRecordWithTheSourceAndEverySection() throws IOException {
        Path out = dir.resolve("drafts.jsonl");

        Run run = run("draft", "--in", abstracts.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(inputLines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode input = JsonLines.JSON.readTree(inputLines.get(i));
            JsonNode line = JsonLines.JSON.readTree(lines.get(i));
            assertThat(line.get("id").stringValue()).isEqualTo(input.get("id").stringValue());
            assertThat(line.get("source")).isEqualTo(input);
            JsonNode draft = line.get("draft");
            assertThat(draft.propertyNames()).containsExactlyInAnyOrderElementsOf(DRAFT_FIELDS);
            assertThat(draft.get("simpleExplanation").stringValue()).isNotBlank();
            assertThat(draft.get("engine").stringValue()).isEqualTo(BuiltInDraftingEngine.ENGINE);
            JsonNode evidence = draft.get("evidenceLevel");
            assertThat(evidence.has("scale") && evidence.has("level") && evidence.has("design")
                    && evidence.has("reason")).as(evidence.toString()).isTrue();
            String abstractText = input.get("abstract_text").stringValue();
            assertThat(draft.get("keyFindings").size()).isPositive();
            for (JsonNode finding : draft.get("keyFindings")) {
                assertThat(finding.get("text").stringValue()).isNotBlank();
                for (JsonNode source : finding.get("sources")) {
                    assertThat(source.get("index").isInt()).isTrue();
                    // The cited sentence is a sentence of this record's abstract, as written.
                    assertThat(abstractText).contains(source.get("text").stringValue());
                }
            }
            assertThat(draft.get("practicalImplications").get(0).has("title")).isTrue();
            assertThat(draft.get("readability").get(0).get("section").stringValue()).isEqualTo("simpleExplanation");
        }
    }

    @Test
    void sectionsNullFallsBackToTheAbstractText() throws IOException {
        ObjectNode record = (ObjectNode) JsonLines.JSON.readTree(inputLines.get(0));
        record.putNull("sections");
        Path in = dir.resolve("no-sections.jsonl");
        Files.writeString(in, JsonLines.JSON.writeValueAsString(record) + "\n");
        Path out = dir.resolve("drafts.jsonl");

        Run run = run("draft", "--in", in.toString(), "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        JsonNode draft = JsonLines.JSON.readTree(Files.readAllLines(out).get(0)).get("draft");
        assertThat(draft.get("keyFindings").size()).isPositive();
        assertThat(draft.get("keyFindings").get(0).get("sources").size()).isPositive();
    }

    @Test
    void markdownHasAHeadingPerSectionAndNotSpecifiedWhereTheAbstractDoesNotSay() throws IOException {
        Path out = dir.resolve("drafts.md");

        Run run = run("draft", "--in", abstracts.toString(), "--out", out.toString(), "--format", "markdown");

        assertThat(run.code).as(run.err).isZero();
        String md = Files.readString(out);
        for (String heading : List.of("## Simple Explanation", "## Study Duration", "## Participants",
                "## Evidence Level", "## Key Findings", "## Research Summary", "## Practical Implications",
                "## Limitations", "## Categories", "## Readability", "## Editor Flags")) {
            assertThat(count(md, heading + "\n")).as(heading).isEqualTo(inputLines.size());
        }
        BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
        String[] parts = md.split("\n---\n");
        int unstated = 0;
        for (int i = 0; i < inputLines.size(); i++) {
            JsonNode record = JsonLines.JSON.readTree(inputLines.get(i));
            DraftText draft = engine.draft(AbstractRecord.toPaper(record));
            assertThat(parts[i]).startsWith((i == 0 ? "" : "\n") + "# " + record.get("title").stringValue().strip());
            String duration = draft.studyDuration() == null ? DraftMarkdown.NOT_SPECIFIED : draft.studyDuration();
            assertThat(parts[i]).contains("## Study Duration\n\n" + duration + "\n");
            unstated += draft.studyDuration() == null ? 1 : 0;
        }
        assertThat(count(md, "## Study Duration\n\nNot specified\n")).isEqualTo(unstated);
    }

    @Test
    void badLinesAreReportedWithTheirNumberSkippedAndFailTheRun() throws IOException {
        Path in = dir.resolve("mixed.jsonl");
        Files.writeString(in, inputLines.get(0) + "\n{\"id\": \"broken\", \"title\": \n"
                + "{\"id\": \"untitled\", \"sections\": null, \"abstract_text\": \"Some text.\"}\n\n"
                + inputLines.get(1) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("drafts.jsonl");

        Run run = run("draft", "--in", in.toString(), "--out", out.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains(in + ":2: not valid JSON", in + ":3: skipped: no title",
                "2 drafts written", "2 lines failed");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(JsonLines.JSON.readTree(lines.get(1)).get("id").stringValue())
                .isEqualTo(JsonLines.JSON.readTree(inputLines.get(1)).get("id").stringValue());
    }

    @Test
    void evaluatePrintsFiguresPerDraftAndOverallThatMatchTheEngine() throws IOException {
        Run run = run("evaluate", "--in", abstracts.toString());

        assertThat(run.code).as(run.err).isZero();
        BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
        List<Double> grades = new ArrayList<>();
        for (String line : inputLines) {
            JsonNode record = JsonLines.JSON.readTree(line);
            DraftText draft = engine.draft(AbstractRecord.toPaper(record));
            double grade = draft.readability().stream().filter(r -> r.section().equals("simpleExplanation"))
                    .mapToDouble(SectionReadability::fleschKincaidGrade).findFirst().orElseThrow();
            grades.add(grade);
            String id = record.get("id").stringValue();
            Matcher row = Pattern.compile("(?m)^" + Pattern.quote(id) + "\\s+([\\d.]+)\\s+([\\d.]+)\\s+(\\d+)/(\\d+)"
                    + "\\s+(\\d+)\\s+(\\d+)/(\\d+)\\s+(yes|no)\\s+(yes|no)$").matcher(run.out);
            assertThat(row.find()).as(id + " in\n" + run.out).isTrue();
            assertThat(Double.parseDouble(row.group(1))).as(id).isCloseTo(grade, within(0.11));
            assertThat(row.group(5)).as("numbers not in source, " + id).isEqualTo("0");
            assertThat(Integer.parseInt(row.group(7))).isEqualTo(draft.keyFindings().size());
            assertThat(row.group(8)).isEqualTo(draft.participants() == null ? "no" : "yes");
            assertThat(row.group(9)).isEqualTo(draft.studyDuration() == null ? "no" : "yes");
        }
        assertThat(figure(run.out, "numbers in the draft not in the source (must be 0)")).isEqualTo("0");
        assertThat(figure(run.out, "key findings without a source sentence")).startsWith("0/");
        double max = grades.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(Double.parseDouble(figure(run.out, "Flesch-Kincaid grade, max"))).isCloseTo(max, within(0.11));
        assertThat(figure(run.out, "participants filled")).endsWith("/" + inputLines.size());
    }

    @Test
    void evaluateComparesOurDraftWithTheHumanSummaryOnPairs() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SHARED_PAIRS),
                () -> "skipped: " + SHARED_PAIRS + " is absent (Devaraj et al. 2021 pairs are read in place, not copied)");
        List<String> two = Files.readAllLines(SHARED_PAIRS).stream().filter(l -> !l.isBlank()).limit(2).toList();
        Path in = dir.resolve("pairs.jsonl");
        Files.write(in, two);

        Run run = run("evaluate", "--in", in.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("FK ours", "FK human", "2 pairs");
        for (String line : two) {
            assertThat(run.out).contains(JsonLines.JSON.readTree(line).get("id").stringValue());
        }
        Matcher numbers = Pattern.compile("(?m)^numbers not in the technical text, total\\s+(\\d+)\\s+(\\d+)$")
                .matcher(run.out);
        assertThat(numbers.find()).as(run.out).isTrue();
        assertThat(numbers.group(1)).isEqualTo("0");
        Matcher grade = Pattern.compile("(?m)^Flesch-Kincaid grade, median\\s+([\\d.]+)\\s+([\\d.]+)$").matcher(run.out);
        assertThat(grade.find()).as(run.out).isTrue();
        // The human summaries of Cochrane reviews read well above school grade 8; ours are meant to be easier.
        assertThat(Double.parseDouble(grade.group(1))).isLessThan(Double.parseDouble(grade.group(2)));
    }

    @Test
    void evaluateReportsALineInNeitherFormat() throws IOException {
        Path in = dir.resolve("mixed.jsonl");
        Files.writeString(in, inputLines.get(0) + "\n{\"id\": \"x\", \"text\": \"no known format\"}\n[1, 2]\n");

        Run run = run("evaluate", "--in", in.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains(in + ":2: skipped: neither an abstract record", in + ":3: skipped: not a JSON object");
        assertThat(run.out).contains("1 drafts", "2 lines failed");
    }

    @Test
    void aMissingInputFileIsAClearError() {
        Run run = run("evaluate", "--in", dir.resolve("nowhere.jsonl").toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("no such file");
    }

    private static Path sharedDir() {
        String configured = System.getenv("PLAINPAPER_SHARED");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../../shared").normalize();
    }

    private static String figure(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+(\\S+)").matcher(out);
        assertThat(m.find()).as(name + " in\n" + out).isTrue();
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
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
