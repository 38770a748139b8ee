package app.plainpaper.pipeline.kafka;

import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.nio.charset.StandardCharsets;

/**
 * Sends what a consumer cannot process to its own dead-letter topic, {@code <service>.dlt}, with a plain reason in
 * the headers. The record keeps its key, its headers and (for a record that could not be deserialized) its original
 * bytes; spring-kafka's {@code kafka_dlt-*} headers add where it came from and the exception.
 */
public final class DeadLetters {

    /** Plain-language reason; spring-kafka's own kafka_dlt-* headers carry the exception details. */
    public static final String REASON_HEADER = "plainpaper-dlt-reason";
    public static final String CONSUMER_HEADER = "plainpaper-dlt-consumer";
    /**
     * The trace id the record came with. The dead letter's own {@code traceparent} belongs to the send to the
     * dead-letter topic, which happens after the failed attempt's trace has ended.
     */
    public static final String TRACE_ID_HEADER = "plainpaper-dlt-trace-id";

    private DeadLetters() {
    }

    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template, String serviceName) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(serviceName), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            headers.add(CONSUMER_HEADER, serviceName.getBytes(StandardCharsets.UTF_8));
            String traceId = traceId(record.headers());
            if (traceId != null) {
                headers.add(TRACE_ID_HEADER, traceId.getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
        return recoverer;
    }

    /** The trace id of a W3C {@code traceparent} or a B3 header, or null. */
    static String traceId(Headers headers) {
        Header traceparent = headers.lastHeader("traceparent");
        if (traceparent != null) {
            String[] parts = new String(traceparent.value(), StandardCharsets.US_ASCII).split("-");
            return parts.length >= 3 ? parts[1] : null;
        }
        Header b3 = headers.lastHeader("b3");
        if (b3 != null) {
            String value = new String(b3.value(), StandardCharsets.US_ASCII);
            return value.contains("-") ? value.substring(0, value.indexOf('-')) : null;
        }
        Header multi = headers.lastHeader("X-B3-TraceId");
        return multi == null ? null : new String(multi.value(), StandardCharsets.US_ASCII);
    }

    /**
     * The root cause's type and message, or the {@link UnprocessableEvent}'s if there is one on the way: that
     * message was written for people.
     */
    public static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof UnprocessableEvent)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
