package app.plainpaper.publishingservice.site;

import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.site.content.EvidenceLevel;
import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Reviewer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** From the summary snapshot on an event to the site's view of one published page. */
final class PageMapping {

    private PageMapping() {
    }

    /**
     * The page of a summary's newest publishing event: published, retracted (the page stays, with a notice) or
     * unpublished (no page; its addresses answer 410).
     */
    static PublishedSummary page(SummaryEvent event, List<String> previousSlugs) {
        var publication = event.getPublication();
        boolean unpublished = event.getType() == EventType.UNPUBLISHED || event.getState() == WorkflowState.UNPUBLISHED;
        boolean retracted = event.getPaper().getRetracted() || event.getType() == EventType.RETRACTED
                || event.getState() == WorkflowState.RETRACTED;
        return page(event, publication.getSlug(), publication.getPublishedAt(), publication.getUpdatedAt(),
                publication.getCorrectionNote(), previousSlugs).toBuilder()
                .retracted(retracted)
                .unpublished(unpublished)
                .build();
    }

    static PublishedSummary page(SummaryEvent event, String slug, Instant publishedAt, Instant updatedAt,
            String correctionNote, List<String> previousSlugs) {
        var paper = event.getPaper();
        Draft draft = event.getDraft();
        var signOff = event.getSignOff();
        var level = draft.getEvidenceLevel();
        return PublishedSummary.builder(event.getSummaryId(), slug, paper.getTitle(), publishedAt)
                .journal(paper.getJournal())
                .year(paper.getYear())
                .publicationDate(paper.getPublicationDate())
                .doi(paper.getDoi())
                .pmid(paper.getPmid())
                .authors(paper.getAuthors().stream().map(a -> a.getName()).toList())
                .categories(draft.getCategories())
                .simpleExplanation(draft.getSimpleExplanation())
                .studyDuration(draft.getStudyDuration())
                .participants(draft.getParticipants())
                .evidenceLevel(new EvidenceLevel(level.getScale(), level.getLevel(), designLabel(level.getDesign()), level.getReason()))
                .keyFindings(draft.getKeyFindings().stream().map(f -> f.getText()).toList())
                .researchSummary(draft.getResearchSummary())
                .implications(draft.getPracticalImplications().stream().map(i -> new Implication(i.getTitle(), i.getText())).toList())
                .limitations(draft.getLimitations())
                .reviewedBy(signOff == null ? null : new Reviewer(
                        signOff.getReviewer().getDisplayName() == null ? signOff.getReviewer().getId() : signOff.getReviewer().getDisplayName(),
                        signOff.getReviewer().getCredentials()))
                .reviewedOn(signOff == null ? null : signOff.getSignedOffAt().atZone(ZoneOffset.UTC).toLocalDate())
                .updatedAt(updatedAt)
                .correctionNote(correctionNote)
                .preprint(paper.getPreprint())
                .retracted(paper.getRetracted())
                .previousSlugs(previousSlugs)
                .build();
    }

    static String designLabel(StudyDesign design) {
        return switch (design) {
            case SYSTEMATIC_REVIEW -> "Systematic review or meta-analysis";
            case RANDOMISED_TRIAL -> "Randomised controlled trial";
            case NON_RANDOMISED_TRIAL -> "Non-randomised controlled trial";
            case COHORT -> "Cohort study";
            case CASE_CONTROL -> "Case-control study";
            case CROSS_SECTIONAL -> "Cross-sectional study";
            case CASE_SERIES -> "Case series";
            case CASE_REPORT -> "Case report";
            case QUALITATIVE -> "Qualitative study";
            case ANIMAL_OR_LAB -> "Animal or laboratory study";
            case NARRATIVE_REVIEW -> "Narrative review";
            default -> null;
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
