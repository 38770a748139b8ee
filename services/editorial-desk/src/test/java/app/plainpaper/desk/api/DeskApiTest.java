package app.plainpaper.desk.api;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskActivityKind;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.DeskAuditKind;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The desk API the UI uses, over real HTTP on the real broker: identity, queues, claims, comments, revisions, live updates, profiles, logins. */
class DeskApiTest extends DeskHttp {

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    QueueStream queueStream;

    /** A summary waiting in editor review: revision 1 then revision 2 (40 patients corrected to 30). */
    String inEditorReview(String category) throws Exception {
        return inEditorReview(category, 0);
    }

    /** {@code later} seconds later than the others (events are dated by their sequence). */
    String inEditorReview(String category, int later) throws Exception {
        String id = "api-" + UUID.randomUUID();
        publish(Topics.ACCURACY_CHECKED, id, withDraft(event(id, 4 + later, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 40 patients.", List.of(category)));
        publish(Topics.REVISION_REQUESTED, id, event(id, 5 + later, 1, EventType.EDITOR_EDITED, WorkflowState.DRAFTING));
        publish(Topics.ACCURACY_CHECKED, id, withDraft(event(id, 8 + later, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 30 patients.", List.of(category)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", "/api/summaries/" + id).body().contains("\"revision\":2"));
        return id;
    }

    String inClinicalReview(String pmid) throws Exception {
        String id = "api-clinical-" + UUID.randomUUID();
        SummaryEvent approved = event(id, 9, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW);
        approved = SummaryEvent.newBuilder(approved).setPaper(Paper.newBuilder(approved.getPaper()).setPmid(pmid).build()).build();
        publish(Topics.EDITOR_APPROVED, id, approved);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("clinician", "/api/summaries/" + id).statusCode() == 200);
        return id;
    }

    @Test
    void meTellsWhoIsLoggedInTheirRolesAndTheSessionsCsrfToken() throws Exception {
        // Profiles live on a compacted topic shared by every desk in this JVM: whichever started first seeded admin's.
        assertThat(send("admin", "PUT", "/api/people/admin/profile", "{\"displayName\":\"Alex Admin\",\"credentials\":\"MD, FRCP\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("admin", "/api/me").body().contains("\"credentials\":\"MD, FRCP\""));
        var admin = get("admin", "/api/me");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"username\":\"admin\"", "\"displayName\":\"Alex Admin\"", "\"credentials\":\"MD, FRCP\"",
                "\"roles\":[\"admin\",\"clinical-reviewer\",\"editor\"]", "\"headerName\":\"X-CSRF-TOKEN\"", "\"parameterName\":\"_csrf\"");
        assertThat(json(admin.body(), "token")).isNotBlank();
        assertThat(get(null, "/api/me").statusCode()).isEqualTo(401);
        assertThat(get("visitor", "/api/me").body()).contains("\"roles\":[]");
    }

    @Test
    void queuesFilterSortCountAndFlagWhatIsOverdue() throws Exception {
        String category = "cat-" + UUID.randomUUID();
        String first = inEditorReview(category);
        String second = inEditorReview(category, 100);
        var queue = get("editor", "/api/queues/editor?category=" + category);
        assertThat(queue.statusCode()).isEqualTo(200);
        // Events are dated 2026-11-20: far past the 48-hour deadline.
        assertThat(queue.body()).contains("\"overdue\":true", "\"reasonKind\":\"new-revision\"", "\"claimedBy\":null", "\"blockers\":0",
                "\"waitingSeconds\":");
        assertThat(queue.body().indexOf(first)).isLessThan(queue.body().indexOf(second)).isPositive();
        var newestFirst = get("editor", "/api/queues/editor?category=" + category + "&sort=-age").body();
        assertThat(newestFirst.indexOf(second)).isLessThan(newestFirst.indexOf(first));
        assertThat(get("editor", "/api/queues/editor?category=" + category + "&blockers=true").body()).isEqualTo("[]");
        assertThat(get("editor", "/api/queues/editor?category=" + category + "&assignee=me").body()).isEqualTo("[]");
        assertThat(get("editor", "/api/queues/editor?category=" + category + "&assignee=unassigned").body()).contains(first, second);

        var badSort = get("editor", "/api/queues/editor?sort=sideways");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(badSort.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        var counts = get("clinician", "/api/queues/counts");
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(counts.body()).contains("\"editor\":{\"total\":", "\"clinical\":{\"total\":", "\"overdue\":", "\"mine\":");
    }

    @Test
    void claimingIsExclusiveAndAnAdminMayTakeOver() throws Exception {
        String id = inEditorReview("claims");
        var claimed = send("editor", "/api/summaries/" + id + "/claim", "");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.body()).contains("\"claimedBy\":\"editor\"", "\"claimedByName\":\"Erin Editor\"");
        assertThat(send("editor", "/api/summaries/" + id + "/claim", "").statusCode()).isEqualTo(200);

        var taken = send("locky", "/api/summaries/" + id + "/claim", "");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(taken.body()).contains("Erin Editor");
        assertThat(send("clinician", "/api/summaries/" + id + "/claim", "").statusCode()).isEqualTo(403);
        assertThat(get("editor", "/api/queues/editor?assignee=me").body()).contains(id);
        assertThat(get("locky", "/api/queues/editor?assignee=editor").body()).contains(id);

        var takeover = send("admin", "/api/summaries/" + id + "/claim", "");
        assertThat(takeover.body()).contains("\"claimedBy\":\"admin\"");
        assertThat(send("editor", "/api/summaries/" + id + "/release", "").statusCode()).isEqualTo(409);
        assertThat(send("admin", "/api/summaries/" + id + "/release", "").body()).contains("\"claimedBy\":null");
        assertThat(send("admin", "/api/summaries/" + id + "/release", "").statusCode()).isEqualTo(409);

        List<DeskActivity> activity = records(Topics.DESK_ACTIVITY, DeskActivity.class, a -> a.getSummaryId().equals(id), 3);
        assertThat(activity).extracting(a -> a.getKind() + " " + a.getActor().getId())
                .containsExactly("CLAIMED editor", "CLAIMED admin", "RELEASED admin");
        assertThat(activity.get(0).getRevision()).isEqualTo(2);

        String notInAQueue = "api-drafting-" + UUID.randomUUID();
        publish(Topics.DRAFTED, notInAQueue, event(notInAQueue, 2, 1, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", "/api/summaries/" + notInAQueue).statusCode() == 200);
        assertThat(send("editor", "/api/summaries/" + notInAQueue + "/claim", "").statusCode()).isEqualTo(409);
        assertThat(get("editor", "/api/summaries/" + notInAQueue + "/claim").body()).contains("\"claimedBy\":null", "\"queue\":null");
        assertThat(get("editor", "/api/summaries/" + id + "/claim").body()).contains("\"claimedBy\":null", "\"queue\":\"editor\"");
        assertThat(get("editor", "/api/summaries/unknown-" + UUID.randomUUID() + "/claim").statusCode()).isEqualTo(404);
    }

    @Test
    void commentsAreThreadedPerRevisionAndValidated() throws Exception {
        String id = inEditorReview("comments");
        var comment = send("clinician", "/api/summaries/" + id + "/revisions/2/comments", "{\"text\":\"Is 30 right?\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        String commentId = json(comment.body(), "commentId");
        var reply = send("editor", "/api/summaries/" + id + "/revisions/2/comments",
                "{\"text\":\"Yes, see the abstract.\",\"parentId\":\"" + commentId + "\"}");
        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(send("editor", "/api/summaries/" + id + "/revisions/1/comments", "{\"text\":\"Old revision note\"}").statusCode())
                .isEqualTo(201);

        var thread = get("admin", "/api/summaries/" + id + "/revisions/2/comments").body();
        assertThat(thread).startsWith("[{\"commentId\":\"" + commentId + "\"")
                .contains("\"by\":\"clinician\"", "\"byName\":\"Dr Casey Morgan\"", "\"replies\":[{", "Yes, see the abstract.")
                .doesNotContain("Old revision note");
        assertThat(get("editor", "/api/summaries/" + id + "/revisions/1/comments").body()).contains("Old revision note");

        assertThat(send("editor", "/api/summaries/" + id + "/revisions/2/comments", "{\"text\":\"   \"}").statusCode()).isEqualTo(400);
        var tooLong = send("editor", "/api/summaries/" + id + "/revisions/2/comments", "{\"text\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("500");
        assertThat(send("editor", "/api/summaries/" + id + "/revisions/2/comments", "{\"text\":\"hi\",\"parentId\":\"nope\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("editor", "/api/summaries/" + id + "/revisions/9/comments", "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
        assertThat(records(Topics.DESK_ACTIVITY, DeskActivity.class,
                a -> a.getSummaryId().equals(id) && a.getKind() == DeskActivityKind.COMMENTED, 3))
                .anySatisfy(a -> assertThat(a.getParentId()).isEqualTo(commentId));
    }

    @Test
    void revisionsAndAWordDiffBetweenThem() throws Exception {
        String id = inEditorReview("revisions");
        var revisions = get("editor", "/api/summaries/" + id + "/revisions");
        assertThat(revisions.body()).contains("\"revision\":1", "\"revision\":2", "\"current\":true");
        assertThat(get("clinician", "/api/summaries/" + id + "/revisions/1").body()).contains("Researchers studied 40 patients.");
        var diff = get("editor", "/api/summaries/" + id + "/diff?from=1&to=2");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.body()).contains("{\"section\":\"simpleExplanation\",\"changed\":true",
                "{\"op\":\"delete\",\"text\":\" 40\"}", "{\"op\":\"insert\",\"text\":\" 30\"}");
        assertThat(get("editor", "/api/summaries/" + id + "/diff?from=1&to=7").statusCode()).isEqualTo(404);
        assertThat(get("editor", "/api/summaries/" + id + "/diff?from=1").statusCode()).isEqualTo(400);
    }

    @Test
    void theQueueStreamSendsArrivalsAndClaimsLive() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/queues/stream"))
                .header("Authorization", basic("editor", PASSWORD)).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = response.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> open.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:counts"));
            String id = inEditorReview("live");
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.contains("\"kind\":\"changed\"")
                    && l.contains(id) && l.contains("\"queue\":\"editor\"")));
            send("editor", "/api/summaries/" + id + "/claim", "");
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.contains("\"kind\":\"claimed\"")
                    && l.contains(id) && l.contains("\"by\":\"editor\"")));
        } finally {
            reader.interrupt();
            open.body().close();
        }
        assertThat(get(null, "/api/queues/stream").statusCode()).isEqualTo(401);
    }

    /** A proxy cuts a silent stream (nginx after 60 s): an idle one gets heartbeats, and one whose client left is dropped. */
    @Test
    void anIdleQueueStreamGetsHeartbeatsAndAStreamWhoseClientLeftIsDropped() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/queues/stream"))
                .header("Authorization", basic("clinician", PASSWORD)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> open = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                open.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the client leaving is the point of the test
            }
        }, "sse-heartbeats");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:counts"));
            int events = (int) lines.stream().filter(l -> l.startsWith("event:")).count();
            // Heartbeats every 300 ms here (20 s by default): comment lines, which EventSource ignores.
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().filter(": keep-alive"::equals).count() >= 3);
            assertThat(lines.stream().filter(l -> l.startsWith("event:")).count()).as("nothing but heartbeats: " + lines).isEqualTo(events);
            assertThat(queueStream.open()).isPositive();
        } finally {
            reader.interrupt();
            open.body().close();
        }
        await("the departed client's stream is dropped").atMost(Duration.ofSeconds(10)).until(() -> queueStream.open() == 0);
    }

    @Test
    void thePolicyAndTheOpenApiDescriptionAreReadable() throws Exception {
        var policy = get("editor", "/api/policy");
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.body()).contains("\"version\":", "\"rules\":[{\"id\":", "\"severity\":\"blocker\"",
                "\"id\":\"accuracy.number.contradicted\"", "\"checker\":\"compliance\"");
        var docs = get("clinician", "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\":\"3.");
        assertThat(get(null, "/v3/api-docs").statusCode()).isEqualTo(401);
    }

    @Test
    void profilesAreEditedByTheirOwnerOrAnAdminAndDeclaredConflictsStopASignOff() throws Exception {
        String pmid = String.valueOf(90_000_000 + new java.util.Random().nextInt(1_000_000));
        String profile = "{\"displayName\":\"Dr Casey Morgan\",\"credentials\":\"MD, PhD\",\"conflicts\":{\"pmids\":[\"" + pmid
                + "\"],\"organisations\":[\"Acme Neuro\"]}}";
        var own = send("clinician", "PUT", "/api/people/clinician/profile", profile);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(pmid, "\"updatedBy\":\"clinician\"");
        assertThat(send("editor", "PUT", "/api/people/clinician/profile", profile).statusCode()).isEqualTo(403);
        assertThat(send("clinician", "PUT", "/api/people/clinician/profile", "{\"displayName\":\" \"}").statusCode()).isEqualTo(400);
        assertThat(get("admin", "/api/people").body()).contains("\"username\":\"clinician\"", pmid);
        assertThat(get("editor", "/api/people").statusCode()).isEqualTo(403);
        assertThat(get("editor", "/api/people/clinician/profile").statusCode()).isEqualTo(403);
        assertThat(get("clinician", "/api/people/clinician/profile").body()).contains(pmid);

        List<ReviewerProfile> published = records(Topics.REVIEWER_PROFILES, ReviewerProfile.class,
                p -> p.getUsername().equals("clinician") && p.getConflicts().getPmids().contains(pmid), 1);
        assertThat(published.get(0).getConflicts().getOrganisations()).containsExactly("Acme Neuro");

        String conflicted = inClinicalReview(pmid);
        var refused = send("clinician", "/api/summaries/" + conflicted + "/decisions",
                "{\"revision\":1,\"action\":\"sign-off\",\"comment\":\"ok\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Conflict of interest", "PMID " + pmid);

        // An admin edits a profile; the next decision carries the new name, taken from the profile, not the request.
        var byAdmin = send("admin", "PUT", "/api/people/locky/profile", "{\"displayName\":\"Lee Locky-Smith\",\"credentials\":\"RN\"}");
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"updatedBy\":\"admin\"");
        String free = inEditorReview("profiles");
        var approved = send("locky", "/api/summaries/" + free + "/decisions",
                "{\"revision\":2,\"action\":\"approve\",\"comment\":\"ok\",\"displayName\":\"Someone Else\"}");
        assertThat(approved.statusCode()).isEqualTo(202);
        EditorialCommand command = records(Topics.COMMANDS, EditorialCommand.class, c -> c.getSummaryId().equals(free), 1).get(0);
        assertThat(command.getActor().getId()).isEqualTo("locky");
        assertThat(command.getActor().getDisplayName()).isEqualTo("Lee Locky-Smith");
        assertThat(command.getActor().getCredentials()).isEqualTo("RN");
    }

    @Test
    void failedLoginsLockAnAccountAndEveryLoginIsAudited() throws Exception {
        for (int i = 0; i < 3; i++) {
            var wrong = HTTP.send(HttpRequest.newBuilder(uri("/api/queues/counts")).header("Authorization", basic("locky", "wrong-" + i))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        // Locked: the right password is refused too, over Basic and through the form.
        assertThat(get("locky", "/api/queues/counts").statusCode()).isEqualTo(401);
        var form = formLogin("locky", PASSWORD);
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

        var session = session("editor");
        assertThat(session.csrfToken()).isNotBlank();

        List<DeskAudit> audits = records(Topics.DESK_AUDIT, DeskAudit.class, a -> a.getUsername().equals("locky"), 5);
        assertThat(audits).filteredOn(a -> a.getKind() == DeskAuditKind.LOGIN_FAILED).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(a -> assertThat(a.getRemoteAddress()).isNotBlank());
        assertThat(audits).filteredOn(a -> a.getKind() == DeskAuditKind.LOCKED).singleElement()
                .satisfies(a -> assertThat(a.getDetail()).startsWith("locked until"));
        assertThat(audits).filteredOn(a -> "account locked".equals(a.getDetail())).isNotEmpty();
        assertThat(records(Topics.DESK_AUDIT, DeskAudit.class, a -> a.getUsername().equals("editor")
                && a.getKind() == DeskAuditKind.LOGIN && "form".equals(a.getMethod()), 1)).isNotEmpty();

        // What a restart does: the lockout is rebuilt from desk.audit alone.
        LoginAttempts rebuilt = new LoginAttempts(3, Duration.ofHours(1));
        EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.DESK_AUDIT), Duration.ofSeconds(30), record -> {
            if (record.value() instanceof DeskAudit audit) {
                rebuilt.apply(audit);
            }
        });
        assertThat(rebuilt.lockedUntil("locky", Instant.now())).isPresent();
        assertThat(rebuilt.lockedUntil("editor", Instant.now())).isEmpty();
    }
}
