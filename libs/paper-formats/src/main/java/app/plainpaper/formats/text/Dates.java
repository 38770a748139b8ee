package app.plainpaper.formats.text;

import app.plainpaper.formats.ParsedPaper.PublicationDate;
import java.util.List;
import java.util.Locale;

/** Month names and plausible date parts, as exports write them. */
public final class Dates {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private Dates() {
    }

    /** 1-12 for "Jan", "january", "7", "07"; null otherwise. */
    public static Integer month(String raw) {
        if (raw == null) return null;
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.matches("\\d{1,2}")) {
            int m = Integer.parseInt(s);
            return m >= 1 && m <= 12 ? m : null;
        }
        if (s.length() < 3) return null;
        int i = MONTHS.indexOf(s.substring(0, 3));
        return i < 0 ? null : i + 1;
    }

    /** A date only with a plausible year; day kept only with a month and when it exists in that month. */
    public static PublicationDate of(Integer year, Integer month, Integer day) {
        if (year == null || year < 1000 || year > 9999) return null;
        if (month == null || month < 1 || month > 12) return new PublicationDate(year, null, null);
        if (day == null || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return new PublicationDate(year, month, null);
        }
        return new PublicationDate(year, month, day);
    }

    public static Integer number(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,4}")) return null;
        return Integer.parseInt(raw.strip());
    }
}
