package app.plainpaper.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The password of the demo logins (editor, clinician, admin): {@code PLAINPAPER_DEMO_PASSWORD} when set,
 * else generated once and kept, readable by the owner only, in {@code <home>/demo-password}.
 */
public final class DemoPassword {

    public static final String VARIABLE = "PLAINPAPER_DEMO_PASSWORD";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;

    private DemoPassword() {
    }

    public static String resolve(Map<String, String> env, Path home) {
        String fromEnv = env.get(VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = home.resolve("demo-password");
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(home);
            String generated = generate();
            Files.deleteIfExists(file);
            // Created with owner-only permissions, so the password is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo password in " + file, e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
