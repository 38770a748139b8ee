package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Actor;
import app.plainpaper.events.Author;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.DeclaredConflicts;
import app.plainpaper.events.Paper;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static app.plainpaper.accuracy.workflow.ReviewWorkflowTest.NOW;
import static app.plainpaper.accuracy.workflow.ReviewWorkflowTest.actor;
import static app.plainpaper.accuracy.workflow.ReviewWorkflowTest.command;
import static app.plainpaper.accuracy.workflow.ReviewWorkflowTest.inEditorReview;
import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer cannot sign off a paper they declared a conflict with; the refusal is recorded with its reason. */
class ReviewerConflictsTest {

    final ReviewerConflicts conflicts = new ReviewerConflicts();
    final ReviewWorkflow workflow = new ReviewWorkflow(new EventSuccession(Clock.fixed(NOW, ZoneOffset.UTC), "accuracy-review"), conflicts);
    static final Actor EDITOR = actor("erin", Role.EDITOR);
    static final Actor CLINICIAN = actor("casey", Role.CLINICAL_REVIEWER);

    @Test
    void aDeclaredDoiRefusesTheSignOffWithTheReason() {
        declare("casey", DeclaredConflicts.newBuilder().setDois(List.of("https://doi.org/10.1155/2022/1119014")).build());
        Verdict verdict = workflow.decide(approved(paper -> paper.setDoi("10.1155/2022/1119014")),
                command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.topic()).isEqualTo(Topics.DECISION_REFUSED);
        assertThat(verdict.event().getReason()).contains("Conflict of interest", "Dr Casey", "DOI 10.1155/2022/1119014");
        assertThat(verdict.event().getDecisions().get(verdict.event().getDecisions().size() - 1).getOutcome())
                .isEqualTo(DecisionOutcome.REFUSED);
    }

    @Test
    void anAuthorOrAnOrganisationInTheAffiliationsRefusesIt() {
        declare("casey", DeclaredConflicts.newBuilder().setAuthors(List.of("Müller, Jana")).build());
        Verdict byAuthor = workflow.decide(approved(paper -> paper.setAuthors(List.of(
                Author.newBuilder().setName("Jana Muller").build(), Author.newBuilder().setName("jana müller").build()))),
                command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(byAuthor.accepted()).isFalse();
        assertThat(byAuthor.event().getReason()).contains("the author Jana Muller");

        declare("casey", DeclaredConflicts.newBuilder().setOrganisations(List.of("Acme Neuro")).build());
        Verdict byOrganisation = workflow.decide(approved(paper -> paper.setAuthors(List.of(
                Author.newBuilder().setName("A. Person").setAffiliation("Acme Neuro Ltd, Basel").build()))),
                command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(byOrganisation.accepted()).isFalse();
        assertThat(byOrganisation.event().getReason()).contains("Acme Neuro");
    }

    @Test
    void unrelatedConflictsAndOtherReviewersDoNotBlock() {
        declare("casey", DeclaredConflicts.newBuilder().setPmids(List.of("99999")).setOrganisations(List.of("Acme")).build());
        Verdict unrelated = workflow.decide(approved(paper -> paper.setPmid("35845981")), command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(unrelated.accepted()).isTrue();

        declare("drew", DeclaredConflicts.newBuilder().setPmids(List.of("35845981")).build());
        Verdict other = workflow.decide(approved(paper -> paper.setPmid("35845981")), command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(other.accepted()).isTrue();
    }

    @Test
    void theLatestProfileWins() {
        declare("casey", DeclaredConflicts.newBuilder().setPmids(List.of("35845981")).build());
        conflicts.apply(ReviewerProfile.newBuilder().setUsername("casey").setDisplayName("Dr Casey")
                .setConflicts(DeclaredConflicts.newBuilder().build()).setUpdatedBy(CLINICIAN).setUpdatedAt(NOW.plusSeconds(60)).build());
        assertThat(workflow.decide(approved(paper -> paper.setPmid("35845981")), command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null))
                .accepted()).isTrue();
    }

    private void declare(String username, DeclaredConflicts declared) {
        conflicts.apply(ReviewerProfile.newBuilder().setUsername(username).setDisplayName("Dr Casey")
                .setCredentials("MD").setConflicts(declared).setUpdatedBy(actor(username, Role.CLINICAL_REVIEWER))
                .setUpdatedAt(NOW).build());
    }

    private SummaryEvent approved(java.util.function.Consumer<Paper.Builder> paper) {
        SummaryEvent draft = inEditorReview(List.of());
        Paper.Builder builder = Paper.newBuilder(draft.getPaper());
        paper.accept(builder);
        SummaryEvent withPaper = SummaryEvent.newBuilder(draft).setPaper(builder.build()).build();
        return workflow.decide(withPaper, command(EDITOR, DecisionAction.APPROVE, 2, null)).event();
    }
}
