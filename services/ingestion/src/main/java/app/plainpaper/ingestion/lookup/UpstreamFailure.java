package app.plainpaper.ingestion.lookup;

/** A third-party API did not answer usefully, even after retries: 502 (it failed) or 504 (it did not answer in time). */
public class UpstreamFailure extends RuntimeException {

    private final int status;
    private final String source;

    public UpstreamFailure(int status, String source, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.source = source;
    }

    public int status() {
        return status;
    }

    public String source() {
        return source;
    }
}
