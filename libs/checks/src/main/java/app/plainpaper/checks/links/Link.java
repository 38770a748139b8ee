package app.plainpaper.checks.links;

/**
 * A link or DOI found in a text.
 *
 * @param kind    URL or DOI
 * @param raw     as written
 * @param start   offset in the text
 * @param end     offset just past it
 * @param problem why it is malformed, or null when well formed
 */
public record Link(Kind kind, String raw, int start, int end, String problem) {

    public enum Kind { URL, DOI }

    public boolean wellFormed() {
        return problem == null;
    }
}
