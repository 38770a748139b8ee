package app.plainpaper.compliance.kafka;

import app.plainpaper.compliance.gate.ComplianceGate;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

class ComplianceListener {

    private static final Logger log = LoggerFactory.getLogger(ComplianceListener.class);

    private final ComplianceGate gate;
    private final HandledInputs handled;
    private final KafkaTemplate<Object, Object> kafka;

    ComplianceListener(ComplianceGate gate, HandledInputs handled, KafkaTemplate<Object, Object> kafka) {
        this.gate = gate;
        this.handled = handled;
        this.kafka = kafka;
    }

    @KafkaListener(id = "disclaimer-check", topics = {Topics.DRAFTED, Topics.SIGNED_OFF})
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SummaryEvent event)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic());
        }
        if (handled.contains(event.getEventId())) {
            return;
        }
        if (event.getDraft() == null) {
            throw new UnprocessableEvent("Revision " + event.getRevision() + " has no draft to check.");
        }
        var outcome = Topics.DRAFTED.equals(record.topic()) ? gate.advise(event) : gate.gate(event);
        kafka.send(outcome.topic(), event.getSummaryId(), outcome.event());
        handled.afterCommit(event.getEventId());
        log.info("Revision {} -> {}", event.getRevision(), outcome.topic());
    }
}
