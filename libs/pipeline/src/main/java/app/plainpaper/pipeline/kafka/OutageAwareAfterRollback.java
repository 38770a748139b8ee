package app.plainpaper.pipeline.kafka;

import app.plainpaper.pipeline.UnprocessableEvent;
import app.plainpaper.serde.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ContainerProperties.EOSMode;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.ExceptionMatcher;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What happens after a record's transaction rolled back: a failing record is retried a few times, then handed to
 * the recoverer (the dead-letter topic) and its offset committed, so the stream goes on.
 * <p>
 * Two exceptions to that. An {@link UnprocessableEvent} or a record that cannot be deserialized is dead-lettered at
 * once: retrying cannot help. And while the schema registry or the broker is unavailable, a record is not to blame:
 * it is retried without limit (backing off up to {@code outageMaxInterval}), because dead-lettering good records
 * during an outage would lose their order and fill the dead-letter topic.
 */
public class OutageAwareAfterRollback extends DefaultAfterRollbackProcessor<Object, Object> {

    private final ExceptionMatcher retryable;

    public OutageAwareAfterRollback(BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer, KafkaOperations<?, ?> template,
            int attempts, Duration interval, Duration outageMaxInterval) {
        super(recoverer, new FixedBackOff(interval.toMillis(), attempts), template, true);
        addNotRetryableExceptions(UnprocessableEvent.class, DeserializationException.class);
        ExponentialBackOff outage = new ExponentialBackOff(Math.max(interval.toMillis(), 100), 2.0);
        outage.setMaxInterval(Math.max(outageMaxInterval.toMillis(), outage.getInitialInterval()));
        BackOff outageBackOff = outage;
        setBackOffFunction((record, exception) -> isOutage(exception) ? outageBackOff : null);
        this.retryable = new ExceptionMatcher(Map.of(), true, false) {
            @Override
            public boolean match(Throwable exception) {
                return isOutage(exception) || classifiedRetryable(exception);
            }
        };
    }

    /** True when the cause is the infrastructure, not the record: it may well succeed later. */
    public static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException || cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private boolean classifiedRetryable(Throwable exception) {
        return super.getExceptionMatcher().match(exception);
    }

    @Override
    protected ExceptionMatcher getExceptionMatcher() {
        return retryable == null ? super.getExceptionMatcher() : retryable;
    }

    /** The recovery's log lines (back-off exhausted, dead-lettered) carry the record's summary id too. */
    @Override
    public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
            MessageListenerContainer container, Exception exception, boolean recoverable, EOSMode eosMode) {
        if (records.isEmpty()) {
            super.process(records, consumer, container, exception, recoverable, eosMode);
            return;
        }
        try (var ignored = SummaryLogContext.open(records.get(0))) {
            super.process(records, consumer, container, exception, recoverable, eosMode);
        }
    }
}
