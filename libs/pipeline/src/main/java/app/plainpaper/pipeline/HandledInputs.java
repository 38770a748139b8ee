package app.plainpaper.pipeline;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.kafka.EventLog;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inputs a stage has already turned into output, so that a redelivered or duplicated input makes no second
 * output. Rebuilt on start from the stage's own output topics: each output names its input as causation id.
 */
public class HandledInputs {

    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    public static HandledInputs rebuiltFrom(ConsumerFactory<?, ?> consumers, Collection<String> outputTopics) {
        var inputs = new HandledInputs();
        EventLog.replay(consumers.getConfigurationProperties(), outputTopics, Duration.ofSeconds(60), record -> {
            if (record.value() instanceof SummaryEvent event && event.getCausationId() != null) {
                inputs.handled.add(event.getCausationId());
            }
        });
        return inputs;
    }

    public boolean contains(String inputId) {
        return handled.contains(inputId);
    }

    /** Marks the input handled once the surrounding Kafka transaction commits (at once when there is none). */
    public void afterCommit(String inputId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handled.add(inputId);
                }
            });
        } else {
            handled.add(inputId);
        }
    }

    public int size() {
        return handled.size();
    }
}
