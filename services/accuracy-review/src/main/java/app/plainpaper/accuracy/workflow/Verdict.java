package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.SummaryEvent;

/** What the workflow makes of a decision: the event to record, on its topic. */
public record Verdict(String topic, SummaryEvent event, boolean accepted) {
}
