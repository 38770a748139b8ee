package app.plainpaper.topics;

/** A catalog line that cannot be read; the message names the source and the line number. */
public class TopicCatalogException extends IllegalArgumentException {

    private final int lineNumber;

    public TopicCatalogException(String source, int lineNumber, String problem) {
        super(source + ":" + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
