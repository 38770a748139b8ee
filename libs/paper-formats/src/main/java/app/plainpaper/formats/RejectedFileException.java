package app.plainpaper.formats;

/**
 * The one failure a whole-file parse may raise: the file cannot be read safely as the expected format.
 * Per-record trouble is never thrown; it becomes a {@link ParsedRecord.Rejected}.
 */
public class RejectedFileException extends RuntimeException {

    private final String code;

    public RejectedFileException(String code, String detail, Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = code;
    }

    /** Stable reason code for adapters, e.g. {@code MALFORMED}, {@code UNEXPECTED_ROOT}, {@code NOT_TEXT}. */
    public String code() {
        return code;
    }
}
