package app.plainpaper.publishingservice.personaldata;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key-encryption key: wraps every data key before it goes to the log, and never goes there itself. It comes
 * from configuration (an environment variable in production) or, for a local stack, from a file made on first use.
 */
public final class KeyEncryptionKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final String id;
    private final SecretKeySpec key;

    private KeyEncryptionKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A key-encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
        // The id names the key without revealing it, so a wrapped key says which key-encryption key it needs.
        this.id = "kek-" + HexFormat.of().formatHex(Arrays.copyOf(sha256(key), 4));
    }

    public static KeyEncryptionKey fromBase64(String base64) {
        return new KeyEncryptionKey(Base64.getDecoder().decode(base64.strip()));
    }

    /** Reads the key from {@code file}, creating it (owner-only) with a random key the first time. */
    public static KeyEncryptionKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (FileAlreadyExistsException raced) {
                    // Another service made it first: use theirs.
                } catch (UnsupportedOperationException notPosix) {
                    // Best effort on file systems without POSIX permissions.
                }
            }
            return fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption key at " + file, e);
        }
    }

    public String id() {
        return id;
    }

    /** Nonce, then the data key encrypted and authenticated together with its key id. */
    public byte[] wrap(byte[] dataKey, String keyId) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = Aead.seal(key, nonce, dataKey, keyId);
        byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE, sealed.length);
        return out;
    }

    public byte[] unwrap(byte[] wrapped, String keyId) {
        if (wrapped.length <= NONCE) {
            throw new IllegalArgumentException("Not a wrapped key");
        }
        return Aead.open(key, Arrays.copyOf(wrapped, NONCE), Arrays.copyOfRange(wrapped, NONCE, wrapped.length), keyId);
    }

    /** A secret derived for one purpose (HMAC of the purpose), so one configured key serves several uses. */
    public byte[] derive(String purpose) {
        return hmac(key.getEncoded(), purpose.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-256-GCM with the key id as associated data. */
    static final class Aead {
        private Aead() {
        }

        static byte[] seal(SecretKeySpec key, byte[] nonce, byte[] plain, String associated) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(plain);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] open(SecretKeySpec key, byte[] nonce, byte[] sealed, String associated) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("Cannot decrypt: wrong key or tampered data", e);
            }
        }
    }
}
