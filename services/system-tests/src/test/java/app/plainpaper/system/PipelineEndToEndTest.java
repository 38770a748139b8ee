package app.plainpaper.system;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference study from ingestion to the live page, with every human decision made through the desk's HTTP API
 * and every event read back from its topic through the registry.
 */
class PipelineEndToEndTest {

    @TempDir
    static Path data;
    static RunningPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new RunningPipeline(data).start();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** `./plainpaper ingest` against the running ingestion service: a new paper, then the same file again, then a refusal. */
    @Test
    void theCliSendsFilesToTheRunningIngestionService() throws Exception {
        Path ris = data.resolve("crossref.ris");
        Files.writeString(ris, RunningPipeline.resource("commonmeta-py__tests_fixtures_crossref.ris"));
        Path notAFile = data.resolve("notes.txt");
        Files.writeString(notAFile, "These are not references.\n");

        Cli first = cli("ingest", "--progress", "LINES", ris.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("crossref.ris: 1 accepted, 0 duplicates, 0 rejected",
                "Total, 1 file: 1 accepted, 0 duplicates, 0 rejected, 0 files refused");

        Cli again = cli("ingest", "--progress", "LINES", ris.toString(), notAFile.toString());
        assertThat(again.exitCode()).as("a refused file fails the command").isEqualTo(1);
        assertThat(again.output()).contains("crossref.ris: 0 accepted, 1 duplicate, 0 rejected", "notes.txt: refused (",
                "1 file refused");
    }

    record Cli(int exitCode, String output) {
    }

    /** Runs the CLI as users do, from its jar, pointed at the pipeline's ingestion service. */
    static Cli cli(String... args) throws Exception {
        Path repo = Path.of(System.getProperty("plainpaper.repo", "../.."));
        Path jar = repo.resolve("ops/cli/target/plainpaper-cli-0.1.0-SNAPSHOT-exec.jar");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.add("--ingestion-url=" + pipeline.service("ingestion").url(""));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Cli(process.exitValue(), output);
    }

    @Test
    void referenceStudyIsPublishedAfterEditorAndClinicalReview() throws Exception {
        String paper = RunningPipeline.resource("reference-study.json");
        var created = pipeline.ingest(paper);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String summaryId = RunningPipeline.JSON.readTree(created.body()).get("summaryId").asString();

        var again = pipeline.ingest(paper);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(RunningPipeline.JSON.readTree(again.body()).get("summaryId").asString()).isEqualTo(summaryId);

        JsonNode inReview = awaitState(summaryId, "editor-review");
        int revision = inReview.get("revision").asInt();
        assertThat(revision).isEqualTo(1);
        var queue = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/queues/editor", null).body());
        assertThat(queue.findValuesAsString("summaryId")).contains(summaryId);

        JsonNode draft = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/draft", null).body());
        assertThat(draft.get("participants").asString()).contains("30").containsIgnoringCase("bone metastas");
        overrideBlockers(summaryId, revision);

        var approved = pipeline.decide("editor", summaryId, revision, "approve", "Reads well.");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
        awaitState(summaryId, "clinical-review");
        var clinicalQueue = RunningPipeline.JSON.readTree(pipeline.desk("clinician", "GET", "/api/queues/clinical", null).body());
        assertThat(clinicalQueue.findValuesAsString("summaryId")).contains(summaryId);

        var signedOff = pipeline.decide("clinician", summaryId, revision, "sign-off", "Numbers match the abstract.");
        assertThat(signedOff.statusCode()).as(signedOff.body()).isEqualTo(202);
        JsonNode published = awaitState(summaryId, "published");
        String url = published.get("url").asString();
        assertThat(url).startsWith("http://localhost:" + pipeline.sitePort + "/research/");

        var page = pipeline.site(url.substring(url.indexOf("/research/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Study on the Correlation between Pain and Cytokine Expression")
                .contains("Pain Research and Management")
                .contains("https://doi.org/10.1155/2022/1119014")
                .contains("Simple Explanation", "Study Duration", "Participants", "Evidence Level", "Key Findings",
                        "Research Summary", "Practical Implications", "Study Limitations")
                .contains("30 cancer patients")
                .containsIgnoringCase("pain score")
                .contains("Medically reviewed by Dr Casey Morgan, MD, PhD");

        Map<String, List<SummaryEvent>> events = pipeline.eventsOf(summaryId, Topics.SUMMARY_EVENTS);
        assertThat(events.keySet()).contains(Topics.INGESTED, Topics.DRAFTED, Topics.COMPLIANCE_ADVISED,
                Topics.ACCURACY_CHECKED, Topics.EDITOR_APPROVED, Topics.SIGNED_OFF, Topics.COMPLIANCE_PASSED, Topics.PUBLISHED);
        assertThat(events.get(Topics.INGESTED)).singleElement()
                .satisfies(e -> assertThat(e.getPaper().getDoi()).isEqualTo("10.1155/2022/1119014"));
        SummaryEvent last = events.get(Topics.PUBLISHED).get(0);
        assertThat(last.getState()).isEqualTo(WorkflowState.PUBLISHED);
        assertThat(last.getType()).isEqualTo(EventType.PUBLISHED);
        assertThat(last.getPublication().getUrl()).isEqualTo(url);
        assertThat(last.getSignOff().getReviewer().getId()).isEqualTo("clinician");
        List<SummaryEvent> all = events.values().stream().flatMap(List::stream)
                .filter(e -> e.getType() != EventType.DECISION_REFUSED)
                .sorted(java.util.Comparator.comparingLong(SummaryEvent::getSequence)).toList();
        assertThat(all).extracting(SummaryEvent::getSequence).doesNotHaveDuplicates();
        assertThat(all).extracting(SummaryEvent::getCorrelationId).containsOnly(all.get(0).getCorrelationId());
        assertThat(all.get(all.size() - 1).getType()).isEqualTo(EventType.PUBLISHED);

        // One trace from the ingestion request to summary.published, across every hop and both human decisions.
        List<String> topics = new java.util.ArrayList<>(Topics.SUMMARY_EVENTS);
        topics.add(Topics.COMMANDS);
        Map<String, List<String>> traces = pipeline.traceIdsOf(summaryId, topics);
        assertThat(traces).containsKeys(Topics.INGESTED, Topics.COMMANDS, Topics.PUBLISHED);
        String traceId = traces.get(Topics.INGESTED).get(0);
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(traces.values().stream().flatMap(List::stream)).as("trace ids per topic: " + traces).containsOnly(traceId);
    }

    /**
     * The loop-backs: a clinical reviewer asks for changes; a compliance failure on signed-off text (advice wording an
     * editor let through); the edit that fixes it voids the sign-off, so the new revision goes through clinical review
     * again; and a stale decision that reaches the workflow is recorded as refused.
     */
    @Test
    void reviewLoopsBackAndAnEditAfterSignOffVoidsIt() throws Exception {
        String paper = RunningPipeline.resource("reference-study.json")
                .replace("10.1155/2022/1119014", "10.1155/2022/loop-back").replace("35845981", "99999001");
        var created = pipeline.ingest(paper);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String summaryId = RunningPipeline.JSON.readTree(created.body()).get("summaryId").asString();

        awaitState(summaryId, "editor-review");
        overrideBlockers(summaryId, 1);
        accept(pipeline.decide("editor", summaryId, 1, "approve", "First pass."));
        awaitState(summaryId, "clinical-review");

        accept(pipeline.decide("clinician", summaryId, 1, "request-changes", "Say that the controls were healthy people."));
        JsonNode back = awaitState(summaryId, "editor-review");
        assertThat(back.get("revision").asInt()).isEqualTo(1);
        assertThat(back.get("reason").asString()).contains("Say that the controls were healthy people.");
        var editorQueue = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/queues/editor", null).body());
        assertThat(editorQueue.toString()).contains(summaryId, "Say that the controls were healthy people.");

        // The editor adds advice wording: compliance flags it as a blocker; the editor overrides it anyway.
        edit(summaryId, 1, Map.of("practicalImplications[0]", "You should ask your doctor to prescribe radiotherapy for bone pain."));
        JsonNode revision2 = awaitRevisionInState(summaryId, 2, "editor-review");
        assertThat(revision2.get("reason").asString()).contains("blocker");
        overrideBlockers(summaryId, 2);
        accept(pipeline.decide("editor", summaryId, 2, "approve", "Approved."));
        awaitState(summaryId, "clinical-review");
        accept(pipeline.decide("clinician", summaryId, 2, "sign-off", "Accurate."));

        // The final gate does not honour overrides of compliance blockers: advice never reaches readers.
        JsonNode failed = awaitState(summaryId, "editor-review");
        assertThat(failed.get("revision").asInt()).isEqualTo(2);
        assertThat(failed.get("reason").asString()).startsWith("Compliance check failed");

        edit(summaryId, 2, Map.of("practicalImplications[0]", "The study suggests that some blood markers may be linked to bone pain."));
        JsonNode revision3 = awaitRevisionInState(summaryId, 3, "editor-review");
        var history = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/history", null).body());
        assertThat(history.toString()).contains("Clinical sign-off of revision 2 voided");
        overrideBlockers(summaryId, 3);
        accept(pipeline.decide("editor", summaryId, 3, "approve", "Fixed."));
        awaitState(summaryId, "clinical-review");

        // A stale decision that slips past the desk is refused where it is processed, and recorded.
        var stale = app.plainpaper.events.EditorialCommand.newBuilder()
                .setCommandId(java.util.UUID.randomUUID().toString()).setSummaryId(summaryId).setRevision(2)
                .setAction(app.plainpaper.events.DecisionAction.SIGN_OFF)
                .setActor(app.plainpaper.events.Actor.newBuilder().setId("clinician").setRole(app.plainpaper.events.Role.CLINICAL_REVIEWER).build())
                .setIssuedAt(java.time.Instant.now()).build();
        pipeline.sendCommand(stale);
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/history", null)
                .body().contains("decision-refused"));
        assertThat(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/history", null).body())
                .contains("The decision was about revision 2, but the summary is now at revision 3");
        assertThat(pipeline.summary(summaryId).get("state").asString()).isEqualTo("clinical-review");

        accept(pipeline.decide("clinician", summaryId, 3, "sign-off", "Accurate now."));
        JsonNode published = awaitState(summaryId, "published");
        assertThat(published.get("revision").asInt()).isEqualTo(3);
        var page = pipeline.site(published.get("url").asString().substring(published.get("url").asString().indexOf("/research/")));
        assertThat(page.body()).contains("may be linked to bone pain").doesNotContain("You should ask your doctor");
    }

    /** A wrong number is a blocker: the draft is held back from clinical review until the editor fixes it. */
    @Test
    void aWrongNumberIsHeldBackUntilTheEditorFixesIt() throws Exception {
        String paper = RunningPipeline.resource("reference-study.json")
                .replace("10.1155/2022/1119014", "10.1155/2022/wrong-number").replace("35845981", "99999002");
        var created = pipeline.ingest(paper);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String summaryId = RunningPipeline.JSON.readTree(created.body()).get("summaryId").asString();
        awaitState(summaryId, "editor-review");
        overrideBlockers(summaryId, 1);

        edit(summaryId, 1, Map.of("participants", "40 cancer patients with bone metastasis"));
        JsonNode heldBack = awaitRevisionInState(summaryId, 2, "editor-review");
        assertThat(heldBack.get("reason").asString()).startsWith("Held back from clinical review");
        JsonNode draft = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/draft", null).body());
        JsonNode blocker = null;
        for (JsonNode finding : draft.get("findings")) {
            if ("blocker".equals(finding.get("severity").asString()) && "participants".equals(finding.get("section").asString())) {
                blocker = finding;
            }
        }
        assertThat(blocker).as("a blocker on the participants: " + draft.get("findings")).isNotNull();
        assertThat(blocker.get("ruleId").asString()).startsWith("accuracy.number");
        assertThat(draft.get("participants").asString().substring(blocker.get("start").asInt(), blocker.get("end").asInt())).contains("40");

        // The desk passes the approval on; the workflow refuses it and says why.
        accept(pipeline.decide("editor", summaryId, 2, "approve", "Looks fine."));
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/history", null)
                .body().contains("unresolved blocker"));
        assertThat(pipeline.summary(summaryId).get("state").asString()).isEqualTo("editor-review");

        edit(summaryId, 2, Map.of("participants", "30 cancer patients with bone metastasis and 30 healthy individuals"));
        awaitRevisionInState(summaryId, 3, "editor-review");
        JsonNode fixed = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/draft", null).body());
        for (JsonNode finding : fixed.get("findings")) {
            assertThat("blocker".equals(finding.get("severity").asString()) && "participants".equals(finding.get("section").asString()))
                    .as("the fixed count is no longer a blocker: " + finding).isFalse();
        }
        overrideBlockers(summaryId, 3);
        accept(pipeline.decide("editor", summaryId, 3, "approve", "Fixed the count."));
        awaitState(summaryId, "clinical-review");
    }

    private static void accept(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void edit(String summaryId, int revision, Map<String, String> sections) throws Exception {
        accept(pipeline.desk("editor", "POST", "/api/summaries/" + summaryId + "/decisions", RunningPipeline.JSON.writeValueAsString(
                Map.of("revision", revision, "action", "edit", "sections", sections, "comment", "Editor's edit"))));
    }

    /** Overrides every open blocker of the revision, as an editor who checked each against the source. */
    private static void overrideBlockers(String summaryId, int revision) throws Exception {
        JsonNode draft = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/draft", null).body());
        assertThat(draft.get("revision").asInt()).isEqualTo(revision);
        for (JsonNode finding : draft.get("findings")) {
            if ("blocker".equals(finding.get("severity").asString()) && !finding.get("resolved").asBoolean()) {
                accept(pipeline.desk("editor", "POST", "/api/summaries/" + summaryId + "/decisions",
                        RunningPipeline.JSON.writeValueAsString(Map.of("revision", revision, "action", "override",
                                "findingId", finding.get("findingId").asString(), "comment", "Checked against the abstract."))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.summary(summaryId).get("reason").isNull());
    }

    private static JsonNode awaitRevisionInState(String summaryId, int revision, String state) {
        JsonNode[] seen = new JsonNode[1];
        await(summaryId + " revision " + revision + " in " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen[0] = pipeline.summary(summaryId);
            return seen[0] != null && seen[0].get("revision").asInt() == revision && state.equals(seen[0].get("state").asString());
        });
        return seen[0];
    }

    private static JsonNode awaitState(String summaryId, String state) {
        JsonNode[] seen = new JsonNode[1];
        await(summaryId + " in " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen[0] = pipeline.summary(summaryId);
            return seen[0] != null && state.equals(seen[0].get("state").asString());
        });
        return seen[0];
    }
}
