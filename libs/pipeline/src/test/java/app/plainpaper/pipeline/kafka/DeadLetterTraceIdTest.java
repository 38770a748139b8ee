package app.plainpaper.pipeline.kafka;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTraceIdTest {

    @Test
    void theTraceIdIsTakenFromW3cOrB3Headers() {
        assertThat(DeadLetters.traceId(headers("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(DeadLetters.traceId(headers("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1")))
                .isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
        assertThat(DeadLetters.traceId(headers("X-B3-TraceId", "463ac35c9f6413ad"))).isEqualTo("463ac35c9f6413ad");
        assertThat(DeadLetters.traceId(headers("b3", "0"))).isNull();
        assertThat(DeadLetters.traceId(new RecordHeaders())).isNull();
    }

    private static RecordHeaders headers(String name, String value) {
        var headers = new RecordHeaders();
        headers.add(name, value.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }
}
