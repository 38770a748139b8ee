package app.plainpaper.desk.api;

import app.plainpaper.events.Actor;
import app.plainpaper.events.Decision;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.desk.DeskHttp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static app.plainpaper.desk.SummaryEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may decide what, over real HTTP: anonymous, wrong role, stale revision, CSRF, and identity from the session. */
class DecisionApiTest extends DeskHttp {
    static final String IN_EDITOR_REVIEW = "desk-" + UUID.randomUUID();
    static final String IN_CLINICAL_REVIEW = "desk-" + UUID.randomUUID();

    @BeforeAll
    static void upstreamEvents() throws Exception {
        try (var producer = new KafkaProducer<String, Object>(BED.avroProducer())) {
            producer.send(new ProducerRecord<>(Topics.ACCURACY_CHECKED, IN_EDITOR_REVIEW,
                    event(IN_EDITOR_REVIEW, 4, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW))).get();
            producer.send(new ProducerRecord<>(Topics.EDITOR_APPROVED, IN_CLINICAL_REVIEW,
                    event(IN_CLINICAL_REVIEW, 5, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW))).get();
        }
    }

    /** Events of one summary on different topics arrive in any order; the desk keeps the newest state. */
    @Test
    void eventsDeliveredOutOfOrderAcrossTopicsLeaveTheQueuesRight() throws Exception {
        String summaryId = "desk-order-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, Object>(BED.avroProducer())) {
            // Newest first: approved (5) before the editor-review event (4) it followed, then an old draft (2).
            producer.send(new ProducerRecord<>(Topics.EDITOR_APPROVED, summaryId,
                    event(summaryId, 5, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW))).get();
            producer.send(new ProducerRecord<>(Topics.ACCURACY_CHECKED, summaryId,
                    event(summaryId, 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW))).get();
            producer.send(new ProducerRecord<>(Topics.DRAFTED, summaryId,
                    event(summaryId, 2, 1, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", "/api/summaries/" + summaryId + "/history").body()
                .split("\"eventId\"").length - 1 == 3);
        assertThat(get("editor", "/api/summaries/" + summaryId).body()).contains("\"state\":\"clinical-review\"");
        assertThat(get("clinician", "/api/queues/clinical").body()).contains(summaryId);
        assertThat(get("editor", "/api/queues/editor").body()).doesNotContain(summaryId);
    }

    void awaitBoard() {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", "/api/summaries/" + IN_CLINICAL_REVIEW).statusCode() == 200
                && get("editor", "/api/summaries/" + IN_EDITOR_REVIEW).statusCode() == 200);
    }

    @Test
    void summariesAndQueuesAnswerTheFixedShape() throws Exception {
        awaitBoard();
        var summary = get("editor", "/api/summaries/" + IN_EDITOR_REVIEW);
        assertThat(summary.body()).contains("\"summaryId\":\"" + IN_EDITOR_REVIEW + "\"", "\"revision\":2",
                "\"state\":\"editor-review\"", "\"url\":null");
        assertThat(get("editor", "/api/queues/editor").body()).contains(IN_EDITOR_REVIEW).doesNotContain(IN_CLINICAL_REVIEW);
        assertThat(get("clinician", "/api/queues/clinical").body()).contains(IN_CLINICAL_REVIEW).doesNotContain(IN_EDITOR_REVIEW);
        assertThat(get("editor", "/api/summaries/unknown").statusCode()).isEqualTo(404);
        assertThat(get("editor", "/api/summaries/" + IN_EDITOR_REVIEW + "/draft").body())
                .as("the review screen shows the source beside the draft")
                .contains("\"abstractSections\":[{\"label\":null,\"text\":\"We recruited 30 patients.\"}]");
    }

    @Test
    void noCredentialsIs401() throws Exception {
        assertThat(send(null, "/api/summaries/" + IN_EDITOR_REVIEW + "/decisions", decision(2, "approve")).statusCode()).isEqualTo(401);
        assertThat(get(null, "/api/queues/editor").statusCode()).isEqualTo(401);
        var wrongPassword = HTTP.send(HttpRequest.newBuilder(uri("/api/queues/editor"))
                .header("Authorization", basic("editor", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void wrongRoleIs403() throws Exception {
        awaitBoard();
        var clinicianApproves = send("clinician", "/api/summaries/" + IN_EDITOR_REVIEW + "/decisions", decision(2, "approve"));
        assertThat(clinicianApproves.statusCode()).isEqualTo(403);
        assertThat(clinicianApproves.body()).contains("editor");
        var editorSignsOff = send("editor", "/api/summaries/" + IN_CLINICAL_REVIEW + "/decisions", decision(1, "sign-off"));
        assertThat(editorSignsOff.statusCode()).isEqualTo(403);
        assertThat(editorSignsOff.body()).contains("clinical-reviewer");
    }

    /** Four eyes: whoever approved a revision cannot sign it off (also refused where the sign-off is processed). */
    @Test
    void theApproverCannotSignOffTheSameRevision() throws Exception {
        String summaryId = "desk-four-eyes-" + UUID.randomUUID();
        SummaryEvent approved = event(summaryId, 5, 3, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW);
        approved = SummaryEvent.newBuilder(approved).setDecisions(List.of(Decision.newBuilder().setDecisionId("d1")
                .setBy(Actor.newBuilder().setId("admin").setRole(Role.EDITOR).build()).setAction(DecisionAction.APPROVE)
                .setRevision(3).setDecidedAt(Instant.parse("2026-11-20T10:00:00Z")).setOutcome(DecisionOutcome.ACCEPTED).build()))
                .build();
        publish(Topics.EDITOR_APPROVED, summaryId, approved);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("admin", "/api/summaries/" + summaryId).statusCode() == 200);
        var refused = send("admin", "/api/summaries/" + summaryId + "/decisions", decision(3, "sign-off"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Four eyes", "approved revision 3");
        assertThat(send("clinician", "/api/summaries/" + summaryId + "/decisions", decision(3, "sign-off")).statusCode()).isEqualTo(202);
    }

    @Test
    void aStaleRevisionIs409() throws Exception {
        awaitBoard();
        var stale = send("editor", "/api/summaries/" + IN_EDITOR_REVIEW + "/decisions", decision(1, "approve"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("revision 2");
    }

    @Test
    void badRequestsAreProblemDetails() throws Exception {
        awaitBoard();
        var unknownAction = send("editor", "/api/summaries/" + IN_EDITOR_REVIEW + "/decisions", decision(2, "publish-now"));
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(unknownAction.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var noRevision = send("editor", "/api/summaries/" + IN_EDITOR_REVIEW + "/decisions", "{\"action\":\"approve\"}");
        assertThat(noRevision.statusCode()).isEqualTo(400);
    }

    @Test
    void anAcceptedDecisionBecomesACommandWithTheSessionsIdentity() throws Exception {
        awaitBoard();
        String body = "{\"revision\": 1, \"action\": \"sign-off\", \"comment\": \"ok\", \"actor\": \"editor\", \"by\": \"editor\"}";
        var accepted = send("clinician", "/api/summaries/" + IN_CLINICAL_REVIEW + "/decisions", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        EditorialCommand command = commandsFor(IN_CLINICAL_REVIEW).get(0);
        assertThat(command.getAction()).isEqualTo(DecisionAction.SIGN_OFF);
        assertThat(command.getActor().getId()).isEqualTo("clinician");
        assertThat(command.getActor().getRole()).isEqualTo(Role.CLINICAL_REVIEWER);
        assertThat(command.getActor().getCredentials()).isEqualTo("MD, PhD");
        assertThat(command.getRevision()).isEqualTo(1);
        assertThat(command.getCorrelationId()).isEqualTo("correlation-" + IN_CLINICAL_REVIEW);
    }

    /** Unpublishing a live page is an editor's decision with a reason; the review workflow records it. */
    @Test
    void anEditorUnpublishesALivePage() throws Exception {
        String summaryId = "desk-unpublish-" + UUID.randomUUID();
        publish(Topics.PUBLISHED, summaryId, event(summaryId, 9, 2, EventType.PUBLISHED, WorkflowState.PUBLISHED));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", "/api/summaries/" + summaryId).statusCode() == 200);

        String body = "{\"revision\": 2, \"action\": \"unpublish\", \"comment\": \"Duplicate of another summary\"}";
        assertThat(send("clinician", "/api/summaries/" + summaryId + "/decisions", body).statusCode()).isEqualTo(403);
        var accepted = send("editor", "/api/summaries/" + summaryId + "/decisions", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        EditorialCommand command = commandsFor(summaryId).get(0);
        assertThat(command.getAction()).isEqualTo(DecisionAction.UNPUBLISH);
        assertThat(command.getActor().getId()).isEqualTo("editor");
        assertThat(command.getComment()).isEqualTo("Duplicate of another summary");
    }

    @Test
    void aBrowserSessionNeedsItsCsrfToken() throws Exception {
        awaitBoard();
        var loginPage = HTTP.send(HttpRequest.newBuilder(uri("/api/csrf")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(loginPage);
        String token = csrfToken(loginPage.body());
        var login = HTTP.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).isPresent().get().asString().doesNotContain("error");
        String session = cookie(login);

        var withoutToken = HTTP.send(HttpRequest.newBuilder(uri("/api/summaries/" + IN_EDITOR_REVIEW + "/decisions"))
                .header("Content-Type", "application/json").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(decision(1, "approve"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        var page = HTTP.send(HttpRequest.newBuilder(uri("/api/queues/editor")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    private List<EditorialCommand> commandsFor(String summaryId) {
        return DeskHttp.records(Topics.COMMANDS, EditorialCommand.class, c -> summaryId.equals(c.getSummaryId()), 1);
    }

    private static String decision(int revision, String action) {
        return "{\"revision\": " + revision + ", \"action\": \"" + action + "\", \"comment\": \"test\"}";
    }






    private static String csrfToken(String json) {
        var matcher = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in " + json);
        }
        return matcher.group(1);
    }
}
