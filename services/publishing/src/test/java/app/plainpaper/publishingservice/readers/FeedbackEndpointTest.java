package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/feedback on the site's own origin, over real HTTP, recorded on the real broker. */
class FeedbackEndpointTest extends ReaderSite {

    @Autowired
    DataKeyring keyring;

    String summaryId;

    @BeforeEach
    void livePage() {
        summaryId = publish("Walking after spinal cord injury " + UUID.randomUUID());
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    List<ReaderFeedback> feedbackOf(String summary) {
        return ReaderTopics.decoded(BED, Topics.READER_FEEDBACK).stream()
                .filter(r -> summary.equals(r.key()) && r.value() instanceof ReaderFeedback)
                .map(r -> (ReaderFeedback) r.value()).toList();
    }

    @Test
    void anAnswerWithACommentIsRecordedWithTheCommentEncryptedUnderAKeyOfItsOwn() throws Exception {
        String comment = "My husband's C5 injury <script>alert(1)</script> " + UUID.randomUUID();
        var response = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "no", "comment", comment, "website", ""),
                freshClient(), "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).matches("\\{\"status\":\"received\",\"eraseUrl\":\"http://localhost:8080/api/feedback/erase\\?token=[A-Za-z0-9_-]{43}\"}");
        ReaderFeedback recorded = await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId), f -> f.size() == 1).get(0);
        assertThat(recorded.getHelpful()).isFalse();
        assertThat(recorded.getPageUrl()).contains("/research/walking-after-spinal-cord-injury");
        assertThat(recorded.getComment()).isNotNull();
        assertThat(keyring.decrypt(recorded.getComment())).hasValue(comment.strip());

        String keyId = recorded.getComment().getKeyId();
        assertThat(keyId).isEqualTo("comment-" + recorded.getFeedbackId());
        assertThat(ReaderTopics.decoded(BED, Topics.DATA_KEYS)).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(keyId);
            assertThat(((DataKey) r.value()).getWrappedKey().remaining()).isEqualTo(12 + 32 + 16);
        });
        // The comment is nowhere in the log as plain text.
        byte[] needle = comment.getBytes(StandardCharsets.UTF_8);
        assertThat(ReaderTopics.<byte[]>all(BED, Topics.READER_FEEDBACK, ByteArrayDeserializer.class))
                .noneMatch(r -> r.value() != null && ReaderTopics.contains(r.value(), needle));
    }

    @Test
    void aPlainFormPostGetsAnEscapedThankYouPageLinkingBackToTheSummary() throws Exception {
        var response = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes"), freshClient(),
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(response.body()).contains("<h1>Thank you for your feedback</h1>", "href=\"http://localhost:8080/research/walking-after");
        ReaderFeedback recorded = await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId), f -> f.size() == 1).get(0);
        assertThat(recorded.getHelpful()).isTrue();
        assertThat(recorded.getComment()).isNull();
    }

    @Test
    void theHoneypotIsAnsweredLikeAnyAnswerButNothingIsRecorded() throws Exception {
        String client = freshClient();
        var bot = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "no", "comment", "buy pills", "website",
                "http://spam.example"), client, "application/json");
        var person = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes", "comment", "clear"), client,
                "application/json");

        assertThat(bot.statusCode()).isEqualTo(200);
        // The same answer, an erasure link included (the bot's leads nowhere): a bot cannot tell it was caught.
        assertThat(bot.body().replaceAll("token=[A-Za-z0-9_-]{43}", "token=T")).isEqualTo(person.body().replaceAll("token=[A-Za-z0-9_-]{43}", "token=T"))
                .contains("eraseUrl");
        // Both were answered in order; once the person's answer is in the log, the bot's would be there too.
        var recorded = await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId), f -> f.size() >= 1);
        assertThat(recorded).singleElement().satisfies(f -> assertThat(f.getHelpful()).isTrue());
        assertThat(recorded.stream().map(f -> keyring.decrypt(f.getComment()).orElse(null)).filter(Objects::nonNull))
                .containsExactly("clear");
    }

    @Test
    void badInputGetsProblemDetailsAndIsNotRecorded() throws Exception {
        String client = freshClient();
        var notHelpful = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "maybe"), client, "application/json");
        assertThat(notHelpful.statusCode()).isEqualTo(422);
        assertThat(notHelpful.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(notHelpful.body()).contains("\"status\":422", "helpful must be yes or no");

        var tooLong = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "no", "comment", "x".repeat(2001)), client,
                "application/json");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("at most 2000 characters");

        var scriptId = postForm("/api/feedback", form("summaryId", "<script>alert(1)</script>", "helpful", "no"), client,
                "text/html");
        assertThat(scriptId.statusCode()).isEqualTo(422);
        assertThat(scriptId.body()).doesNotContain("<script>");

        assertThat(feedbackOf(summaryId)).isEmpty();
    }

    @Test
    void hostileRequestsAreRefusedBeforeAnythingIsRead() throws Exception {
        String client = freshClient();
        var unknown = postForm("/api/feedback", form("summaryId", "no-such-summary", "helpful", "no"), client, "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);

        // A declared length over the limit is refused before any of the body is read (a raw socket: no body follows).
        try (var socket = new java.net.Socket("localhost", site.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/feedback HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n"
                    + "X-Forwarded-For: " + freshClient() + "\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            StringBuilder read = new StringBuilder();
            byte[] chunk = new byte[512];
            int n;
            while (!read.toString().contains("Request too large\"") && (n = in.read(chunk)) > 0) {
                read.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
            String answer = read.toString();
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"title\":\"Request too large\"");
        }

        var json = HTTP.send(HttpRequest.newBuilder(site("/api/feedback"))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("X-Forwarded-For", freshClient())
                .POST(HttpRequest.BodyPublishers.ofString("{\"summaryId\":\"" + summaryId + "\",\"helpful\":\"no\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);

        var badEscape = postForm("/api/feedback", "summaryId=" + summaryId + "&helpful=no&comment=%E0%A4%A", freshClient(), "application/json");
        assertThat(badEscape.statusCode()).isEqualTo(400);
        var badUtf8 = postForm("/api/feedback", "summaryId=" + summaryId + "&helpful=no&comment=%C3%28", freshClient(), "application/json");
        assertThat(badUtf8.statusCode()).isEqualTo(400);
        var twice = postForm("/api/feedback", "summaryId=" + summaryId + "&helpful=no&helpful=yes", freshClient(), "application/json");
        assertThat(twice.statusCode()).isEqualTo(400);

        var get = HTTP.send(HttpRequest.newBuilder(site("/api/feedback")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        var beside = HTTP.send(HttpRequest.newBuilder(site("/api/feedbackx")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(beside.statusCode()).isEqualTo(404);

        assertThat(feedbackOf(summaryId)).isEmpty();
    }

    @Test
    void eachClientGetsAFewAnswersPerWindowThen429WithRetryAfter() throws Exception {
        String client = freshClient();
        for (int i = 0; i < 3; i++) {
            assertThat(postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes"), client, "application/json").statusCode())
                    .isEqualTo(200);
        }
        var limited = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes"), client, "application/json");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 3600L));
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String other = client.equals("203.0.113.9") ? "203.0.113.10" : "203.0.113.9";
        assertThat(postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes"), other, "application/json").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId).size() == 4);
    }

    @Test
    void staticPagesAreServedAsBefore() throws Exception {
        var subscribe = get("/subscribe/");
        assertThat(subscribe.statusCode()).isEqualTo(200);
        assertThat(subscribe.body()).contains("<form", "action=\"/api/subscribe\"");
        assertThat(get("/api/").statusCode()).isEqualTo(404);
    }
}
