package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.feedback.CommentErasure;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.KeyEncryptionKey;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.subscribers.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.plainpaper.publishingservice.readers.FeedbackEndpointTest.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader erases their own feedback comment with the token they got when sending it, on the real broker: the
 * comment's data key gets its tombstone, and from then on no replay of the log can read the comment.
 */
class CommentErasureTest extends ReaderSite {

    static final Pattern ERASE_URL = Pattern.compile("http://localhost:8080(/api/feedback/erase\\?token=([A-Za-z0-9_-]{43}))");

    @Autowired
    DataKeyring keyring;
    @Autowired
    CommentErasure erasure;
    @Autowired
    ReaderRecords records;
    @Autowired
    ConsumerFactory<?, ?> consumers;

    /** The erasure tokens as a restarted service knows them: rebuilt by the service's own wiring from the log. */
    CommentErasure afterRestart() {
        return new ReaderConfiguration().commentErasure(keyring, records, consumers);
    }

    String summaryId;

    @BeforeEach
    void livePage() {
        summaryId = publish("Bladder care after spinal cord injury " + UUID.randomUUID());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String client, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(site(pathAndQuery)).header("Accept", accept).header("X-Forwarded-For", client)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Matcher eraseUrlIn(String body) {
        Matcher matcher = ERASE_URL.matcher(body);
        assertThat(matcher.find()).as("an erasure link in: " + body).isTrue();
        return matcher;
    }

    /** The recorded answer whose comment reads as given (while its key exists). */
    ReaderFeedback recorded(String comment) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> ReaderTopics.decoded(BED, Topics.READER_FEEDBACK).stream()
                .filter(r -> summaryId.equals(r.key()) && r.value() instanceof ReaderFeedback f && f.getComment() != null
                        && keyring.decrypt(f.getComment()).orElse("").equals(comment))
                .map(r -> (ReaderFeedback) r.value()).toList(), list -> list.size() == 1).get(0);
    }

    /** What any service rebuilding its keys from reader.data-keys can read (the desk does exactly this). */
    static DataKeyring replayedKeyring() {
        DataKeyring replayed = new DataKeyring(KeyEncryptionKey.fromBase64(TEST_KEK));
        for (var record : ReaderTopics.decoded(BED, Topics.DATA_KEYS)) {
            if (record.value() instanceof DataKey key) {
                replayed.remember(key);
            } else if (record.value() == null) {
                replayed.forget(record.key());
            }
        }
        return replayed;
    }

    @Test
    void deleteWithTheTokenErasesTheCommentEverywhereAndKeepsTheAnswer() throws Exception {
        String client = freshClient();
        String comment = "My daughter has a T10 injury and this helped " + UUID.randomUUID();
        String kept = "Clear, thank you " + UUID.randomUUID();

        var sent = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "no", "comment", comment), client, "application/json");
        assertThat(sent.statusCode()).isEqualTo(200);
        Matcher link = eraseUrlIn(sent.body());
        String eraseUrl = link.group(1);
        String token = link.group(2);
        postForm("/api/feedback", form("summaryId", summaryId, "helpful", "yes", "comment", kept), client, "application/json");
        ReaderFeedback feedback = recorded(comment);
        ReaderFeedback other = recorded(kept);
        String keyId = feedback.getComment().getKeyId();

        // Only the token's hash is stored, with the comment's key; the token itself is in no topic.
        assertThat(ReaderTopics.decoded(BED, Topics.DATA_KEYS)).filteredOn(r -> r.key().equals(keyId)).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader(CommentErasure.TOKEN_HASH_HEADER).value(), StandardCharsets.US_ASCII))
                        .isEqualTo(Tokens.hash(token)));
        byte[] needle = token.getBytes(StandardCharsets.US_ASCII);
        for (var topic : ReaderTopics.rawBytesOfEveryTopic(BED).entrySet()) {
            assertThat(topic.getValue()).as(topic.getKey()).noneMatch(bytes -> ReaderTopics.contains(bytes, needle));
        }

        assertThat(afterRestart().knows(token)).as("the token's hash is read back from the log on start").isTrue();

        // The comment's id is not the token: knowing it erases nothing.
        for (String guess : List.of(feedback.getFeedbackId(), keyId,
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(keyId.getBytes(StandardCharsets.UTF_8))))) {
            assertThat(send("DELETE", "/api/feedback/erase?token=" + guess, freshClient(), "application/json").statusCode()).as(guess).isIn(400, 404);
        }
        assertThat(keyring.knows(keyId)).isTrue();

        // GET shows a button and changes nothing (link previews follow links).
        var page = send("GET", eraseUrl, client, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Erase my comment");
        assertThat(keyring.knows(keyId)).isTrue();

        // DELETE erases: the key's tombstone is on the compacted topic, and no replay can read the comment any more.
        var erased = send("DELETE", eraseUrl, client, "application/json");
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(erased.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(erased.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(erased.body()).isEqualTo("{\"status\":\"erased\"}");
        assertThat(keyring.knows(keyId)).isFalse();
        assertThat(keyring.decrypt(feedback.getComment())).isEmpty();
        assertThat(ReaderTopics.decoded(BED, Topics.DATA_KEYS)).filteredOn(r -> r.key().equals(keyId))
                .last().satisfies(r -> assertThat(r.value()).isNull());
        DataKeyring replayed = replayedKeyring();
        assertThat(replayed.decrypt(feedback.getComment())).as("the erased comment, after a replay").isEmpty();
        assertThat(replayed.decrypt(other.getComment())).as("another reader's comment, after a replay").hasValue(kept);

        assertThat(afterRestart().knows(token)).as("nor does a restart bring the token back").isFalse();

        // The answer itself is still counted; only the comment is gone.
        assertThat(ReaderTopics.decoded(BED, Topics.READER_FEEDBACK)).anySatisfy(r -> {
            assertThat(r.value()).isInstanceOf(ReaderFeedback.class);
            assertThat(((ReaderFeedback) r.value()).getFeedbackId()).isEqualTo(feedback.getFeedbackId());
            assertThat(((ReaderFeedback) r.value()).getHelpful()).isFalse();
        });

        // The link is used up.
        var again = send("DELETE", eraseUrl, client, "application/json");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("\"title\":\"This link is not valid\"", "\"status\":404");
        assertThat(send("GET", eraseUrl, client, "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutScriptTheThankYouPageLinksToAButtonThatErases() throws Exception {
        String client = freshClient();
        String comment = "The part about catheters was hard to follow " + UUID.randomUUID();
        var thanks = postForm("/api/feedback", form("summaryId", summaryId, "helpful", "no", "comment", comment), client, "text/html");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("we show it only once", ">Erase my comment</a>");
        Matcher link = eraseUrlIn(thanks.body());
        String keyId = recorded(comment).getComment().getKeyId();

        var page = send("GET", link.group(1), client, "text/html");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/api/feedback/erase?token=" + link.group(2) + "\">");
        // What the page's form sends.
        var erased = HTTP.send(HttpRequest.newBuilder(site(link.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(erased.body()).contains("<h1>Your comment is erased</h1>");
        assertThat(keyring.knows(keyId)).isFalse();
        assertThat(erasure.knows(link.group(2))).isFalse();
    }

    @Test
    void badTokensGetProblemDetailsAndErasureIsRateLimited() throws Exception {
        String client = freshClient();
        var missing = send("DELETE", "/api/feedback/erase", client, "application/json");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var hostile = send("DELETE", "/api/feedback/erase?token=%3Cscript%3Ealert(1)%3C/script%3E", client, "text/html");
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>");
        var unknown = send("POST", "/api/feedback/erase?token=" + Tokens.random(), client, "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);

        var limited = send("DELETE", "/api/feedback/erase?token=" + Tokens.random(), client, "application/json");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 3600L));

        var put = send("PUT", "/api/feedback/erase?token=" + Tokens.random(), freshClient(), "application/json");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow").orElseThrow()).contains("DELETE", "POST", "GET");
        // The feedback endpoint beside it is unchanged.
        assertThat(send("GET", "/api/feedback", freshClient(), "application/json").statusCode()).isEqualTo(405);
    }
}
