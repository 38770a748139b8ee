package app.plainpaper.publishingservice.readerapi;

import java.util.Map;

/** A request we will not take, answered as a problem detail (RFC 9457), or as a page to a browser without script. */
public final class Refusal extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public Refusal(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public Refusal(int status, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
