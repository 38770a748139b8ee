package app.plainpaper.desk.api;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.events.EventType;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the desk API against every kind of caller: anonymous (401), logged in without a desk role (403),
 * the wrong role (403), the right one; a browser session without its CSRF token (403). Four eyes and stale revisions
 * are in {@link DecisionApiTest}; the four-eyes and conflict refusals where decisions are processed are tested in
 * accuracy-review.
 */
class AuthorizationTest extends DeskHttp {

    static final String ID = "authz-" + UUID.randomUUID();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Call(String method, String template, String path, String body, Map<String, Integer> expected) {
    }

    @BeforeAll
    static void summary() throws Exception {
        publish(Topics.ACCURACY_CHECKED, ID, withDraft(event(ID, 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 40 patients.", List.of("authz")));
        publish(Topics.REVISION_REQUESTED, ID, event(ID, 5, 1, EventType.EDITOR_EDITED, WorkflowState.DRAFTING));
        publish(Topics.ACCURACY_CHECKED, ID, withDraft(event(ID, 8, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 30 patients.", List.of("authz")));
    }

    static Map<String, Integer> expect(Object... userThenStatus) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < userThenStatus.length; i += 2) {
            expected.put((String) userThenStatus[i], (Integer) userThenStatus[i + 1]);
        }
        return expected;
    }

    static final String S = "/api/summaries/{summaryId}";
    static final String P = "/api/summaries/" + ID;
    static final String ANON = "anonymous";

    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", "/api/me", "/api/me", null, expect(ANON, 401, "visitor", 200, "clinician", 200)));
        calls.add(new Call("GET", "/api/csrf", "/api/csrf", null, expect(ANON, 200)));
        calls.add(new Call("GET", "/api/queues/editor", "/api/queues/editor", null,
                expect(ANON, 401, "visitor", 403, "clinician", 403, "editor", 200, "admin", 200)));
        calls.add(new Call("GET", "/api/queues/clinical", "/api/queues/clinical", null,
                expect(ANON, 401, "visitor", 403, "editor", 403, "clinician", 200, "admin", 200)));
        calls.add(new Call("GET", "/api/queues/counts", "/api/queues/counts", null,
                expect(ANON, 401, "visitor", 403, "editor", 200, "clinician", 200)));
        calls.add(new Call("GET", "/api/queues/stream", "/api/queues/stream", null, expect(ANON, 401, "visitor", 403)));
        for (String sub : List.of("", "/history", "/draft", "/revisions", "/revisions/{revision}", "/revisions/{revision}/comments", "/claim")) {
            calls.add(new Call("GET", S + sub, P + sub.replace("{revision}", "2"), null,
                    expect(ANON, 401, "visitor", 403, "editor", 200, "clinician", 200, "admin", 200)));
        }
        calls.add(new Call("GET", S + "/diff", P + "/diff?from=1&to=2", null,
                expect(ANON, 401, "visitor", 403, "editor", 200, "clinician", 200)));
        calls.add(new Call("POST", S + "/claim", P + "/claim", "", expect(ANON, 401, "visitor", 403, "clinician", 403)));
        calls.add(new Call("POST", S + "/release", P + "/release", "", expect(ANON, 401, "visitor", 403, "clinician", 409)));
        calls.add(new Call("POST", S + "/revisions/{revision}/comments", P + "/revisions/2/comments", "{\"text\":\"authz\"}",
                expect(ANON, 401, "visitor", 403, "clinician", 201, "editor", 201)));
        calls.add(new Call("POST", S + "/decisions", P + "/decisions", "{\"revision\":1,\"action\":\"approve\",\"comment\":\"x\"}",
                expect(ANON, 401, "visitor", 403, "clinician", 403, "editor", 409)));
        calls.add(new Call("GET", "/api/policy", "/api/policy", null, expect(ANON, 401, "visitor", 403, "editor", 200)));
        calls.add(new Call("GET", "/api/people", "/api/people", null, expect(ANON, 401, "visitor", 403, "editor", 403, "admin", 200)));
        calls.add(new Call("GET", "/api/people/{username}/profile", "/api/people/editor/profile", null,
                expect(ANON, 401, "clinician", 403, "editor", 200, "admin", 200)));
        calls.add(new Call("PUT", "/api/people/{username}/profile", "/api/people/editor/profile",
                "{\"displayName\":\"Erin Editor\"}", expect(ANON, 401, "clinician", 403, "visitor", 403, "editor", 200, "admin", 200)));
        calls.add(new Call("GET", "/v3/api-docs", "/v3/api-docs", null, expect(ANON, 401, "visitor", 200)));
        return calls;
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItShould() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("editor", P).body().contains("\"revision\":2"));
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            for (var expected : call.expected().entrySet()) {
                String user = expected.getKey().equals(ANON) ? null : expected.getKey();
                HttpResponse<String> response = call.method().equals("GET") && !call.path().endsWith("/stream")
                        ? get(user, call.path()) : call.path().endsWith("/stream") ? stream(user, call.path())
                        : send(user, call.method(), call.path(), call.body());
                if (response.statusCode() != expected.getValue()) {
                    wrong.add(call.method() + " " + call.path() + " as " + expected.getKey() + ": " + response.statusCode()
                            + " (expected " + expected.getValue() + ") " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The table above covers every endpoint the desk API maps, and the OpenAPI description lists each one. */
    @Test
    void theTableAndTheOpenApiDescriptionCoverEveryMappedEndpoint() throws Exception {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals("app.plainpaper.desk.api")) {
                for (String pattern : info.getPatternValues()) {
                    for (var verb : info.getMethodsCondition().getMethods()) {
                        mapped.add(verb.name() + " " + pattern);
                    }
                }
            }
        });
        Set<String> covered = new TreeSet<>();
        calls().forEach(call -> covered.add(call.method() + " " + call.template()));
        assertThat(covered).containsAll(mapped);

        String docs = get("editor", "/v3/api-docs").body();
        for (String endpoint : mapped) {
            assertThat(docs).as(endpoint).contains("\"" + endpoint.split(" ", 2)[1] + "\"");
        }
    }

    @Test
    void aBrowserSessionWithoutItsCsrfTokenIsRefused() throws Exception {
        Session session = session("editor");
        for (String path : List.of(P + "/claim", P + "/revisions/2/comments")) {
            var without = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Cookie", session.cookie()).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"csrf\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(without.statusCode()).as(path).isEqualTo(403);
        }
        var profile = HTTP.send(HttpRequest.newBuilder(uri("/api/people/editor/profile")).header("Content-Type", "application/json")
                .header("Cookie", session.cookie()).PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Erin Editor\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(profile.statusCode()).isEqualTo(403);

        var comment = HTTP.send(HttpRequest.newBuilder(uri(P + "/revisions/2/comments")).header("Content-Type", "application/json")
                .header("Cookie", session.cookie()).header(session.csrfHeader(), session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"with the token\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        assertThat(comment.body()).contains("\"by\":\"editor\"");
    }

    private HttpResponse<String> stream(String user, String path) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream");
        if (user != null) {
            builder.header("Authorization", basic(user, PASSWORD));
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
