package app.plainpaper.desk.feedback;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.events.DataKey;
import app.plainpaper.events.EncryptedText;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editors read counts and decrypted comments per summary; an erased key leaves the comment unreadable; other roles
 * get 403. Comments are encrypted here exactly as the publishing service does it (AES-256-GCM, key id as AAD).
 */
class FeedbackDeskTest extends DeskHttp {

    static final byte[] KEK = new byte[32];
    static final SecureRandom RANDOM = new SecureRandom();

    static {
        RANDOM.nextBytes(KEK);
    }

    @DynamicPropertySource
    static void readerKeys(DynamicPropertyRegistry registry) {
        registry.add("plainpaper.readers.kek", () -> Base64.getEncoder().encodeToString(KEK));
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plain, String keyId) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(plain);
    }

    static String answer(String summaryId, boolean helpful, String comment) throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        EncryptedText encrypted = null;
        if (comment != null) {
            String keyId = "comment-" + feedbackId;
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            byte[] wrapNonce = new byte[12];
            RANDOM.nextBytes(wrapNonce);
            byte[] wrapped = seal(KEK, wrapNonce, key, keyId);
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            publish(Topics.DATA_KEYS, keyId, DataKey.newBuilder().setKeyId(keyId).setKekId("kek-test").setCreatedAt(Instant.now())
                    .setWrappedKey(ByteBuffer.wrap(concat(wrapNonce, wrapped))).build());
            encrypted = EncryptedText.newBuilder().setKeyId(keyId).setNonce(ByteBuffer.wrap(nonce))
                    .setCiphertext(ByteBuffer.wrap(seal(key, nonce, comment.getBytes(StandardCharsets.UTF_8), keyId))).build();
        }
        publish(Topics.READER_FEEDBACK, summaryId, ReaderFeedback.newBuilder().setFeedbackId(feedbackId).setSummaryId(summaryId)
                .setHelpful(helpful).setComment(encrypted).setReceivedAt(Instant.now()).build());
        return feedbackId;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    JsonNode feedback(String user, String summaryId) throws Exception {
        var response = get(user, "/api/summaries/" + summaryId + "/feedback");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void editorsSeeCountsAndDecryptedCommentsAndAnErasedKeyHidesItsComment() throws Exception {
        String summaryId = "fb-" + UUID.randomUUID();
        answer(summaryId, true, null);
        answer(summaryId, false, "Too hard to follow <script>alert(1)</script>");
        String erased = answer(summaryId, false, "My C4 injury makes this irrelevant");
        answer(summaryId, true, null);

        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> feedback("editor", summaryId),
                v -> v.get("yes").asInt() + v.get("no").asInt() == 4 && v.get("comments").size() == 2
                        && v.get("comments").get(0).get("text").isString() && v.get("comments").get(1).get("text").isString());
        assertThat(view.get("yes").asInt()).isEqualTo(2);
        assertThat(view.get("no").asInt()).isEqualTo(2);
        assertThat(view.get("comments").findValuesAsString("text"))
                .containsExactlyInAnyOrder("Too hard to follow <script>alert(1)</script>", "My C4 injury makes this irrelevant");

        // Erasing the comment's key (a tombstone) makes it unreadable on the desk too.
        publish(Topics.DATA_KEYS, "comment-" + erased, null);
        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> feedback("admin", summaryId),
                v -> v.get("comments").findValues("erased").stream().anyMatch(JsonNode::asBoolean));
        assertThat(after.get("comments").findValuesAsString("text")).doesNotContain("My C4 injury makes this irrelevant");
        assertThat(after.get("no").asInt()).as("the answer itself still counts").isEqualTo(2);
    }

    @Test
    void onlyEditorsAndAdminsMayReadFeedback() throws Exception {
        assertThat(get("clinician", "/api/summaries/any/feedback").statusCode()).isEqualTo(403);
        assertThat(get("visitor", "/api/summaries/any/feedback").statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/summaries/any/feedback").statusCode()).isEqualTo(401);
    }
}
