package app.plainpaper.pipeline.kafka;

import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.SummaryEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Puts the summary id and the correlation id on every log line written while a record is processed. */
public class SummaryLogContext implements RecordInterceptor<Object, Object> {

    public static final String SUMMARY_ID = "summaryId";
    public static final String CORRELATION_ID = "correlationId";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        open(record);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        clear();
    }

    /**
     * Sets the MDC from a record: the ids of a summary event or an editorial command, else the key (we key by
     * summary id). Close the result to clear them again.
     */
    public static Scope open(ConsumerRecord<?, ?> record) {
        clear();
        Object value = record.value();
        if (value instanceof SummaryEvent event) {
            put(SUMMARY_ID, event.getSummaryId());
            put(CORRELATION_ID, event.getCorrelationId());
        } else if (value instanceof EditorialCommand command) {
            put(SUMMARY_ID, command.getSummaryId());
            put(CORRELATION_ID, command.getCorrelationId());
        } else if (record.key() != null) {
            put(SUMMARY_ID, String.valueOf(record.key()));
        }
        return SummaryLogContext::clear;
    }

    private static void put(String key, CharSequence value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    private static void clear() {
        MDC.remove(SUMMARY_ID);
        MDC.remove(CORRELATION_ID);
    }

    /** Clears the ids on close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
