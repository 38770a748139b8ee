package app.plainpaper.serde.registry;

/**
 * The schema breaks the subject's compatibility rule: the registry answered 409 to a
 * registration, or (with {@code use.latest.version}) the latest version cannot read the record.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private final String subject;

    public IncompatibleSchemaException(String message, String subject, String registryUrl, int httpStatus, int errorCode) {
        super(message, registryUrl, httpStatus, errorCode, null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
