package app.plainpaper.accuracy.checks;

import app.plainpaper.events.Finding;
import app.plainpaper.events.SummaryEvent;

import java.util.List;

/** The automated accuracy checks of one revision against its source. */
public interface AccuracyChecks {

    List<Finding> check(SummaryEvent revision);
}
