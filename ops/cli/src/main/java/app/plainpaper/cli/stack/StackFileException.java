package app.plainpaper.cli.stack;

/** A line of the stack file that cannot be read; the message names file and line. */
public class StackFileException extends IllegalArgumentException {

    public StackFileException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
    }
}
