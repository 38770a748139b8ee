package app.plainpaper.desk.feedback;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.EncryptedText;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data keys of reader.data-keys, unwrapped with the key-encryption key the publishing service uses (the same
 * AES-256-GCM scheme: 12-byte nonce, key id as associated data). A tombstone forgets a key, and with it the comment.
 */
public final class CommentKeys {

    private final SecretKeySpec kek;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    /** @param kekBase64 base64 of the 32-byte key-encryption key, or null when none is configured */
    public CommentKeys(String kekBase64) {
        this.kek = kekBase64 == null ? null : new SecretKeySpec(Base64.getDecoder().decode(kekBase64.strip()), "AES");
    }

    public void remember(DataKey key) {
        if (kek == null) {
            return;
        }
        byte[] wrapped = bytes(key.getWrappedKey());
        try {
            keys.put(key.getKeyId(), new SecretKeySpec(open(kek, Arrays.copyOf(wrapped, 12),
                    Arrays.copyOfRange(wrapped, 12, wrapped.length), key.getKeyId()), "AES"));
        } catch (GeneralSecurityException e) {
            // Wrapped by another key-encryption key: the comment stays unreadable here.
        }
    }

    public void forget(String keyId) {
        keys.remove(keyId);
    }

    /** The comment, or empty once its key is erased (or cannot be unwrapped here). */
    public Optional<String> decrypt(EncryptedText text) {
        SecretKeySpec key = keys.get(text.getKeyId());
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(open(key, bytes(text.getNonce()), bytes(text.getCiphertext()), text.getKeyId()),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] open(SecretKeySpec key, byte[] nonce, byte[] sealed, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
