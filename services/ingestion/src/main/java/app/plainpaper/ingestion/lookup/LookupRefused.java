package app.plainpaper.ingestion.lookup;

/** The source has the paper, but not in a form a summary can be written from (no abstract, no title). */
public class LookupRefused extends RuntimeException {

    public LookupRefused(String message) {
        super(message);
    }
}
