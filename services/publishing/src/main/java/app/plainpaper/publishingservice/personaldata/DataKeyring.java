package app.plainpaper.publishingservice.personaldata;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.EncryptedText;

import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data keys as reader.data-keys holds them, unwrapped in memory. A key is one person's (a subscriber) or one
 * comment's: forgetting it (a tombstone on the topic) makes everything it encrypted unreadable, wherever the
 * ciphertext still lies.
 */
public final class DataKeyring {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKey kek;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public DataKeyring(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    /** A fresh key, not yet known to the ring: write {@link NewKey#record()} first, then {@link #remember}. */
    public NewKey create(String keyId, String purpose, Instant now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        DataKey record = DataKey.newBuilder()
                .setKeyId(keyId)
                .setWrappedKey(ByteBuffer.wrap(kek.wrap(key, keyId)))
                .setKekId(kek.id())
                .setPurpose(purpose)
                .setCreatedAt(now)
                .build();
        return new NewKey(record, new SecretKeySpec(key, "AES"));
    }

    /** A key and the record that carries it (wrapped). */
    public record NewKey(DataKey record, SecretKeySpec key) {

        public EncryptedText encrypt(String text) {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            byte[] sealed = KeyEncryptionKey.Aead.seal(key, nonce, text.getBytes(StandardCharsets.UTF_8), record.getKeyId());
            return EncryptedText.newBuilder().setKeyId(record.getKeyId()).setNonce(ByteBuffer.wrap(nonce))
                    .setCiphertext(ByteBuffer.wrap(sealed)).build();
        }
    }

    /** A key read from the log (or just written). Keys wrapped by another key-encryption key are refused. */
    public void remember(DataKey record) {
        if (!kek.id().equals(record.getKekId())) {
            throw new IllegalArgumentException("Data key " + record.getKeyId() + " is wrapped by " + record.getKekId()
                    + ", not by the configured " + kek.id());
        }
        byte[] key = kek.unwrap(bytes(record.getWrappedKey()), record.getKeyId());
        keys.put(record.getKeyId(), new SecretKeySpec(key, "AES"));
    }

    public void remember(NewKey key) {
        keys.put(key.record().getKeyId(), key.key());
    }

    /** The erasure, as the tombstone on reader.data-keys says. */
    public void forget(String keyId) {
        keys.remove(keyId);
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The text, or empty when its key was erased (or never known here). */
    public Optional<String> decrypt(EncryptedText text) {
        SecretKeySpec key = keys.get(text.getKeyId());
        if (key == null) {
            return Optional.empty();
        }
        byte[] plain = KeyEncryptionKey.Aead.open(key, bytes(text.getNonce()), bytes(text.getCiphertext()), text.getKeyId());
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    public int size() {
        return keys.size();
    }

    public KeyEncryptionKey kek() {
        return kek;
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
