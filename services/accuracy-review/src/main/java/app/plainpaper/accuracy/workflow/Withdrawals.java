package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.Actor;
import app.plainpaper.events.Decision;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;

import java.util.List;
import java.util.Optional;

/**
 * Taking a summary back after publication: an editor or admin unpublishes it (its address then answers 410), or a
 * notice that the paper was retracted marks it retracted (the page stays, with a notice, out of listings).
 */
public final class Withdrawals {

    private Withdrawals() {
    }

    /** Why an UNPUBLISH command cannot be accepted, if it cannot. */
    static Optional<String> unpublishRefusal(SummaryEvent current, EditorialCommand command) {
        Role role = command.getActor().getRole();
        if (role != Role.EDITOR && role != Role.ADMIN) {
            return Optional.of("Only an editor or an admin may unpublish a summary.");
        }
        if (command.getComment() == null || command.getComment().isBlank()) {
            return Optional.of("A reason is required to unpublish.");
        }
        WorkflowState state = current.getState();
        if (current.getPublication() == null || (state != WorkflowState.PUBLISHED && state != WorkflowState.RETRACTED)) {
            return Optional.of("The summary is in " + ReviewWorkflow.stateName(state) + ", not published.");
        }
        return Optional.empty();
    }

    static SummaryEvent unpublished(EventSuccession succession, SummaryEvent current, EditorialCommand command,
            List<Decision> decisions) {
        return succession.after(current, EventType.UNPUBLISHED, WorkflowState.UNPUBLISHED, command.getCommandId())
                .setActor(command.getActor()).setDecisions(decisions)
                .setReason("Unpublished by " + name(command.getActor()) + ": " + command.getComment())
                .build();
    }

    /**
     * The event a retraction notice makes, or nothing when the summary is retracted already. A summary still in
     * review stops there (state retracted); an unpublished one stays unpublished (its address keeps answering 410).
     *
     * @param noticeId stable id of the notice, recorded as the cause so that a redelivered notice changes nothing
     */
    public static Optional<Verdict> retracted(EventSuccession succession, SummaryEvent current, String noticeId,
            String detail, String source) {
        if (current.getState() == WorkflowState.RETRACTED) {
            return Optional.empty();
        }
        WorkflowState state = current.getState() == WorkflowState.UNPUBLISHED ? WorkflowState.UNPUBLISHED : WorkflowState.RETRACTED;
        // The paper as the summary shows it, flagged: a notice's own copy could differ (a new title would move the page).
        Paper retracted = Paper.newBuilder(current.getPaper()).setRetracted(true).build();
        SummaryEvent event = succession.after(current, EventType.RETRACTED, state, noticeId)
                .setPaper(retracted)
                .setReason("The paper was retracted" + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")")
                        + (source == null || source.isBlank() ? "" : ", found by " + source.strip()) + ".")
                .build();
        return Optional.of(new Verdict(Topics.RETRACTED, event, true));
    }

    private static String name(Actor actor) {
        return actor.getDisplayName() == null ? actor.getId() : actor.getDisplayName();
    }
}
