package app.plainpaper.ingestion.paper;

import java.time.LocalDate;
import java.util.List;

/** A validated, normalised paper, ready to become an ingested event. */
public record CleanPaper(
        String doi,
        String pmid,
        String pmcid,
        String title,
        String journal,
        Integer year,
        LocalDate published,
        List<String> authors,
        List<Section> sections,
        String licence,
        List<String> keywords,
        String sourceReference,
        List<String> meshTerms,
        List<String> publicationTypes,
        boolean retracted,
        boolean preprint,
        String authorSummary) {

    public CleanPaper(String doi, String pmid, String pmcid, String title, String journal, Integer year, LocalDate published,
                      List<String> authors, List<Section> sections, String licence, List<String> keywords,
                      String sourceReference) {
        this(doi, pmid, pmcid, title, journal, year, published, authors, sections, licence, keywords, sourceReference,
                List.of(), List.of(), false, false, null);
    }

    public record Section(String label, String text) {
    }

    /** Keys under which the same paper is recognised, strongest first. */
    public List<String> identityKeys() {
        var keys = new java.util.ArrayList<String>();
        if (doi != null) {
            keys.add("doi:" + doi);
        }
        if (pmid != null) {
            keys.add("pmid:" + pmid);
        }
        if (keys.isEmpty()) {
            String firstAuthor = authors.isEmpty() ? "" : PaperNormaliser.foldForMatching(lastName(authors.get(0)));
            keys.add("title:" + PaperNormaliser.foldForMatching(title) + "|" + (year == null ? "" : year) + "|" + firstAuthor);
        }
        return keys;
    }

    private static String lastName(String author) {
        String trimmed = author.trim();
        int comma = trimmed.indexOf(',');
        if (comma > 0) {
            return trimmed.substring(0, comma);
        }
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(space + 1);
    }
}
