package app.plainpaper.ingestion.lookup;

/** Neither Crossref nor PubMed knows the identifier. */
public class PaperNotFound extends RuntimeException {

    public PaperNotFound(String message) {
        super(message);
    }
}
