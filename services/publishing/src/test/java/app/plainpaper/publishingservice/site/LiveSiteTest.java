package app.plainpaper.publishingservice.site;

import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.site.content.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static app.plainpaper.publishingservice.site.SummaryEvents.FIRST;
import static app.plainpaper.publishingservice.site.SummaryEvents.editedAndPassed;
import static app.plainpaper.publishingservice.site.SummaryEvents.passed;
import static app.plainpaper.publishingservice.site.SummaryEvents.published;
import static app.plainpaper.publishingservice.site.SummaryEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

/** The site as the publishing events describe it, rendered into real folders. */
class LiveSiteTest {

    static final SiteSettings SETTINGS = SiteSettings.defaults("http://localhost:8080", "editors@example.org");
    static final long DAY = 86_400;

    @TempDir
    Path root;

    LiveSite site() {
        return new LiveSite(SETTINGS, root);
    }

    String file(String path) throws IOException {
        return Files.readString(root.resolve("current").resolve(path));
    }

    boolean exists(String path) {
        return Files.exists(root.resolve("current").resolve(path));
    }

    @Test
    void aPublishedSummaryGetsAStablePageThatEscapesWhatItShows() throws Exception {
        LiveSite site = site();
        SummaryEvent passed = passed("s1", 8, 1, "Pain <script>alert(1)</script> after radiotherapy", "Pain fell.");
        var publication = site.publicationFor(passed, FIRST);
        assertThat(publication.getUrl()).isEqualTo("http://localhost:8080/research/pain-script-alert-1-script-after-radiotherapy/");
        assertThat(publication.getUpdatedAt()).isNull();
        site.publish(published(passed, publication));

        String html = file("research/" + publication.getSlug() + "/index.html");
        assertThat(html).contains("Medically reviewed by Dr Casey Morgan, MD", "Pain fell.", "https://doi.org/10.1155/2022/1119014")
                .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;")
                .doesNotContain("Updated on");
        assertThat(file("research/index.html")).contains(publication.getSlug());
    }

    @Test
    void anUpdateKeepsTheAddressAndSaysWhatWasCorrected() throws Exception {
        LiveSite site = site();
        SummaryEvent first = passed("s1", 8, 1, "Walking after spinal cord injury", "Walking speed improved.");
        var publication = site.publicationFor(first, FIRST);
        site.publish(published(first, publication));

        SummaryEvent second = editedAndPassed("s1", 20, 2, "Walking after spinal cord injury", "Walking speed improved in 12 of 20.",
                1, "Corrected the number of participants whose walking improved (12 of 20, not 14).");
        var update = site.publicationFor(second, FIRST.plusSeconds(2 * DAY));
        assertThat(update.getSlug()).isEqualTo(publication.getSlug());
        assertThat(update.getPublishedAt()).isEqualTo(FIRST);
        assertThat(update.getUpdatedAt()).isEqualTo(FIRST.plusSeconds(2 * DAY));
        assertThat(update.getCorrectionNote()).isEqualTo("Corrected the number of participants whose walking improved (12 of 20, not 14).");
        site.publish(published(second, update));

        String html = file("research/walking-after-spinal-cord-injury/index.html");
        assertThat(html).contains("Walking speed improved in 12 of 20.", "Updated on", "November 29, 2026",
                "Corrected the number of participants whose walking improved (12 of 20, not 14).",
                "Last updated: <time datetime=\"2026-11-29\">");
        assertThat(file("feed.xml")).contains("<updated>2026-11-29T12:00:00Z</updated>");
        assertThat(file("_redirects.map")).doesNotContain("walking");
    }

    @Test
    void withoutAnEditorCommentTheRevisionsChangeNoteIsShownShortened() {
        SummaryEvent second = passed("s1", 20, 2, "T", "F");
        assertThat(LiveSite.publicNote(second, 1)).isEqualTo("Edited by the editor: keyFindings.");
        String longComment = "word ".repeat(100);
        SummaryEvent commented = editedAndPassed("s1", 20, 2, "T", "F", 1, longComment);
        assertThat(LiveSite.publicNote(commented, 1)).hasSizeLessThanOrEqualTo(LiveSite.NOTE_LIMIT).endsWith("word…");
        // An edit made before the revision on the site is not what this update corrected.
        SummaryEvent oldEdit = editedAndPassed("s1", 20, 3, "T", "F", 1, "Old fix");
        assertThat(LiveSite.publicNote(oldEdit, 2)).isEqualTo("Edited by the editor: keyFindings.");
    }

    @Test
    void aChangedTitleMovesThePageAndTheOldAddressRedirects() throws Exception {
        LiveSite site = site();
        SummaryEvent first = passed("s1", 8, 1, "Walking after injury", "Walking improved.");
        site.publish(published(first, site.publicationFor(first, FIRST)));

        SummaryEvent retitled = SummaryEvent.newBuilder(passed("s1", 20, 2, "Walking speed after spinal cord injury", "Walking improved."))
                .build();
        var update = site.publicationFor(retitled, FIRST.plusSeconds(DAY));
        assertThat(update.getSlug()).isEqualTo("walking-speed-after-spinal-cord-injury");
        assertThat(update.getPublishedAt()).isEqualTo(FIRST);
        site.publish(published(retitled, update));

        assertThat(file("_redirects.map")).contains("/research/walking-after-injury/ /research/walking-speed-after-spinal-cord-injury/;");
        assertThat(file("research/walking-after-injury/index.html")).contains("/research/walking-speed-after-spinal-cord-injury/");
        assertThat(file("research/walking-speed-after-spinal-cord-injury/index.html")).contains("Walking speed after spinal cord injury");

        // A third summary with the old title may not take the old address.
        SummaryEvent other = passed("s2", 3, 1, "Walking after injury", "Other.");
        assertThat(site.publicationFor(other, FIRST.plusSeconds(3 * DAY)).getSlug()).isEqualTo("walking-after-injury-2");
    }

