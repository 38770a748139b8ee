package app.plainpaper.draftingservice.revision;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SectionEdit;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions made with the real built-in engine, on the reference study's abstract (CC BY, doi:10.1155/2022/1119014). */
class DraftRevisionsTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String ABSTRACT = "In this nonrandomized controlled clinical trial study, we focused on the relationship between "
            + "bone metastasis, pain, and cytokines before and after radiotherapy. For this case-control study, we recruited 30 "
            + "cancer patients with bone metastasis and 30 healthy individuals. Finally, the pain score and the quality of life "
            + "score improved significantly after radiotherapy.";

    final DraftRevisions revisions = new DraftRevisions(new BuiltInDraftingEngine(),
            new EventSuccession(Clock.fixed(NOW, ZoneOffset.UTC), "drafting"), "2025-1");

    @Test
    void theFirstDraftIsRevisionOneWithEverySectionAndTheDisclaimer() {
        SummaryEvent drafted = revisions.firstDraft(ingested());
        assertThat(drafted.getRevision()).isEqualTo(1);
        assertThat(drafted.getSequence()).isEqualTo(2);
        assertThat(drafted.getType()).isEqualTo(EventType.DRAFT_WRITTEN);
        assertThat(drafted.getCausationId()).isEqualTo("ingested-1");
        var draft = drafted.getDraft();
        assertThat(draft.getParticipants()).contains("30 cancer patients");
        assertThat(draft.getSimpleExplanation()).isNotBlank();
        assertThat(draft.getKeyFindings()).isNotEmpty().allSatisfy(f -> assertThat(f.getSourceSentences()).isNotEmpty());
        assertThat(draft.getDisclaimerVersion()).isEqualTo("2025-1");
        assertThat(draft.getWrittenBy().getDisplayName()).isEqualTo("builtin-1");
    }

    @Test
    void anEditKeepsTheEditorsTextAndVoidsAClinicalSignOff() {
        SummaryEvent first = revisions.firstDraft(ingested());
        SummaryEvent request = SummaryEvent.newBuilder(first)
                .setEventId("edit-request").setSequence(9).setType(EventType.EDITOR_EDITED).setState(WorkflowState.DRAFTING)
                .setActor(Actor.newBuilder().setId("erin").setRole(Role.EDITOR).build())
                .setSignOff(ClinicalSignOff.newBuilder().setRevision(1).setSignedOffAt(NOW)
                        .setReviewer(Actor.newBuilder().setId("casey").setRole(Role.CLINICAL_REVIEWER).build()).build())
                .setRequestedEdit(SectionEdit.newBuilder().setSections(Map.of("participants", "30 people with cancer in the bones and 30 healthy people")).build())
                .build();

        SummaryEvent next = revisions.nextRevision(request);
        assertThat(next.getRevision()).isEqualTo(2);
        assertThat(next.getSequence()).isEqualTo(10);
        assertThat(next.getDraft().getParticipants()).isEqualTo("30 people with cancer in the bones and 30 healthy people");
        assertThat(next.getDraft().getWrittenBy().getId()).isEqualTo("erin");
        assertThat(next.getSignOff()).isNull();
        assertThat(next.getReason()).contains("sign-off of revision 1 voided");
        assertThat(next.getRequestedEdit()).isNull();
    }

    @Test
    void anEditOfAnUnknownSectionIsUnprocessable() {
        SummaryEvent first = revisions.firstDraft(ingested());
        SummaryEvent request = SummaryEvent.newBuilder(first).setType(EventType.EDITOR_EDITED)
                .setRequestedEdit(SectionEdit.newBuilder().setSections(Map.of("keyFindings[40]", "x")).build()).build();
        assertThatThrownBy(() -> revisions.nextRevision(request)).isInstanceOf(UnprocessableEvent.class);
    }

    static SummaryEvent ingested() {
        return SummaryEvent.newBuilder()
                .setEventId("ingested-1").setSummaryId("s1").setSequence(1).setRevision(0)
                .setType(EventType.PAPER_INGESTED).setState(WorkflowState.INGESTED).setOccurredAt(NOW)
                .setActor(Actor.newBuilder().setId("ingestion").setRole(Role.SYSTEM).build()).setCorrelationId("ingested-1")
                .setPaper(Paper.newBuilder()
                        .setTitle("Study on the Correlation between Pain and Cytokine Expression in the Peripheral Blood of Patients "
                                + "with Bone Metastasis of Malignant Cancer Treated Using External Radiation Therapy")
                        .setJournal("Pain Research and Management").setYear(2022)
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(ABSTRACT).build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(NOW).build()).build())
                .build();
    }
}
