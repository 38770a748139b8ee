package app.plainpaper.ingestion.events;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Author;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.ingestion.paper.CleanPaper;
import app.plainpaper.pipeline.EventSuccession;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns a clean paper into the first event of a summary's life. */
public final class IngestedEvents {

    private IngestedEvents() {
    }

    public static SummaryEvent first(String summaryId, CleanPaper paper, SourceKind kind, EventSuccession succession) {
        Instant now = succession.now();
        String eventId = UUID.randomUUID().toString();
        return SummaryEvent.newBuilder()
                .setEventId(eventId)
                .setSummaryId(summaryId)
                .setSequence(1)
                .setRevision(0)
                .setType(EventType.PAPER_INGESTED)
                .setState(WorkflowState.INGESTED)
                .setOccurredAt(now)
                .setActor(succession.service())
                .setCausationId(null)
                .setCorrelationId(eventId)
                .setPaper(paper(paper, kind, now))
                .build();
    }

    static Paper paper(CleanPaper paper, SourceKind kind, Instant receivedAt) {
        List<AbstractSection> sections = paper.sections().stream()
                .map(s -> AbstractSection.newBuilder().setLabel(s.label()).setText(s.text()).build())
                .toList();
        List<Author> authors = paper.authors().stream().map(a -> Author.newBuilder().setName(a).build()).toList();
        return Paper.newBuilder()
                .setDoi(paper.doi())
                .setPmid(paper.pmid())
                .setPmcid(paper.pmcid())
                .setTitle(paper.title())
                .setJournal(paper.journal())
                .setYear(paper.year())
                .setPublicationDate(paper.published())
                .setAuthors(authors)
                .setLicence(paper.licence())
                .setAbstractSections(sections)
                .setKeywords(paper.keywords())
                .setMeshTerms(paper.meshTerms())
                .setPublicationTypes(paper.publicationTypes())
                .setRetracted(paper.retracted())
                .setPreprint(paper.preprint())
                .setAuthorSummary(paper.authorSummary())
                .setOrigin(PaperOrigin.newBuilder().setKind(kind).setReference(paper.sourceReference())
                        .setReceivedAt(receivedAt).build())
                .build();
    }
}
