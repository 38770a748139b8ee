package app.plainpaper.desk.feedback;

import app.plainpaper.events.DataKey;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Readers' feedback on the desk: a read model of reader.feedback and the data keys, and the editors' endpoint. */
@Configuration(proxyBeanMethods = false)
class FeedbackDesk {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDesk.class);

    @Bean
    FeedbackBoard feedbackBoard() {
        return new FeedbackBoard();
    }

    /** The publishing service's key-encryption key: configured, or the file it made for the local stack. */
    @Bean
    CommentKeys commentKeys(@Value("${plainpaper.readers.kek:}") String configured,
            @Value("${plainpaper.readers.kek-file:.plainpaper/data/publishing/reader-kek}") Path file) {
        if (!configured.isBlank()) {
            return new CommentKeys(configured);
        }
        if (Files.isReadable(file)) {
            try {
                return new CommentKeys(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        log.warn("No key-encryption key for reader data (plainpaper.readers.kek or {}): feedback comments stay unreadable", file);
        return new CommentKeys(null);
    }

    @Bean
    FeedbackListener feedbackListener(FeedbackBoard board, CommentKeys keys) {
        return new FeedbackListener(board, keys);
    }

    /** Reads both topics from the start on every start (tombstones included): the desk keeps no state of its own. */
    static class FeedbackListener extends AbstractConsumerSeekAware {
        private final FeedbackBoard board;
        private final CommentKeys keys;

        FeedbackListener(FeedbackBoard board, CommentKeys keys) {
            this.board = board;
            this.keys = keys;
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            super.onPartitionsAssigned(assignments, callback);
            callback.seekToBeginning(assignments.keySet());
        }

        @KafkaListener(id = "editorial-desk-feedback", topics = {Topics.READER_FEEDBACK, Topics.DATA_KEYS})
        void on(ConsumerRecord<String, Object> record) {
            if (record.value() instanceof ReaderFeedback feedback) {
                board.apply(feedback);
            } else if (record.value() instanceof DataKey key) {
                keys.remember(key);
            } else if (record.value() == null && Topics.DATA_KEYS.equals(record.topic())) {
                keys.forget(record.key());
            }
        }
    }

    @RestController
    static class FeedbackController {
        private static final Set<String> READERS = Set.of("ROLE_EDITOR", "ROLE_ADMIN");

        private final FeedbackBoard board;
        private final CommentKeys keys;

        FeedbackController(FeedbackBoard board, CommentKeys keys) {
            this.board = board;
            this.keys = keys;
        }

        /** Counts and decrypted comments for editors; comments may hold health details, so nothing is cached. */
        @GetMapping("/api/summaries/{summaryId}/feedback")
        ResponseEntity<?> feedback(@PathVariable String summaryId, Authentication user) {
            if (user == null || user.getAuthorities().stream().noneMatch(a -> READERS.contains(a.getAuthority()))) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "Only editors and admins read readers' feedback.");
                problem.setTitle("Forbidden");
                return ResponseEntity.status(HttpStatus.FORBIDDEN).cacheControl(CacheControl.noStore()).body(problem);
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(board.view(summaryId, keys));
        }
    }
}
