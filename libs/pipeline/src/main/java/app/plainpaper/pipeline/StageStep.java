package app.plainpaper.pipeline;

import app.plainpaper.events.SummaryEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaOperations;

import java.util.function.Function;

/**
 * One consume-process-produce step of a stage that turns each summary event into exactly one next event.
 * Called from a transactional listener, so the output and the input's offset commit together; an input already
 * handled (its id is the causation id of an output) makes no second output.
 */
public class StageStep {

    private final HandledInputs handled;
    private final KafkaOperations<Object, Object> kafka;

    public StageStep(HandledInputs handled, KafkaOperations<Object, Object> kafka) {
        this.handled = handled;
        this.kafka = kafka;
    }

    /** The event a step makes, and the topic it goes to. */
    public record Output(String topic, SummaryEvent event) {
    }

    /** @return the output sent, or null when the input had been handled already */
    public Output apply(ConsumerRecord<?, ?> record, Function<SummaryEvent, Output> step) {
        if (!(record.value() instanceof SummaryEvent input)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic() + ", got "
                    + (record.value() == null ? "nothing" : record.value().getClass().getName()));
        }
        if (handled.contains(input.getEventId())) {
            return null;
        }
        Output output = step.apply(input);
        kafka.send(output.topic(), output.event().getSummaryId(), output.event());
        handled.afterCommit(input.getEventId());
        return output;
    }
}
