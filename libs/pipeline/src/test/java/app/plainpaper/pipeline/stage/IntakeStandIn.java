package app.plainpaper.pipeline.stage;

import app.plainpaper.events.SummaryEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An HTTP entry like ingestion's: the request starts (or continues) the trace that the events then carry. */
@RestController
public class IntakeStandIn {

    private final KafkaTemplate<Object, Object> kafka;
    private final EventFactory events;

    IntakeStandIn(KafkaTemplate<Object, Object> kafka, EventFactory events) {
        this.kafka = kafka;
        this.events = events;
    }

    @PostMapping("/summaries/{summaryId}")
    String ingest(@PathVariable String summaryId) {
        SummaryEvent event = events.ingested(summaryId);
        kafka.executeInTransaction(operations -> operations.send(StageApplication.INPUT, summaryId, event));
        return event.getEventId();
    }

    /** Makes the first event of a summary; the tests' fixtures live outside this package. */
    public interface EventFactory {
        SummaryEvent ingested(String summaryId);
    }
}
