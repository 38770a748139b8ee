package app.plainpaper.desk.board;

import app.plainpaper.events.SummaryEvent;

import java.time.Instant;
import java.util.List;

/** What the desk knows of one summary: its newest state and its whole history. */
public record SummaryCard(SummaryEvent current, Instant waitingSince, List<SummaryEvent> history) {

    public String summaryId() {
        return current.getSummaryId();
    }
}
