package app.plainpaper.publishingservice.subscribers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address we are willing to send to: the common dot-atom form (no quoted local parts, no comments, no IP
 * literals, ASCII domains), at most 254 characters. CR, LF and every other control character are refused, so an
 * address can never smuggle a header into a mail.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !DOT_ATOM.matcher(trimmed).matches()
                || trimmed.indexOf('@') > 64) {
            return Optional.empty();
        }
        int at = trimmed.indexOf('@');
        return Optional.of(new EmailAddress(trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT)));
    }

    /** The form two subscriptions are compared in (most providers ignore case in the local part too). */
    public String normalised() {
        return value.toLowerCase(Locale.ROOT);
    }
}
