package app.plainpaper.site.content;

/** One titled paragraph of "Practical Implications". */
public record Implication(String title, String text) {

    public Implication {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("implication title must not be blank");
        }
        text = text == null ? "" : text;
    }
}
