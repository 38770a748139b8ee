package app.plainpaper.publishingservice.subscribers;

import app.plainpaper.publishingservice.personaldata.KeyEncryptionKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Link tokens. Only their SHA-256 goes to the log. The confirmation token is random and sent once; the unsubscribe
 * token is derived from the subscriber id with a secret, so every digest can carry it without storing it.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] unsubscribeSecret;
    private final byte[] addressSecret;

    public Tokens(KeyEncryptionKey kek) {
        this.unsubscribeSecret = kek.derive("plainpaper unsubscribe token v1");
        this.addressSecret = kek.derive("plainpaper address index v1");
    }

    public static String random() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public String unsubscribeToken(String subscriberId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(unsubscribeSecret, subscriberId));
    }

    /** Finds a subscription by address without decrypting every address; says nothing without the secret. */
    public String addressHash(EmailAddress address) {
        return HexFormat.of().formatHex(hmac(addressSecret, address.normalised()));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens are 43 URL-safe base64 characters; anything else is not worth a lookup. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static byte[] hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
