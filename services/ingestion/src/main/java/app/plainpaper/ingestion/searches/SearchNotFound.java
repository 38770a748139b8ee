package app.plainpaper.ingestion.searches;

public class SearchNotFound extends RuntimeException {

    public SearchNotFound(String message) {
        super(message);
    }
}
