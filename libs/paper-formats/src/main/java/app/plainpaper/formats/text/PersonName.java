package app.plainpaper.formats.text;

import app.plainpaper.formats.ParsedPaper.Author;
import java.util.List;

/** Author names as reference managers write them: "Family, Given", "Given Family", Embase "Liu R.", "Adler D.G.". */
public final class PersonName {

    private PersonName() {
    }

    public static Author parse(String raw, List<String> affiliations) {
        String name = PlainText.clean(raw);
        if (name == null) return null;
        String[] parts = name.split("\\s*,\\s*");
        if (parts.length == 3 && parts[2].matches("(?i)(Jr|Sr|II|III|IV)\\.?")) { // Scopus "Faggion, C.M., Jr."
            return new Author(parts[0] + " " + parts[2], parts[1].isEmpty() ? null : parts[1], null, null, affiliations);
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            String given = PlainText.clean(name.substring(comma + 1));
            return new Author(name.substring(0, comma).strip(), given, null, null, affiliations);
        }
        int space = name.lastIndexOf(' ');
        if (space < 0) return new Author(name, null, null, null, affiliations);
        String last = name.substring(space + 1);
        if (last.matches("(?:\\p{Lu}[.-]?){1,4}\\.?")) { // trailing initials: "Liu R.", "Adler D.G."
            return new Author(name.substring(0, space).strip(), last, null, null, affiliations);
        }
        return new Author(last, name.substring(0, space).strip(), null, null, affiliations);
    }
}
