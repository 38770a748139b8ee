package app.plainpaper.compliance.kafka;

import app.plainpaper.compliance.gate.ComplianceGate;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Advice on every new revision; the final gate on every signed-off one. */
class ComplianceListener {

    private static final Logger log = LoggerFactory.getLogger(ComplianceListener.class);

    private final ComplianceGate gate;
    private final StageStep step;

    ComplianceListener(ComplianceGate gate, StageStep step) {
        this.gate = gate;
        this.step = step;
    }

    @KafkaListener(id = "disclaimer-check", topics = {Topics.DRAFTED, Topics.SIGNED_OFF})
    void on(ConsumerRecord<String, Object> record) {
        var output = step.apply(record, event -> {
            if (event.getDraft() == null) {
                throw new UnprocessableEvent("Revision " + event.getRevision() + " has no draft to check.");
            }
            return Topics.DRAFTED.equals(record.topic()) ? gate.advise(event) : gate.gate(event);
        });
        if (output != null) {
            log.info("Revision {} -> {}", output.event().getRevision(), output.topic());
        }
    }
}
