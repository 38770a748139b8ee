package app.plainpaper.ingestion.intake;

import app.plainpaper.ingestion.paper.CleanPaper;
import app.plainpaper.ingestion.paper.KnownPapers;
import app.plainpaper.ingestion.paper.PaperNormaliser;
import app.plainpaper.ingestion.paper.PaperSubmission;

import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.ingestion.events.IngestedEvents;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts a paper once: a paper already known by DOI, PMID or title key answers its existing summary id.
 * The ingested topic is the only store; the index of known papers is rebuilt from it on start.
 */
public class PaperIntake {

    private static final Logger log = LoggerFactory.getLogger(PaperIntake.class);

    private final KnownPapers known = new KnownPapers();
    private final KafkaTemplate<Object, Object> kafka;
    private final EventSuccession succession;

    public PaperIntake(KafkaTemplate<Object, Object> kafka, EventSuccession succession) {
        this.kafka = kafka;
        this.succession = succession;
    }

    public void rebuild(ConsumerFactory<?, ?> consumers) {
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.INGESTED),
                Duration.ofSeconds(60), record -> {
                    if (record.value() instanceof SummaryEvent event) {
                        known.remember(identityKeys(event), event.getSummaryId());
                    }
                });
        log.info("Known papers rebuilt from {} ingested events", count);
    }

    /** Serialised so that two submissions of one paper at the same moment still give one summary. */
    public synchronized Receipt accept(PaperSubmission submission, SourceKind kind) {
        CleanPaper paper = PaperNormaliser.clean(submission);
        List<String> keys = paper.identityKeys();
        var existing = known.find(keys);
        if (existing.isPresent()) {
            return new Receipt(existing.get(), false);
        }
        String summaryId = UUID.randomUUID().toString();
        SummaryEvent event = IngestedEvents.first(summaryId, paper, kind, succession);
        try {
            kafka.executeInTransaction(t -> t.send(Topics.INGESTED, summaryId, event))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording the paper", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not record the paper in Kafka: " + e.getMessage(), e);
        }
        known.remember(keys, summaryId);
        log.info("Ingested paper {} as summary {}", keys.get(0), summaryId);
        return new Receipt(summaryId, true);
    }

    private static List<String> identityKeys(SummaryEvent event) {
        var paper = event.getPaper();
        var authors = paper.getAuthors().stream().map(a -> a.getName()).toList();
        var clean = new CleanPaper(paper.getDoi(), paper.getPmid(), paper.getPmcid(), paper.getTitle(), paper.getJournal(),
                paper.getYear(), paper.getPublicationDate(), authors, List.of(), null, List.of(), null);
        return clean.identityKeys();
    }

    public record Receipt(String summaryId, boolean created) {
    }
}
