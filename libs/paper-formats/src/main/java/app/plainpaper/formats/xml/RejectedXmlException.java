package app.plainpaper.formats.xml;

import app.plainpaper.formats.RejectedFileException;

/** The one failure a whole-file parse may raise: the file cannot be read safely as the expected XML. */
public class RejectedXmlException extends RejectedFileException {

    public enum Reason {
        /** A DOCTYPE declares an external entity (file:, http:, ...) and the document uses it. */
        EXTERNAL_ENTITY_REFUSED,
        /** Entity expansion beyond the limit (billion laughs and similar). */
        ENTITY_EXPANSION_LIMIT,
        /** Elements nested deeper than the limit (no real paper comes close). */
        TOO_DEEP,
        /** Not well-formed XML (truncated, corrupted, wrong encoding). */
        MALFORMED,
        /** Well-formed, but not the format this parser reads. */
        UNEXPECTED_ROOT
    }

    private final Reason reason;

    public RejectedXmlException(Reason reason, String detail, Throwable cause) {
        super(reason.name(), detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
