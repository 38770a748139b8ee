package app.plainpaper.desk.api;

import app.plainpaper.desk.kafka.KafkaUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;

/**
 * Every desk write (decisions, claims, comments, profiles) goes to Kafka before it counts. While Kafka or the schema
 * registry is down such a write is refused with 503 and a Retry-After, not a bare 500: nothing was recorded, and the
 * same request can simply be sent again later.
 */
@RestControllerAdvice
class KafkaOutageProblems {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutageProblems.class);
    /** Long enough for a broker restart or a leader election, short enough for a person to wait for. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @ExceptionHandler(KafkaUnavailable.class)
    ErrorResponse unavailable(KafkaUnavailable e) {
        log.warn("Refused a write with 503: {}", e.getMessage());
        return DeskProblem.unavailable("Desk temporarily unavailable",
                "The desk could not record this because its event log (Kafka) is not answering. Nothing was changed; "
                        + "try again in " + RETRY_AFTER.toSeconds() + " seconds.", RETRY_AFTER);
    }
}
