package app.plainpaper.ingestion.intake;

import app.plainpaper.events.NoticeKind;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperNotice;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.ingestion.events.IngestedEvents;
import app.plainpaper.ingestion.paper.CleanPaper;
import app.plainpaper.ingestion.paper.KnownPapers;
import app.plainpaper.ingestion.paper.PaperNormaliser;
import app.plainpaper.ingestion.paper.PaperSubmission;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts a paper once: a paper already known by DOI, PMID or title key answers its existing summary id, and what
 * it adds (abstract sections, MeSH terms, authors...) becomes an ENRICHED notice instead of a duplicate. The ingested
 * and notices topics are the only store; the known papers are rebuilt from them on start.
 */
public class PaperIntake {

    private static final Logger log = LoggerFactory.getLogger(PaperIntake.class);

    private final KnownPapers known = new KnownPapers();
    /** The paper as ingestion now knows it, per summary: the ingested one with every notice applied. */
    private final Map<String, Paper> papers = new LinkedHashMap<>();
    private final Map<String, String> correlations = new HashMap<>();
    private final Set<String> noticeIds = new HashSet<>();
    private final KafkaTemplate<Object, Object> kafka;
    private final EventSuccession succession;

    public PaperIntake(KafkaTemplate<Object, Object> kafka, EventSuccession succession) {
        this.kafka = kafka;
        this.succession = succession;
    }

    public synchronized void rebuild(ConsumerFactory<?, ?> consumers) {
        Map<String, Paper> fromNotices = new HashMap<>();
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.INGESTED, Topics.PAPER_NOTICES),
                Duration.ofSeconds(60), record -> {
                    if (record.value() instanceof SummaryEvent event) {
                        known.remember(identityKeys(event.getPaper()), event.getSummaryId());
                        papers.putIfAbsent(event.getSummaryId(), event.getPaper());
                        correlations.putIfAbsent(event.getSummaryId(), event.getCorrelationId());
                    } else if (record.value() instanceof PaperNotice notice) {
                        // Notices of one summary share a partition, so the last one read is the latest paper.
                        fromNotices.put(notice.getSummaryId(), notice.getPaper());
                        noticeIds.add(notice.getNoticeId());
                    }
                });
        fromNotices.forEach((summaryId, paper) -> {
            papers.put(summaryId, paper);
            known.remember(identityKeys(paper), summaryId);
        });
        log.info("Known papers rebuilt from {} ingested events and notices", count);
    }

    /** Serialised so that two submissions of one paper at the same moment still give one summary. */
    public synchronized Receipt accept(PaperSubmission submission, SourceKind kind) {
        CleanPaper clean = PaperNormaliser.clean(submission);
        List<String> keys = clean.identityKeys();
        var existing = known.find(keys);
        if (existing.isPresent()) {
            return enrich(existing.get(), clean, kind);
        }
        String summaryId = UUID.randomUUID().toString();
        SummaryEvent event = IngestedEvents.first(summaryId, clean, kind, succession);
        send(Topics.INGESTED, summaryId, event);
        known.remember(keys, summaryId);
        papers.put(summaryId, event.getPaper());
        correlations.put(summaryId, event.getCorrelationId());
        log.info("Ingested paper {} as summary {}", keys.get(0), summaryId);
        return new Receipt(summaryId, Outcome.CREATED);
    }

    private Receipt enrich(String summaryId, CleanPaper clean, SourceKind kind) {
        Paper current = papers.get(summaryId);
        if (current == null) {
            return new Receipt(summaryId, Outcome.DUPLICATE);
        }
        Paper incoming = IngestedEvents.first(summaryId, clean, kind, succession).getPaper();
        String source = kind.name().toLowerCase(java.util.Locale.ROOT)
                + (clean.sourceReference() == null ? "" : " " + clean.sourceReference());
        boolean changed = false;
        var merge = PaperMerge.merge(current, incoming);
        if (merge.isPresent()) {
            emit(summaryId, UUID.randomUUID().toString(), NoticeKind.ENRICHED, merge.get().paper(),
                    "added " + String.join(", ", merge.get().added()), source);
            known.remember(identityKeys(merge.get().paper()), summaryId);
            changed = true;
        }
        if (incoming.getRetracted()) {
            changed |= notice(summaryId, NoticeKind.RETRACTED, "", "flagged retracted by " + source, source).isPresent();
        }
        return new Receipt(summaryId, changed ? Outcome.ENRICHED : Outcome.DUPLICATE);
    }

    /**
     * Records a notice about a known paper once. {@code key} tells one fact from another of the same kind (an
     * erratum's DOI); a paper is retracted only once, whoever reports it, so RETRACTED ignores the key.
     *
     * @return the notice sent, or empty when the paper is unknown or the notice was already given
     */
    public synchronized Optional<PaperNotice> notice(String summaryId, NoticeKind kind, String key, String detail, String source) {
        Paper current = papers.get(summaryId);
        if (current == null) {
            return Optional.empty();
        }
        String noticeId = kind == NoticeKind.RETRACTED ? "retracted:" + summaryId
                : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + summaryId + ":" + key;
        if (noticeIds.contains(noticeId) || (kind == NoticeKind.RETRACTED && current.getRetracted())) {
            return Optional.empty();
        }
        Paper paper = kind == NoticeKind.RETRACTED ? Paper.newBuilder(current).setRetracted(true).build() : current;
        return Optional.of(emit(summaryId, noticeId, kind, paper, detail, source));
    }

    private PaperNotice emit(String summaryId, String noticeId, NoticeKind kind, Paper paper, String detail, String source) {
        PaperNotice notice = PaperNotice.newBuilder()
                .setNoticeId(noticeId)
                .setSummaryId(summaryId)
                .setKind(kind)
                .setPaper(paper)
                .setDetail(detail)
                .setSource(source)
                .setNoticedAt(succession.now())
                .setCorrelationId(correlations.get(summaryId))
                .build();
        send(Topics.PAPER_NOTICES, summaryId, notice);
        noticeIds.add(noticeId);
        papers.put(summaryId, paper);
        log.info("Notice {} for summary {}: {}", kind, summaryId, detail);
        return notice;
    }

    /** The papers ingestion knows, as it knows them now (for re-checks). */
    public synchronized Map<String, Paper> papers() {
        return Map.copyOf(papers);
    }

    public synchronized Optional<Paper> paper(String summaryId) {
        return Optional.ofNullable(papers.get(summaryId));
    }

    private void send(String topic, String key, Object value) {
        try {
            kafka.executeInTransaction(t -> t.send(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording the paper", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not record the paper in Kafka: " + e.getMessage(), e);
        }
    }

    private static List<String> identityKeys(Paper paper) {
        var authors = paper.getAuthors().stream().map(a -> a.getName()).toList();
        var clean = new CleanPaper(paper.getDoi(), paper.getPmid(), paper.getPmcid(), paper.getTitle(), paper.getJournal(),
                paper.getYear(), paper.getPublicationDate(), authors, List.of(), null, List.of(), null);
        return clean.identityKeys();
    }

    /** What became of one arrival. */
    public enum Outcome {
        /** A new paper: a new summary. */
        CREATED,
        /** Already known, and it added nothing. */
        DUPLICATE,
        /** Already known, and what it added went out as a notice. */
        ENRICHED
    }

    public record Receipt(String summaryId, Outcome outcome) {

        public Receipt(String summaryId, boolean created) {
            this(summaryId, created ? Outcome.CREATED : Outcome.DUPLICATE);
        }

        public boolean created() {
            return outcome == Outcome.CREATED;
        }
    }
}
