package app.plainpaper.checks;

/** One section of the source abstract; {@code label} is null where the source has no heading. */
public record SourceSection(String label, String text) {

    public SourceSection {
        text = text == null ? "" : text;
    }
}
