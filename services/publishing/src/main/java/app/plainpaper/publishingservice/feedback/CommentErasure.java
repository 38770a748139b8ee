package app.plainpaper.publishingservice.feedback;

import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.subscribers.Tokens;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader's erasure of their own feedback comment. With each comment the reader gets a random token (shown once);
 * only its SHA-256 is kept, as a header of the comment's data-key record on reader.data-keys, so it leaves the log
 * with that key. The token is the only way in: the comment's id alone erases nothing. Erasing writes the key's
 * tombstone, after which the encrypted comment can no longer be read by any service or replay.
 */
public final class CommentErasure {

    /** The header of a comment's data-key record holding the SHA-256 (hex) of its erasure token. */
    public static final String TOKEN_HASH_HEADER = "plainpaper-erasure-token-sha256";

    /** A fresh token: give {@link #token()} to the reader, write {@link #header()} with the comment's key. */
    public record Issued(String token, String tokenHash) {

        public Map<String, byte[]> header() {
            return Map.of(TOKEN_HASH_HEADER, tokenHash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final DataKeyring keyring;
    private final ReaderRecords records;
    private final Map<String, String> keyByTokenHash = new HashMap<>();
    private final Map<String, String> tokenHashByKey = new HashMap<>();

    public CommentErasure(DataKeyring keyring, ReaderRecords records) {
        this.keyring = keyring;
        this.records = records;
    }

    public static Issued issue() {
        String token = Tokens.random();
        return new Issued(token, Tokens.hash(token));
    }

    /** A comment key with its token hash, as written or as read back from the log. */
    public synchronized void remember(String keyId, String tokenHash) {
        forget(keyId);
        keyByTokenHash.put(tokenHash, keyId);
        tokenHashByKey.put(keyId, tokenHash);
    }

    /** The key was erased (its tombstone): the token no longer leads anywhere. */
    public synchronized void forget(String keyId) {
        String hash = tokenHashByKey.remove(keyId);
        if (hash != null) {
            keyByTokenHash.remove(hash);
        }
    }

    /** Whether the token still leads to a comment that can be erased. */
    public synchronized boolean knows(String token) {
        return keyOf(token).isPresent();
    }

    /** Erases the comment the token was issued for. @return false if the token leads to nothing (unknown, or used) */
    public synchronized boolean erase(String token) {
        Optional<String> keyId = keyOf(token);
        if (keyId.isEmpty()) {
            return false;
        }
        records.write(List.of(new ReaderRecords.Entry(Topics.DATA_KEYS, keyId.get(), null)));
        keyring.forget(keyId.get());
        forget(keyId.get());
        return true;
    }

    private Optional<String> keyOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(keyByTokenHash.get(Tokens.hash(token)));
    }
}
