package app.plainpaper.site.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the site needs to know about one published plain-language summary (the view model; no behaviour beyond checks).
 *
 * <p>{@code title} is the study's title, shown as the page heading. {@code publicationDate} is the date the study
 * was published; {@code publishedAt}/{@code updatedAt} are when our summary was published/corrected.
 * Nullable: journal, year, publicationDate, doi, pmid, studyDuration, participants, evidenceLevel, reviewedBy,
 * reviewedOn, updatedAt, correctionNote. Null lists are treated as empty.
 *
 * <p>States: {@code retracted} keeps the page (with a notice) but drops it from listings, feed, search and sitemap;
 * {@code unpublished} drops the page entirely and answers 410 Gone for its slugs.
 */
public record PublishedSummary(
        String summaryId,
        String slug,
        String title,
        String journal,
        Integer year,
        LocalDate publicationDate,
        String doi,
        String pmid,
        List<String> authors,
        List<String> categories,
        String simpleExplanation,
        String studyDuration,
        String participants,
        EvidenceLevel evidenceLevel,
        List<String> keyFindings,
        String researchSummary,
        List<Implication> implications,
        List<String> limitations,
        Reviewer reviewedBy,
        LocalDate reviewedOn,
        Instant publishedAt,
        Instant updatedAt,
        String correctionNote,
        boolean preprint,
        boolean retracted,
        boolean unpublished,
        List<String> previousSlugs) {

    public PublishedSummary {
        if (summaryId == null || summaryId.isBlank()) {
            throw new IllegalArgumentException("summaryId must not be blank");
        }
        Slug.require(slug, "slug of summary " + summaryId);
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title of summary " + summaryId + " must not be blank");
        }
        Objects.requireNonNull(publishedAt, () -> "publishedAt of summary " + summaryId + " must not be null");
        authors = copy(authors, "authors", summaryId);
        categories = copy(categories, "categories", summaryId);
        keyFindings = copy(keyFindings, "keyFindings", summaryId);
        implications = copy(implications, "implications", summaryId);
        limitations = copy(limitations, "limitations", summaryId);
        previousSlugs = copy(previousSlugs, "previousSlugs", summaryId);
        for (String previous : previousSlugs) {
            Slug.require(previous, "previous slug of summary " + summaryId);
        }
        simpleExplanation = simpleExplanation == null ? "" : simpleExplanation;
        researchSummary = researchSummary == null ? "" : researchSummary;
    }

    /** When the summary last changed: the correction date if any, else the publication date. */
    public Instant lastChanged() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }

    /** Has its own page (published or retracted). */
    public boolean hasPage() {
        return !unpublished;
    }

    /** Appears in listings, feed, search and sitemap. */
    public boolean listed() {
        return !unpublished && !retracted;
    }

    public static Builder builder(String summaryId, String slug, String title, Instant publishedAt) {
        return new Builder(summaryId, slug, title, publishedAt);
    }

    public Builder toBuilder() {
        Builder b = new Builder(summaryId, slug, title, publishedAt);
        b.journal = journal;
        b.year = year;
        b.publicationDate = publicationDate;
        b.doi = doi;
        b.pmid = pmid;
        b.authors = new ArrayList<>(authors);
        b.categories = new ArrayList<>(categories);
        b.simpleExplanation = simpleExplanation;
        b.studyDuration = studyDuration;
        b.participants = participants;
        b.evidenceLevel = evidenceLevel;
        b.keyFindings = new ArrayList<>(keyFindings);
        b.researchSummary = researchSummary;
        b.implications = new ArrayList<>(implications);
        b.limitations = new ArrayList<>(limitations);
        b.reviewedBy = reviewedBy;
        b.reviewedOn = reviewedOn;
        b.updatedAt = updatedAt;
        b.correctionNote = correctionNote;
        b.preprint = preprint;
        b.retracted = retracted;
        b.unpublished = unpublished;
        b.previousSlugs = new ArrayList<>(previousSlugs);
        return b;
    }

    private static <T> List<T> copy(List<T> list, String field, String summaryId) {
        if (list == null) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                throw new IllegalArgumentException(field + " of summary " + summaryId + " must not contain null");
            }
        }
        return List.copyOf(list);
    }

    /** Builder for the many optional fields. */
    public static final class Builder {
        private String summaryId;
        private String slug;
        private String title;
        private Instant publishedAt;
        private String journal;
        private Integer year;
        private LocalDate publicationDate;
        private String doi;
        private String pmid;
        private List<String> authors = new ArrayList<>();
        private List<String> categories = new ArrayList<>();
        private String simpleExplanation;
        private String studyDuration;
        private String participants;
        private EvidenceLevel evidenceLevel;
        private List<String> keyFindings = new ArrayList<>();
        private String researchSummary;
        private List<Implication> implications = new ArrayList<>();
        private List<String> limitations = new ArrayList<>();
        private Reviewer reviewedBy;
        private LocalDate reviewedOn;
        private Instant updatedAt;
        private String correctionNote;
        private boolean preprint;
        private boolean retracted;
        private boolean unpublished;
        private List<String> previousSlugs = new ArrayList<>();

        private Builder(String summaryId, String slug, String title, Instant publishedAt) {
            this.summaryId = summaryId;
            this.slug = slug;
            this.title = title;
            this.publishedAt = publishedAt;
        }

        public Builder summaryId(String v) { this.summaryId = v; return this; }
        public Builder slug(String v) { this.slug = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder publishedAt(Instant v) { this.publishedAt = v; return this; }
        public Builder journal(String v) { this.journal = v; return this; }
        public Builder year(Integer v) { this.year = v; return this; }
        public Builder publicationDate(LocalDate v) { this.publicationDate = v; return this; }
        public Builder doi(String v) { this.doi = v; return this; }
        public Builder pmid(String v) { this.pmid = v; return this; }
        public Builder authors(List<String> v) { this.authors = new ArrayList<>(v); return this; }
        public Builder categories(List<String> v) { this.categories = new ArrayList<>(v); return this; }
        public Builder simpleExplanation(String v) { this.simpleExplanation = v; return this; }
        public Builder studyDuration(String v) { this.studyDuration = v; return this; }
        public Builder participants(String v) { this.participants = v; return this; }
        public Builder evidenceLevel(EvidenceLevel v) { this.evidenceLevel = v; return this; }
        public Builder keyFindings(List<String> v) { this.keyFindings = new ArrayList<>(v); return this; }
        public Builder researchSummary(String v) { this.researchSummary = v; return this; }
        public Builder implications(List<Implication> v) { this.implications = new ArrayList<>(v); return this; }
        public Builder limitations(List<String> v) { this.limitations = new ArrayList<>(v); return this; }
        public Builder reviewedBy(Reviewer v) { this.reviewedBy = v; return this; }
        public Builder reviewedOn(LocalDate v) { this.reviewedOn = v; return this; }
        public Builder updatedAt(Instant v) { this.updatedAt = v; return this; }
        public Builder correctionNote(String v) { this.correctionNote = v; return this; }
        public Builder preprint(boolean v) { this.preprint = v; return this; }
        public Builder retracted(boolean v) { this.retracted = v; return this; }
        public Builder unpublished(boolean v) { this.unpublished = v; return this; }
        public Builder previousSlugs(List<String> v) { this.previousSlugs = new ArrayList<>(v); return this; }

        public PublishedSummary build() {
            return new PublishedSummary(summaryId, slug, title, journal, year, publicationDate, doi, pmid, authors,
                    categories, simpleExplanation, studyDuration, participants, evidenceLevel, keyFindings,
                    researchSummary, implications, limitations, reviewedBy, reviewedOn, publishedAt, updatedAt,
                    correctionNote, preprint, retracted, unpublished, previousSlugs);
        }
    }
}
