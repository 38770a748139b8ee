package app.plainpaper.drafting;

/** One part of an abstract: its heading exactly as the source gives it ({@code null} when unlabelled) and its text. */
public record SourceSection(String label, String text) {
    public SourceSection {
        text = text == null ? "" : text;
    }
}
