package app.plainpaper.pipeline.stage;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/** A stage shaped like the real ones: consume a summary event, send its successor, in one transaction. */
public class DraftingStandIn {

    private static final Logger log = LoggerFactory.getLogger(DraftingStandIn.class);

    private final EventSuccession succession;
    private final HandledInputs handled;
    private final Mishaps mishaps;
    private final KafkaTemplate<Object, Object> kafka;

    DraftingStandIn(EventSuccession succession, HandledInputs handled, Mishaps mishaps, KafkaTemplate<Object, Object> kafka) {
        this.succession = succession;
        this.handled = handled;
        this.mishaps = mishaps;
        this.kafka = kafka;
    }

    @KafkaListener(id = "stage", topics = StageApplication.INPUT)
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SummaryEvent event)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic());
        }
        if (handled.contains(event.getEventId())) {
            log.info("Event {} was handled already", event.getEventId());
            return;
        }
        log.info("Drafting event {}", event.getEventId());
        SummaryEvent drafted = succession.after(event, EventType.DRAFT_WRITTEN, WorkflowState.EDITOR_REVIEW).build();
        // Waits for the broker, so that a planned failure comes after the output really was written (then aborted).
        kafka.send(StageApplication.OUTPUT, drafted.getSummaryId(), drafted).join();
        mishaps.strike(event.getSummaryId());
        handled.afterCommit(event.getEventId());
    }
}
