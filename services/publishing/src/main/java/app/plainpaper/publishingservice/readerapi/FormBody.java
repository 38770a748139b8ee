package app.plainpaper.publishingservice.readerapi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} (and query string) parsing: bad percent escapes, invalid UTF-8,
 * repeated fields and too many fields are refused rather than guessed at.
 */
public final class FormBody {

    static final int MAX_FIELDS = 20;

    private FormBody() {
    }

    public static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        String[] pairs = encoded.split("&", -1);
        if (pairs.length > MAX_FIELDS) {
            throw new Refusal(400, "Malformed form", "Too many fields.");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new Refusal(400, "Malformed form", "The field '" + printable(name) + "' appears more than once.");
            }
        }
        return fields;
    }

    static String decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0 || Character.digit(part.charAt(i + 2), 16) < 0) {
                    throw new Refusal(400, "Malformed form", "A percent escape is incomplete or not hexadecimal.");
                }
                bytes.write(Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw new Refusal(400, "Malformed form", "Form bodies must be percent-encoded ASCII.");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(400, "Malformed form", "The form is not valid UTF-8.");
        }
    }

    /** A field name safe to echo in a message. */
    static String printable(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }
}
