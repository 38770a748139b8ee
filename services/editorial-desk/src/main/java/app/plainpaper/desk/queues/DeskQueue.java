package app.plainpaper.desk.queues;

import app.plainpaper.events.WorkflowState;

import java.util.Locale;
import java.util.Optional;

/** The two queues people work in, and the state each holds. */
public enum DeskQueue {
    EDITOR(WorkflowState.EDITOR_REVIEW),
    CLINICAL(WorkflowState.CLINICAL_REVIEW);

    private final WorkflowState state;

    DeskQueue(WorkflowState state) {
        this.state = state;
    }

    public WorkflowState state() {
        return state;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeskQueue> holding(WorkflowState state) {
        for (DeskQueue queue : values()) {
            if (queue.state == state) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }
}
