package app.plainpaper.ingestion.paper;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates a submitted paper and normalises its identifiers and text. Plain Java: no framework. */
public final class PaperNormaliser {

    static final int MAX_TITLE = 1_000;
    static final int MAX_ABSTRACT = 20_000;
    static final int MAX_SECTIONS = 40;
    static final int MAX_AUTHORS = 2_000;

    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    /** shortDOI service alias such as 10/gg55p5: it names a DOI but is not one. */
    private static final Pattern SHORT_DOI = Pattern.compile("^10/[a-z0-9]+$");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID = Pattern.compile("^\\d{1,9}$");
    private static final Pattern PMCID = Pattern.compile("^PMC\\d{1,9}$");
    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]*(?:\\s[^<>]{0,200})?/?>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PaperNormaliser() {
    }

    public static CleanPaper clean(PaperSubmission submission) {
        if (submission == null) {
            throw new InvalidPaper(List.of("The body must be one paper as a JSON object."));
        }
        List<String> problems = new ArrayList<>();
        String title = text(submission.title());
        if (title == null) {
            problems.add("title is required");
        } else if (title.length() > MAX_TITLE) {
            problems.add("title is longer than " + MAX_TITLE + " characters");
        }
        String doi = doi(submission.doi(), problems);
        String pmid = blankToNull(submission.pmid());
        if (pmid != null && !PMID.matcher(pmid).matches()) {
            problems.add("pmid must be numeric, got '" + pmid + "'");
        }
        String pmcid = blankToNull(submission.pmcid());
        if (pmcid != null) {
            pmcid = pmcid.toUpperCase(Locale.ROOT);
            if (!pmcid.startsWith("PMC")) {
                pmcid = "PMC" + pmcid;
            }
            if (!PMCID.matcher(pmcid).matches()) {
                problems.add("pmcid must look like PMC1234567");
            }
        }
        List<CleanPaper.Section> sections = sections(submission, problems);
        Integer year = submission.year();
        int thisYear = Year.now().getValue();
        if (year != null && (year < 1800 || year > thisYear + 1)) {
            problems.add("year " + year + " is not a plausible publication year");
        }
        LocalDate published = null;
        if (blankToNull(submission.published()) != null) {
            try {
                published = LocalDate.parse(submission.published().trim());
                if (year == null) {
                    year = published.getYear();
                }
            } catch (DateTimeParseException e) {
                problems.add("published must be a date like 2022-07-08, got '" + submission.published() + "'");
            }
        }
        List<String> authors = new ArrayList<>();
        if (submission.authors() != null) {
            if (submission.authors().size() > MAX_AUTHORS) {
                problems.add("more than " + MAX_AUTHORS + " authors");
            }
            submission.authors().stream().map(PaperNormaliser::text).filter(a -> a != null).forEach(authors::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPaper(problems);
        }
        return new CleanPaper(doi, pmid, pmcid, title, text(submission.journal()), year, published, List.copyOf(authors),
                sections, text(submission.licence()), texts(submission.keywords()), blankToNull(submission.id()),
                texts(submission.meshTerms()), texts(submission.publicationTypes()),
                Boolean.TRUE.equals(submission.retracted()), Boolean.TRUE.equals(submission.preprint()),
                text(submission.authorSummary()));
    }

    private static List<String> texts(List<String> raw) {
        return raw == null ? List.of() : raw.stream().map(PaperNormaliser::text).filter(k -> k != null).toList();
    }

    /** Lower case, no resolver prefix; DOIs are case-insensitive. */
    public static String normaliseDoi(String raw) {
        String doi = blankToNull(raw);
        if (doi == null) {
            return null;
        }
        doi = DOI_PREFIX.matcher(doi.trim()).replaceFirst("");
        return doi.toLowerCase(Locale.ROOT);
    }

    private static String doi(String raw, List<String> problems) {
        String doi = normaliseDoi(raw);
        if (doi != null && SHORT_DOI.matcher(doi).matches()) {
            problems.add("doi '" + raw + "' is a shortDOI, not the DOI: give the full DOI (https://doi.org/" + doi + " resolves it)");
        } else if (doi != null && !DOI.matcher(doi).matches()) {
            problems.add("doi '" + raw + "' is not a DOI (expected 10.xxxx/...)");
        }
        return doi;
    }

    private static List<CleanPaper.Section> sections(PaperSubmission submission, List<String> problems) {
        List<CleanPaper.Section> sections = new ArrayList<>();
        if (submission.sections() != null && !submission.sections().isEmpty()) {
            if (submission.sections().size() > MAX_SECTIONS) {
                problems.add("more than " + MAX_SECTIONS + " abstract sections");
            }
            for (var section : submission.sections()) {
                String body = section == null ? null : text(section.text());
                if (body != null) {
                    sections.add(new CleanPaper.Section(text(section.label()), body));
                }
            }
        } else if (text(submission.abstractText()) != null) {
            sections.add(new CleanPaper.Section(null, text(submission.abstractText())));
        }
        if (sections.isEmpty()) {
            problems.add("no abstract: give abstract_text or sections");
        }
        int length = sections.stream().mapToInt(s -> s.text().length()).sum();
        if (length > MAX_ABSTRACT) {
            problems.add("abstract is longer than " + MAX_ABSTRACT + " characters");
        }
        return List.copyOf(sections);
    }

    /** Unicode NFC, tags stripped (a bare "<" as in "P < .05" stays) to plain text, white space folded; null when nothing is left. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = MARKUP.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").trim();
        return text.isEmpty() ? null : text;
    }

    static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** For matching only: lower case, accents and punctuation removed. */
    static String foldForMatching(String raw) {
        String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
