package app.plainpaper.publishingservice.site;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.site.content.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSiteTest {

    static final Instant FIRST = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void aPublishedSummaryGetsAStablePageThatEscapesWhatItShows() throws Exception {
        LiveSite site = new LiveSite(SiteSettings.defaults("http://localhost:8080", "editors@example.org"), root);
        SummaryEvent passed = passed("Pain <script>alert(1)</script> after radiotherapy", "Pain fell.");

        var publication = site.publicationFor(passed, FIRST);
        assertThat(publication.getUrl()).startsWith("http://localhost:8080/research/pain-");
        site.publish(SummaryEvent.newBuilder(passed).setPublication(publication).setSequence(9).build());

        Path page = root.resolve("current/research/" + publication.getSlug() + "/index.html");
        String html = Files.readString(page);
        assertThat(html).contains("Medically reviewed by Dr Casey Morgan, MD", "Pain fell.", "https://doi.org/10.1155/2022/1119014")
                .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

        // An update keeps the address and says when it changed.
        SummaryEvent corrected = passed("Pain <script>alert(1)</script> after radiotherapy", "Pain fell in most patients.");
        var update = site.publicationFor(corrected, FIRST.plusSeconds(86_400));
        assertThat(update.getSlug()).isEqualTo(publication.getSlug());
        assertThat(update.getPublishedAt()).isEqualTo(FIRST);
        assertThat(update.getUpdatedAt()).isEqualTo(FIRST.plusSeconds(86_400));
        site.publish(SummaryEvent.newBuilder(corrected).setPublication(update).setSequence(12).build());
        assertThat(Files.readString(page)).contains("Pain fell in most patients.");
    }

    @Test
    void theSameEventsRenderTheSameBytes() throws Exception {
        SummaryEvent passed = passed("Walking after spinal cord injury", "Walking speed improved.");
        byte[][] pages = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path dir = root.resolve("run" + i);
            LiveSite site = new LiveSite(SiteSettings.defaults("http://localhost:8080", "editors@example.org"), dir);
            var publication = site.publicationFor(passed, FIRST);
            site.publish(SummaryEvent.newBuilder(passed).setPublication(publication).setSequence(9).build());
            pages[i] = Files.readAllBytes(dir.resolve("current/research/" + publication.getSlug() + "/index.html"));
        }
        assertThat(pages[0]).isEqualTo(pages[1]);
    }

    static SummaryEvent passed(String title, String finding) {
        Actor casey = Actor.newBuilder().setId("casey").setRole(Role.CLINICAL_REVIEWER).setDisplayName("Dr Casey Morgan").setCredentials("MD").build();
        return SummaryEvent.newBuilder()
                .setEventId("e-" + finding.hashCode()).setSummaryId("s1").setSequence(8).setRevision(1)
                .setType(EventType.COMPLIANCE_PASSED).setState(WorkflowState.PUBLISHING).setOccurredAt(FIRST)
                .setActor(Actor.newBuilder().setId("disclaimer-check").setRole(Role.SYSTEM).build()).setCorrelationId("c1")
                .setPaper(Paper.newBuilder().setTitle(title).setJournal("Pain Research and Management").setYear(2022)
                        .setDoi("10.1155/2022/1119014")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(finding).build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(FIRST).build()).build())
                .setDraft(Draft.newBuilder().setRevision(1)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers looked at pain.")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setKeyFindings(List.of(KeyFinding.newBuilder().setText(finding).build()))
                        .setResearchSummary("A study of pain.")
                        .setLimitations(List.of("Small study."))
                        .setCategories(List.of("Pain Management"))
                        .build())
                .setSignOff(ClinicalSignOff.newBuilder().setReviewer(casey).setRevision(1).setSignedOffAt(FIRST).build())
                .build();
    }
}
