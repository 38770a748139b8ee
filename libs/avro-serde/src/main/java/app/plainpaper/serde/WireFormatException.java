package app.plainpaper.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes are not in the Confluent wire format (wrong magic byte, too short). */
public class WireFormatException extends SerializationException {

    public WireFormatException(String message) {
        super(message);
    }
}
