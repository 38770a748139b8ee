package app.plainpaper.serde.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry refused or failed a request. A {@link SerializationException}, so Kafka clients
 * and spring-kafka's error handlers treat it like any other serde failure.
 */
public class SchemaRegistryException extends SerializationException {

    private final String registryUrl;
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, String registryUrl, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.registryUrl = registryUrl;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The registry URL that answered (or, when none did, all that were tried). */
    public String registryUrl() {
        return registryUrl;
    }

    /** HTTP status of the answer; -1 when no registry answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code} from the answer's body; -1 when there was none. */
    public int errorCode() {
        return errorCode;
    }
}
