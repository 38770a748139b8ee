package app.plainpaper.publishingservice.site;

import app.plainpaper.events.Decision;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.Publication;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.content.Slug;
import app.plainpaper.site.publish.SiteFolder;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live site as the publishing events describe it (published, unpublished, retracted). Every change re-renders
 * the whole site deterministically into a new folder and swaps it in at once. The same events, in any order, give
 * the same site: each summary shows its newest event (by sequence), and every slug it ever had stays its own, so
 * old addresses redirect (or answer 410 once it is unpublished).
 */
public class LiveSite {

    /** Longest public correction note; longer editor comments are cut at a word. */
    static final int NOTE_LIMIT = 280;

    private final SiteSettings settings;
    private final Path siteRoot;
    private State state = new State();

    public LiveSite(SiteSettings settings, Path siteRoot) {
        this.settings = settings;
        this.siteRoot = siteRoot;
    }

    /** Applies a publishing event (from the log or just made) without rendering; others are ignored. */
    public synchronized boolean remember(SummaryEvent event) {
        return state.apply(event);
    }

    /** The publication a summary that passed every gate gets: a stable slug, first publication or update. */
    public synchronized Publication publicationFor(SummaryEvent passed, Instant now) {
        SummaryEvent held = state.latest.get(passed.getSummaryId());
        if (held == null) {
            return publication(uniqueSlug(passed.getSummaryId(), passed.getPaper().getTitle()), now, null, null);
        }
        Publication existing = held.getPublication();
        if (held.getRevision() == passed.getRevision() && held.getSequence() == passed.getSequence() + 1) {
            // This very input was published already (a retry after a crash): the same publication again.
            return Publication.newBuilder(existing).build();
        }
        String slug = existing.getSlug();
        if (!Slug.from(passed.getPaper().getTitle()).equals(Slug.from(held.getPaper().getTitle()))) {
            // A changed title gets the address its new title gives; the old one redirects there.
            slug = uniqueSlug(passed.getSummaryId(), passed.getPaper().getTitle());
        }
        return publication(slug, existing.getPublishedAt(), now, publicNote(passed, held.getRevision()));
    }

    /** Applies this summary's new publishing event and swaps in the re-rendered site. */
    public synchronized SiteFolder.Release publish(SummaryEvent event) {
        state.apply(event);
        return render();
    }

    public synchronized SiteFolder.Release render() {
        return SiteFolder.publish(siteRoot, SiteRenderer.render(state.pages(), settings));
    }

    /**
     * Replaces what is held with the site these events (a full replay of the publishing topics) describe, and swaps
     * it in. Events this site applied while the replay ran are kept: a replay never takes a page back.
     */
    public synchronized Rebuild rebuild(Collection<SummaryEvent> replayed) {
        State fresh = new State();
        replayed.forEach(fresh::apply);
        for (var entry : state.latest.entrySet()) {
            fresh.apply(entry.getValue());
            fresh.slugs.computeIfAbsent(entry.getKey(), k -> new TreeSet<>()).addAll(state.slugs.get(entry.getKey()));
        }
        state = fresh;
        List<PublishedSummary> pages = state.pages();
        SortedMap<String, byte[]> files = SiteRenderer.render(pages, settings);
        return new Rebuild(replayed.size(), pages.size(), files.size(), SiteFolder.publish(siteRoot, files));
    }

    /** What a rebuild did: {@code release.changed()} is false when it gave the same bytes as the live site. */
    public record Rebuild(int events, int summaries, int files, SiteFolder.Release release) {
    }

    /** Every summary the site knows, as it renders them. */
    public synchronized List<PublishedSummary> summaries() {
        return state.pages();
    }

    public Path siteRoot() {
        return siteRoot;
    }

    public SiteSettings settings() {
        return settings;
    }

    private Publication publication(String slug, Instant publishedAt, Instant updatedAt, String note) {
        return Publication.newBuilder()
                .setSlug(slug)
                .setUrl(settings.absolute("/research/" + slug + "/"))
                .setPublishedAt(publishedAt)
                .setUpdatedAt(updatedAt)
                .setCorrectionNote(note)
                .build();
    }

    /**
     * The short public note of what an update corrected: the editor's comment on the newest accepted edit since the
     * revision on the site, else the revision's change note.
     */
    static String publicNote(SummaryEvent passed, int publishedRevision) {
        List<Decision> decisions = passed.getDecisions();
        for (int i = decisions.size() - 1; i >= 0; i--) {
            Decision d = decisions.get(i);
            if (d.getAction() == DecisionAction.EDIT && d.getOutcome() == DecisionOutcome.ACCEPTED
                    && d.getRevision() >= publishedRevision && d.getComment() != null && !d.getComment().isBlank()) {
                return shorten(d.getComment());
            }
        }
        String changeNote = passed.getDraft() == null ? null : passed.getDraft().getChangeNote();
        if (changeNote != null && !changeNote.isBlank()) {
            return shorten(changeNote);
        }
        return "This summary was revised and checked again by our reviewers.";
    }

    static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= NOTE_LIMIT) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', NOTE_LIMIT - 1);
        return flat.substring(0, cut > NOTE_LIMIT / 2 ? cut : NOTE_LIMIT - 1).stripTrailing() + "…";
    }

    private String uniqueSlug(String summaryId, String title) {
        String base = Slug.from(title);
        String slug = base;
        int n = 2;
        while (state.takenByOther(slug, summaryId)) {
            slug = base + "-" + n++;
        }
        return slug;
    }

    /** Newest publishing event and every slug used, per summary. */
    private static final class State {
        final Map<String, SummaryEvent> latest = new HashMap<>();
        final Map<String, SortedSet<String>> slugs = new HashMap<>();

        boolean apply(SummaryEvent event) {
            Publication publication = event.getPublication();
            if (publication == null) {
                return false;
            }
            slugs.computeIfAbsent(event.getSummaryId(), k -> new TreeSet<>()).add(publication.getSlug());
            SummaryEvent held = latest.get(event.getSummaryId());
            if (held != null && held.getSequence() >= event.getSequence()) {
                return false;
            }
            latest.put(event.getSummaryId(), event);
            return true;
        }

        boolean takenByOther(String slug, String summaryId) {
            return slugs.entrySet().stream().anyMatch(e -> !e.getKey().equals(summaryId) && e.getValue().contains(slug));
        }

        List<PublishedSummary> pages() {
            List<PublishedSummary> pages = new ArrayList<>();
            for (SummaryEvent event : new TreeMap<>(latest).values()) {
                List<String> previous = new ArrayList<>(slugs.get(event.getSummaryId()));
                previous.remove(event.getPublication().getSlug());
                pages.add(PageMapping.page(event, previous));
            }
            return pages;
        }
    }
}
