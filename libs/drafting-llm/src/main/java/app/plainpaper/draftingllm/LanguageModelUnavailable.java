package app.plainpaper.draftingllm;

/** The language model gave no answer: connection refused, timeout, HTTP error, empty reply. */
public class LanguageModelUnavailable extends RuntimeException {

    public LanguageModelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
