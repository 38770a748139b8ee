package app.plainpaper.checks;

/** A piece of draft text under its section name, e.g. {@code keyFindings[0]}. */
public record NamedText(String section, String text) {

    public NamedText {
        text = text == null ? "" : text;
    }
}
