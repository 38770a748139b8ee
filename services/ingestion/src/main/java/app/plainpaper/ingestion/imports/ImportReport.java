package app.plainpaper.ingestion.imports;

import java.util.List;

/**
 * What became of each record of one imported file. A duplicate is a paper already known by DOI, PMID or title
 * (from any source): it gets no second summary; when it brings data the known paper lacked it is listed as enriched
 * (the intake emits that as a notice). Flags say what was kept but not trusted (a shortDOI).
 */
public record ImportReport(String format, List<Entry> accepted, List<Entry> duplicates, List<Entry> enriched,
                           List<Rejection> rejected) {

    public record Entry(int position, String summaryId, String title, List<String> flags) {
        public Entry {
            flags = List.copyOf(flags);
        }
    }

    public record Rejection(int position, String identifier, String reason) {
    }
}
