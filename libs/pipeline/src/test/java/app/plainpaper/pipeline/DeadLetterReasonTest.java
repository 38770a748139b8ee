package app.plainpaper.pipeline;

import app.plainpaper.pipeline.kafka.DeadLetters;
import app.plainpaper.pipeline.kafka.OutageAwareAfterRollback;
import app.plainpaper.serde.WireFormatException;
import app.plainpaper.serde.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonTest {

    @Test
    void theReasonIsTheRootCause() {
        var failure = new ListenerExecutionFailedException("Listener failed",
                new IllegalStateException("wrapper", new IllegalArgumentException("Revision 3 has no draft")));

        assertThat(DeadLetters.reason(failure)).isEqualTo("IllegalArgumentException: Revision 3 has no draft");
    }

    @Test
    void anUnprocessableEventGivesItsOwnMessageEvenWithACause() {
        var failure = new ListenerExecutionFailedException("Listener failed",
                new UnprocessableEvent("No summary s-1 is known here.", new NullPointerException("snapshot")));

        assertThat(DeadLetters.reason(failure)).isEqualTo("UnprocessableEvent: No summary s-1 is known here.");
    }

    @Test
    void aRecordThatCannotBeReadIsExplainedByTheSerde() {
        var failure = new DeserializationException("failed to deserialize", new byte[] {0x7b}, false,
                new WireFormatException("Unknown magic byte 0x7b"));

        assertThat(DeadLetters.reason(failure)).isEqualTo("WireFormatException: Unknown magic byte 0x7b");
        assertThat(OutageAwareAfterRollback.isOutage(failure)).isFalse();
    }

    @Test
    void registryAndBrokerOutagesAreToldApartFromBadRecords() {
        var registryDown = new DeserializationException("failed to deserialize", new byte[] {0}, false,
                new SchemaRegistryUnavailableException("Schema registry unavailable", "http://localhost:1", null));
        var sendTimedOut = new ListenerExecutionFailedException("Listener failed",
                new TimeoutException("Expiring 1 record(s)"));

        assertThat(OutageAwareAfterRollback.isOutage(registryDown)).isTrue();
        assertThat(OutageAwareAfterRollback.isOutage(sendTimedOut)).isTrue();
        assertThat(OutageAwareAfterRollback.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
