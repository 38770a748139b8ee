package app.plainpaper.ingestion.searches;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often a saved search runs, as an editor writes it: "every 6h", "every 30 min", "daily", "weekly" or ISO "PT6H". */
public final class Schedule {

    public static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Pattern EVERY = Pattern.compile(
            "^(?:every\\s+)?(\\d{1,4})\\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$");

    private Schedule() {
    }

    public static Duration parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("schedule is required, for example \"every 6h\"");
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        Duration interval = switch (text) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            default -> other(text, raw);
        };
        if (interval.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("schedule \"" + raw + "\" is too frequent: a saved search runs at most every "
                    + SHORTEST.toMinutes() + " minutes");
        }
        return interval;
    }

    private static Duration other(String text, String raw) {
        Matcher m = EVERY.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).charAt(0)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        try {
            return Duration.parse(raw.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule \"" + raw + "\" is not understood; write it like \"every 6h\", "
                    + "\"every 30 min\", \"daily\" or \"PT6H\"");
        }
    }
}
