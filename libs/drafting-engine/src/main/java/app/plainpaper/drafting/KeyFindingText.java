package app.plainpaper.drafting;

import java.util.List;

/** One key finding in plain words, with the source sentences it rests on. */
public record KeyFindingText(String text, List<SourceRef> sources) {
    public KeyFindingText {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
