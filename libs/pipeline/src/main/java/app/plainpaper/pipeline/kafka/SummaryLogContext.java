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
        Object value = record.value();
        if (value instanceof SummaryEvent event) {
            MDC.put(SUMMARY_ID, event.getSummaryId());
            MDC.put(CORRELATION_ID, event.getCorrelationId());
        } else if (value instanceof EditorialCommand command) {
            MDC.put(SUMMARY_ID, command.getSummaryId());
            if (command.getCorrelationId() != null) {
                MDC.put(CORRELATION_ID, command.getCorrelationId());
            }
        } else if (record.key() != null) {
            MDC.put(SUMMARY_ID, String.valueOf(record.key()));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(SUMMARY_ID);
        MDC.remove(CORRELATION_ID);
    }
}
