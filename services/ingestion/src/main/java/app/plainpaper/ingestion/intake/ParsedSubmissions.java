package app.plainpaper.ingestion.intake;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.ingestion.paper.PaperSubmission;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/** A paper read from a source (a lookup, a saved search) as a submission, so it goes through the same intake as JSON. */
public final class ParsedSubmissions {

    private ParsedSubmissions() {
    }

    public static PaperSubmission of(ParsedPaper paper, String reference) {
        List<PaperSubmission.Section> sections = paper.abstractSections().stream()
                .map(s -> new PaperSubmission.Section(s.label(), s.text()))
                .toList();
        List<String> authors = paper.authors().stream().map(ParsedPaper.Author::displayName)
                .filter(name -> name != null).toList();
        var date = paper.publicationDate();
        return new PaperSubmission(reference, null, paper.title(), paper.journal(), date == null ? null : date.year(),
                paper.doi(), paper.pmid(), paper.pmcid(), sections, null, authors, published(date), paper.licence(),
                paper.keywords(), paper.meshTerms(), paper.publicationTypes(), paper.retracted(), paper.preprint(),
                paper.authorSummary());
    }

    /** A full date only when the source gives day and month; otherwise the year alone carries it. */
    private static String published(ParsedPaper.PublicationDate date) {
        if (date == null || date.month() == null || date.day() == null) {
            return null;
        }
        try {
            return LocalDate.of(date.year(), date.month(), date.day()).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
