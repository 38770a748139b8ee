package app.plainpaper.formats.text;

import app.plainpaper.formats.RejectedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a tagged text export (RIS, MEDLINE, BibTeX) as text. UTF-8 (a BOM is dropped) or UTF-16 with
 * its BOM; a file with high bytes but no valid UTF-8 sequence at all is a legacy Windows-1252 export.
 * Otherwise broken bytes become U+FFFD, and the parsers reject the records that hold one.
 */
public final class TextFile {

    /** The replacement character a broken UTF-8 sequence decodes to. */
    public static final char BROKEN = '\uFFFD';

    private TextFile() {
    }

    public static String read(InputStream in, String format) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new RejectedFileException("MALFORMED", "unreadable input: " + e.getMessage(), e);
        }
        return decode(bytes, format);
    }

    public static String decode(byte[] bytes, String format) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = utf8(bytes, 3);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            text = utf8(bytes, 0);
        }
        if (looksBinary(text)) {
            throw new RejectedFileException("NOT_TEXT", "binary data, not a " + format + " text file", null);
        }
        return text;
    }

    /**
     * More than 5% control characters (NUL included) in the first 64 KB: a binary file (PDF, zip, UTF-16
     * without BOM), refused whole. A few stray ones only cost the records that hold them.
     */
    static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 65_536);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') controls++;
        }
        return n > 0 && controls * 20 > n;
    }

    private static String utf8(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            if (!hasUtf8Sequence(bytes, offset)) {
                return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
            }
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
    }

    /** Whether any well-formed multi-byte UTF-8 sequence occurs: then the file is UTF-8 with damage, not legacy. */
    private static boolean hasUtf8Sequence(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            int lead = b[i] & 0xFF;
            int follow = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            if (follow == 0 || i + follow >= b.length) continue;
            boolean ok = true;
            for (int k = 1; k <= follow; k++) {
                if ((b[i + k] & 0xC0) != 0x80) ok = false;
            }
            if (ok) return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    /** The reason a record is rejected for its characters, or null when its text is fine. */
    public static String badText(String record) {
        if (record.indexOf(BROKEN) >= 0) return "invalid UTF-8 bytes (wrong encoding?)";
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return "binary data in record";
        }
        return null;
    }
}
