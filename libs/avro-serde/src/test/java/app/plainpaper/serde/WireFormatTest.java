package app.plainpaper.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicByteThenBigEndianId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.header(7)).containsExactly(0, 0, 0, 0, 7);
    }

    @Test
    void unframeSplitsIdAndBody() {
        byte[] payload = {0, 0, 0, 1, 0x2c, 42, 43};

        WireFormat.Framed framed = WireFormat.unframe(payload, "summaries");

        assertThat(framed.schemaId()).isEqualTo(300);
        assertThat(framed.offset()).isEqualTo(5);
        assertThat(framed.length()).isEqualTo(2);
    }

    @Test
    void tooShortPayloadIsRejectedWithItsLength() {
        assertThatThrownBy(() -> WireFormat.unframe(new byte[] {0, 0, 1}, "summaries"))
                .isInstanceOf(SerializationException.class)
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("topic 'summaries'")
                .hasMessageContaining("3 bytes")
                .hasMessageContaining("too short");
    }

    @Test
    void unknownMagicByteIsRejected() {
        assertThatThrownBy(() -> WireFormat.unframe(new byte[] {1, 0, 0, 0, 1, 2}, "summaries"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("Unknown magic byte 0x01")
                .hasMessageContaining("topic 'summaries'");
    }
}
