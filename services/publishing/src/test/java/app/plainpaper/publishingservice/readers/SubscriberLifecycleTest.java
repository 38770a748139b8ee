package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.Subscriber;
import app.plainpaper.events.SubscriberState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.subscribers.DigestRun;
import app.plainpaper.publishingservice.subscribers.SubscriberBook;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Double opt-in, the digest and erasure, through a real SMTP server (GreenMail) and the real broker: after
 * unsubscribing, the address is in no topic as plain text and no key to decrypt it remains, even after compaction.
 */
class SubscriberLifecycleTest extends ReaderSite {

    static final Pattern LINK = Pattern.compile("http://localhost:8080(/api/[a-z/]+\\?token=[A-Za-z0-9_-]{43})");

    @Autowired
    DataKeyring keyring;
    @Autowired
    SubscriberBook book;
    @Autowired
    DigestRun digest;

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    static String link(String text, String path) {
        var matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).startsWith(path + "?")) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No " + path + " link in: " + text);
    }

    @Test
    void subscribeConfirmDigestUnsubscribeAndTheAddressIsGoneFromEveryTopic() throws Exception {
        String address = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String client = freshClient();

        // 1. Subscribe: pending, a confirmation mail with both links and RFC 8058 headers.
        var asked = postForm("/api/subscribe", "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&website=", client,
                "text/html");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your inbox");
        MimeMessage confirmation = await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), m -> m.size() == 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Spinal Cord Research Help");
        String unsubscribe = link(body(confirmation), "/api/unsubscribe");
        assertThat(confirmation.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:8080" + unsubscribe + ">");
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        Subscriber pending = book.all().stream().filter(s -> keyring.decrypt(s.getEmail()).orElse("").equals(address)).findFirst().orElseThrow();
        assertThat(pending.getState()).isEqualTo(SubscriberState.PENDING);

        // Asking again right away says the same and sends nothing more.
        assertThat(postForm("/api/subscribe", "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8), client, "application/json").body())
                .isEqualTo("{\"status\":\"pending\"}");

        // No digest before confirmation.
        String title = "Cycling <b>after</b> injury " + UUID.randomUUID();
        publish(title);
        digest.send();
        assertThat(mailsTo(address)).hasSize(1);

        // 2. Confirm by the link.
        var confirmed = get(link(body(confirmation), "/api/subscribe/confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        assertThat(confirmed.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(get(link(body(confirmation), "/api/subscribe/confirm")).statusCode()).isEqualTo(404);
        assertThat(book.byId(pending.getSubscriberId()).orElseThrow().getState()).isEqualTo(SubscriberState.CONFIRMED);

        // 3. A summary published after confirming comes in the next digest, as plain text, with the unsubscribe link.
        String newer = "Hand function \r\nUnsubscribe: http://evil.example <script>x</script> " + UUID.randomUUID();
        publish(newer);
        assertThat(digest.send()).isGreaterThanOrEqualTo(1);
        MimeMessage sent = await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), m -> m.size() == 2).get(1);
        String text = body(sent);
        assertThat(sent.getContentType()).startsWith("text/plain");
        assertThat(text).contains("- Hand function Unsubscribe: http://evil.example <script>x</script>")
                .doesNotContain(title).contains("Unsubscribe (this also erases your address): http://localhost:8080" + unsubscribe);
        assertThat(sent.getHeader("List-Unsubscribe")).containsExactly("<http://localhost:8080" + unsubscribe + ">");
        assertThat(digest.send()).as("nothing new since the last digest").isZero();

        // 4. GET shows a button and changes nothing (mail scanners follow links); the one-click POST erases.
        var page = get(unsubscribe);
        assertThat(page.body()).contains("<form method=\"post\"", "Unsubscribe and erase my address");
        assertThat(book.byId(pending.getSubscriberId())).isPresent();
        var oneClick = HTTP.send(HttpRequest.newBuilder(site(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        String keyId = pending.getEmail().getKeyId();
        assertThat(book.byId(pending.getSubscriberId())).isEmpty();
        assertThat(keyring.knows(keyId)).isFalse();
        assertThat(keyring.decrypt(pending.getEmail())).isEmpty();

        // Tombstones on both compacted topics.
        assertThat(ReaderTopics.decoded(BED, Topics.SUBSCRIBERS)).filteredOn(r -> r.key().equals(pending.getSubscriberId()))
                .last().satisfies(r -> assertThat(r.value()).isNull());
        assertThat(ReaderTopics.decoded(BED, Topics.DATA_KEYS)).filteredOn(r -> r.key().equals(keyId))
                .last().satisfies(r -> assertThat(r.value()).isNull());

        // 5. The address never reached any topic as plain text (nor in UTF-16, nor its lower-case form).
        for (byte[] needle : List.of(address.getBytes(StandardCharsets.UTF_8), address.getBytes(StandardCharsets.UTF_16BE))) {
            for (var topic : ReaderTopics.rawBytesOfEveryTopic(BED).entrySet()) {
                assertThat(topic.getValue()).as(topic.getKey()).noneMatch(bytes -> ReaderTopics.contains(bytes, needle));
            }
        }

        // 6. Compaction removes the wrapped key itself: roll the segment and wait for the cleaner.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BED.bootstrapServers()))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DATA_KEYS);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(
                    new AlterConfigOp(new ConfigEntry("segment.ms", "100"), AlterConfigOp.OpType.SET)))).all().get();
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            // Any later record rolls the old segment once it is older than segment.ms; then the cleaner may run.
            kafka.executeInTransaction(t -> t.send(Topics.DATA_KEYS, "roll-" + UUID.randomUUID(), null));
            return ReaderTopics.<byte[]>all(BED, Topics.DATA_KEYS, ByteArrayDeserializer.class).stream()
                    .noneMatch(r -> r.key().equals(keyId) && r.value() != null);
        });
        // Restarting from the log would not bring the key back either: only the tombstone is left for it.
        assertThat(ReaderTopics.decoded(BED, Topics.DATA_KEYS)).filteredOn(r -> r.key().equals(keyId))
                .allSatisfy(r -> assertThat(r.value()).isNull());
    }

    @Test
    void invalidAndHostileAddressesAreRefused() throws Exception {
        for (String bad : List.of("not-an-address", "a@b", "reader@example.org\r\nBcc: victim@example.org",
                "\"<script>\"@example.org", "x".repeat(250) + "@example.org", "reader@exa mple.org")) {
            var response = postForm("/api/subscribe", "email=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), freshClient(), "application/json");
            assertThat(response.statusCode()).as(bad).isIn(413, 422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).doesNotContain("<script>", "victim");
        }
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains("victim");
            } catch (Exception e) {
                return false;
            }
        })).isEmpty();
    }

    @Test
    void theHoneypotSubscribesNobody() throws Exception {
        String address = "bot." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var response = postForm("/api/subscribe", "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&website=spam",
                freshClient(), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"pending\"}");
        assertThat(book.all()).noneMatch(s -> keyring.decrypt(s.getEmail()).orElse("").equals(address));
        assertThat(mailsTo(address)).isEmpty();
    }

    @Test
    void unknownOrMalformedTokensChangeNothing() throws Exception {
        assertThat(get("/api/subscribe/confirm?token=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/subscribe/confirm?token=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        var unsubscribe = get("/api/unsubscribe?token=%3Cscript%3E");
        assertThat(unsubscribe.statusCode()).isEqualTo(200);
        assertThat(unsubscribe.body()).contains("You are unsubscribed").doesNotContain("<script>");
    }
}