    @Test
    void anUnpublishedSummaryLeavesTheSiteAndItsAddressesAnswerGone() throws Exception {
        LiveSite site = site();
        SummaryEvent first = passed("s1", 8, 1, "Walking after injury", "Walking improved.");
        SummaryEvent published = published(first, site.publicationFor(first, FIRST));
        site.publish(published);
        SummaryEvent keep = passed("s2", 8, 1, "Bladder care", "Fewer infections.");
        site.publish(published(keep, site.publicationFor(keep, FIRST.plusSeconds(DAY))));

        site.publish(withdrawn(published, EventType.UNPUBLISHED, "Duplicate of another summary"));

        assertThat(exists("research/walking-after-injury/index.html")).isFalse();
        assertThat(file("_redirects.map")).contains("/research/walking-after-injury/ 410;");
        assertThat(file("research/index.html")).doesNotContain("walking-after-injury").contains("bladder-care");
        assertThat(file("index.html")).doesNotContain("walking-after-injury");
        assertThat(file("feed.xml")).doesNotContain("walking-after-injury");
        assertThat(file("search-index.json")).doesNotContain("walking-after-injury");
        assertThat(file("sitemap.xml")).doesNotContain("walking-after-injury");
        assertThat(file("410.html")).contains("removed");
    }

    @Test
    void aRetractedPaperKeepsItsPageWithANoticeButLeavesListingsFeedAndSearch() throws Exception {
        LiveSite site = site();
        SummaryEvent first = passed("s1", 8, 1, "Walking after injury", "Walking improved.");
        SummaryEvent published = published(first, site.publicationFor(first, FIRST));
        site.publish(published);
        assertThat(file("search-index.json")).contains("walking-after-injury");

        site.publish(withdrawn(published, EventType.RETRACTED, "Retraction notice 10.1155/2023/9999999"));

        String page = file("research/walking-after-injury/index.html");
        assertThat(page).contains("Retraction notice", "has been retracted by its publisher", "noindex", "Walking improved.");
        assertThat(file("research/index.html")).doesNotContain("walking-after-injury");
        assertThat(file("feed.xml")).doesNotContain("walking-after-injury");
        assertThat(file("search-index.json")).doesNotContain("walking-after-injury");
        assertThat(file("category/pain-management/index.html")).doesNotContain("walking-after-injury");
        assertThat(file("_redirects.map")).doesNotContain("walking-after-injury");
    }

    @Test
    void aPreprintCarriesAVisibleLabel() throws Exception {
        LiveSite site = site();
        SummaryEvent passed = passed("s1", 8, 1, "Stem cells after injury", "Early signs.");
        passed = SummaryEvent.newBuilder(passed).setPaper(Paper.newBuilder(passed.getPaper()).setPreprint(true).build()).build();
        site.publish(published(passed, site.publicationFor(passed, FIRST)));
        assertThat(file("research/stem-cells-after-injury/index.html"))
                .contains("Preprint: not yet peer reviewed", "This summary describes a preprint");
    }

    @Test
    void aRetriedInputGetsTheSamePublicationAgain() {
        LiveSite site = site();
        SummaryEvent passed = passed("s1", 8, 1, "Walking after injury", "Walking improved.");
        var publication = site.publicationFor(passed, FIRST);
        site.publish(published(passed, publication));
        assertThat(site.publicationFor(passed, FIRST.plusSeconds(DAY))).isEqualTo(publication);
    }

    @Test
    void theSameEventsInAnyOrderRebuildTheSameBytes() throws Exception {
        LiveSite live = site();
        List<SummaryEvent> log = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SummaryEvent passed = passed("s" + i, 8, 1, "Study number " + i, "Finding " + i);
            SummaryEvent event = published(passed, live.publicationFor(passed, FIRST.plusSeconds(i * DAY)));
            live.publish(event);
            log.add(event);
        }
        SummaryEvent update = editedAndPassed("s3", 30, 2, "Study number three, corrected", "Finding 3b", 1, "Fixed the title.");
        SummaryEvent updated = published(update, live.publicationFor(update, FIRST.plusSeconds(20 * DAY)));
        live.publish(updated);
        log.add(updated);
        SummaryEvent unpublished = withdrawn(log.get(5), EventType.UNPUBLISHED, "Duplicate");
        live.publish(unpublished);
        log.add(unpublished);
        SummaryEvent retracted = withdrawn(log.get(7), EventType.RETRACTED, "Retracted");
        live.publish(retracted);
        log.add(retracted);
        var liveRelease = live.render();

        Collections.shuffle(log, new Random(7));
        Path other = root.resolve("rebuilt");
        LiveSite rebuilt = new LiveSite(SETTINGS, other);
        var rebuild = rebuilt.rebuild(log);
        assertThat(rebuild.events()).isEqualTo(15);
        assertThat(rebuild.summaries()).isEqualTo(12);
        assertThat(rebuild.release().id()).isEqualTo(liveRelease.id());
        assertThat(tree(other.resolve("current"))).isEqualTo(tree(root.resolve("current")));

        // Rebuilding the live site in place gives the same release: nothing changes.
        assertThat(live.rebuild(log).release().changed()).isFalse();
    }

    static List<String> tree(Path dir) throws IOException {
        Path real = dir.toRealPath();
        try (var files = Files.walk(real)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return real.relativize(p) + " " + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
