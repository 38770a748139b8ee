package app.plainpaper.pipeline;

import app.plainpaper.events.EventType;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EventSuccessionTest {

    final Instant now = Instant.parse("2025-03-02T09:00:00Z");
    final EventSuccession succession = new EventSuccession(Clock.fixed(now, ZoneOffset.UTC), "drafting");

    @Test
    void aSuccessorHasANewIdTheNextSequenceItsCauseAndTheSameCorrelation() {
        SummaryEvent previous = SummaryEvent.newBuilder(Events.ingested()).setReason("old reason").build();

        SummaryEvent next = succession.after(previous, EventType.DRAFT_WRITTEN, WorkflowState.EDITOR_REVIEW).build();

        assertThat(next.getEventId()).isNotEqualTo(previous.getEventId());
        assertThat(next.getSummaryId()).isEqualTo(previous.getSummaryId());
        assertThat(next.getSequence()).isEqualTo(previous.getSequence() + 1);
        assertThat(next.getCausationId()).isEqualTo(previous.getEventId());
        assertThat(next.getCorrelationId()).isEqualTo(previous.getCorrelationId());
        assertThat(next.getOccurredAt()).isEqualTo(now);
        assertThat(next.getActor().getId()).isEqualTo("drafting");
        assertThat(next.getActor().getRole()).isEqualTo(Role.SYSTEM);
        assertThat(next.getReason()).isNull();
        assertThat(next.getPaper()).isEqualTo(previous.getPaper());
    }

    @Test
    void aSuccessorCausedByACommandNamesTheCommand() {
        SummaryEvent previous = Events.ingested();

        SummaryEvent next = succession.after(previous, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW, "command-7").build();

        assertThat(next.getCausationId()).isEqualTo("command-7");
        assertThat(next.getSequence()).isEqualTo(2);
    }

    @Test
    void theServiceActorCannotBeChangedThroughACopy() {
        succession.service().setId("someone else");

        assertThat(succession.service().getId()).isEqualTo("drafting");
    }
}
