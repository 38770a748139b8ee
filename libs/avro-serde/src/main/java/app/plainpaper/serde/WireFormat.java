package app.plainpaper.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's framing: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the datum.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** The 5-byte header for a schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * Splits a framed payload into schema id and Avro body.
     *
     * @throws WireFormatException when the payload is too short or does not start with the magic byte
     */
    public static Framed unframe(byte[] payload, String topic) {
        if (payload.length < HEADER_LENGTH) {
            throw new WireFormatException("Record from topic '" + topic + "' has " + payload.length
                    + " bytes, too short for the Confluent wire format (magic byte 0 and a 4-byte schema id, then Avro)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new WireFormatException(String.format(
                    "Unknown magic byte 0x%02x in record from topic '%s': expected 0x00 (Confluent wire format); "
                            + "the record was not written by an Avro schema-registry serializer",
                    payload[0] & 0xff, topic));
        }
        int schemaId = ByteBuffer.wrap(payload, 1, 4).getInt();
        return new Framed(schemaId, payload, HEADER_LENGTH, payload.length - HEADER_LENGTH);
    }

    /** A payload's schema id and where its Avro body lies in the original array. */
    public record Framed(int schemaId, byte[] payload, int offset, int length) {
    }
}
