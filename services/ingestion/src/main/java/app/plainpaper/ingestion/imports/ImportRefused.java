package app.plainpaper.ingestion.imports;

import org.springframework.http.HttpStatus;

/** A whole file refused before any record is taken in; nothing is emitted. */
class ImportRefused extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    ImportRefused(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
