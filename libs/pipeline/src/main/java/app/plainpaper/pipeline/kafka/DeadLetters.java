package app.plainpaper.pipeline.kafka;

import app.plainpaper.pipeline.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.nio.charset.StandardCharsets;

/** Sends what a consumer cannot process to its own dead-letter topic, with a plain reason in the headers. */
public final class DeadLetters {

    /** Plain-language reason; spring-kafka's own kafka_dlt-* headers carry the exception details. */
    public static final String REASON_HEADER = "plainpaper-dlt-reason";
    public static final String CONSUMER_HEADER = "plainpaper-dlt-consumer";

    private DeadLetters() {
    }

    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template, String serviceName) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(serviceName), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            headers.add(CONSUMER_HEADER, serviceName.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        return recoverer;
    }

    static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        while (cause.getCause() != null && !(cause instanceof app.plainpaper.pipeline.UnprocessableEvent)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
