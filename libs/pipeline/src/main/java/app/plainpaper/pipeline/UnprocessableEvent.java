package app.plainpaper.pipeline;

/**
 * An input that can never be processed, however often it is retried: it goes straight to the dead-letter topic,
 * with this message as the reason.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String reason) {
        super(reason);
    }

    public UnprocessableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
