package app.plainpaper.publishingservice.site;

import app.plainpaper.events.Publication;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.content.Slug;
import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.SiteRenderer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live site as the published events describe it. Every change re-renders the whole site deterministically into
 * a new folder and swaps it in at once.
 */
public class LiveSite {

    private final Map<String, PublishedSummary> pages = new ConcurrentHashMap<>();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final SiteSettings settings;
    private final Path siteRoot;

    public LiveSite(SiteSettings settings, Path siteRoot) {
        this.settings = settings;
        this.siteRoot = siteRoot;
    }

    /** Applies a published event read back from the log (on start). */
    public void remember(SummaryEvent published) {
        Publication publication = published.getPublication();
        if (publication == null) {
            return;
        }
        Long held = sequences.get(published.getSummaryId());
        if (held != null && held >= published.getSequence()) {
            return;
        }
        sequences.put(published.getSummaryId(), published.getSequence());
        pages.put(published.getSummaryId(), PageMapping.page(published, publication.getSlug(), publication.getPublishedAt(),
                publication.getUpdatedAt(), publication.getCorrectionNote(), List.of()));
    }

    /** The publication a summary that passed every gate gets: a stable slug, first publication or update. */
    public Publication publicationFor(SummaryEvent passed, Instant now) {
        PublishedSummary existing = pages.get(passed.getSummaryId());
        String slug = existing != null ? existing.slug() : uniqueSlug(passed);
        Instant publishedAt = existing != null ? existing.publishedAt() : now;
        Instant updatedAt = existing != null ? now : null;
        String note = existing != null ? passed.getDraft().getChangeNote() : null;
        return Publication.newBuilder()
                .setSlug(slug)
                .setUrl(settings.absolute("/research/" + slug + "/"))
                .setPublishedAt(publishedAt)
                .setUpdatedAt(updatedAt)
                .setCorrectionNote(note)
                .build();
    }

    /** Renders the site with this summary's new page and swaps it in. */
    public void publish(SummaryEvent published) {
        remember(published);
        render();
    }

    public void render() {
        List<PublishedSummary> all = new ArrayList<>(pages.values());
        SiteFolder.publish(siteRoot, SiteRenderer.render(all, settings));
    }

    private String uniqueSlug(SummaryEvent passed) {
        String base = Slug.from(passed.getPaper().getTitle());
        String slug = base;
        int n = 2;
        while (taken(slug)) {
            slug = base + "-" + n++;
        }
        return slug;
    }

    private boolean taken(String slug) {
        return pages.values().stream().anyMatch(p -> p.slug().equals(slug) || p.previousSlugs().contains(slug));
    }

    public Path siteRoot() {
        return siteRoot;
    }
}
