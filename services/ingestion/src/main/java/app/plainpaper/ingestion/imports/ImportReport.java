package app.plainpaper.ingestion.imports;

import java.util.List;

/** What became of each record of one imported file. */
public record ImportReport(String format, List<Entry> accepted, List<Entry> duplicates, List<Rejection> rejected) {

    public record Entry(int position, String summaryId, String title) {
    }

    public record Rejection(int position, String identifier, String reason) {
    }
}
