package app.plainpaper.ingestion.lookup;

import app.plainpaper.events.SourceKind;
import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.crossref.CrossrefWorkParser;
import app.plainpaper.formats.pubmed.PubmedXmlParser;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a paper by DOI or PMID. A PMID goes to PubMed efetch. A DOI goes to Crossref, and is also searched in PubMed
 * ({@code <doi>[doi]}): when PubMed has it, its record is the richer one (MeSH terms, structured abstract) and is
 * taken, with the licence and the retraction and preprint flags Crossref adds.
 */
public final class PaperLookup {

    private static final Pattern PMID = Pattern.compile("^\\d{1,9}$");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");

    private final CrossrefClient crossref;
    private final EutilsClient pubmed;

    public PaperLookup(CrossrefClient crossref, EutilsClient pubmed) {
        this.crossref = crossref;
        this.pubmed = pubmed;
    }

    public record Found(ParsedPaper paper, SourceKind kind, String reference) {
    }

    public Found byPmid(String rawPmid) {
        String pmid = rawPmid == null ? "" : rawPmid.trim();
        if (!PMID.matcher(pmid).matches()) {
            throw new IllegalArgumentException("pmid must be numeric, got '" + rawPmid + "'");
        }
        ParsedRecord record = pubmedRecord(pmid).orElseThrow(() -> new PaperNotFound("PubMed has no record with PMID " + pmid));
        return new Found(usable(record, "PubMed " + pmid), SourceKind.PUBMED_EFETCH, pubmedUrl(pmid));
    }

    public Found byDoi(String rawDoi) {
        String doi = rawDoi == null ? "" : DOI_PREFIX.matcher(rawDoi.trim()).replaceFirst("").toLowerCase(Locale.ROOT);
        if (!DOI.matcher(doi).matches()) {
            throw new IllegalArgumentException("doi '" + rawDoi + "' is not a DOI (expected 10.xxxx/...)");
        }
        Optional<ParsedRecord> fromCrossref = crossref.work(doi).map(body -> first(crossrefRecords(body)));
        var search = pubmed.esearch(doi + "[doi]", Map.of("retmax", "2"));
        Optional<ParsedRecord> fromPubmed = search.ids().size() == 1 ? pubmedRecord(search.ids().get(0)) : Optional.empty();

        if (fromPubmed.orElse(null) instanceof ParsedRecord.Paper p) {
            ParsedPaper paper = p.paper();
            if (fromCrossref.orElse(null) instanceof ParsedRecord.Paper c) {
                paper = withCrossrefExtras(paper, c.paper());
            }
            return new Found(paper, SourceKind.PUBMED_EFETCH, pubmedUrl(paper.pmid()));
        }
        if (fromCrossref.isPresent()) {
            return new Found(usable(fromCrossref.get(), "Crossref " + doi), SourceKind.CROSSREF, "https://doi.org/" + doi);
        }
        if (fromPubmed.isPresent()) {
            usable(fromPubmed.get(), "PubMed " + search.ids().get(0));
        }
        throw new PaperNotFound("Neither Crossref nor PubMed knows the DOI " + doi);
    }

    /** PubMed carries no licence and may lag on retractions; Crossref fills those in. */
    static ParsedPaper withCrossrefExtras(ParsedPaper pubmed, ParsedPaper crossref) {
        return new ParsedPaper(pubmed.title(), pubmed.doi() != null ? pubmed.doi() : crossref.doi(), pubmed.pmid(),
                pubmed.pmcid() != null ? pubmed.pmcid() : crossref.pmcid(), pubmed.journal(),
                pubmed.publicationDate() != null ? pubmed.publicationDate() : crossref.publicationDate(),
                pubmed.authors().isEmpty() ? crossref.authors() : pubmed.authors(), pubmed.abstractSections(),
                pubmed.keywords(), pubmed.meshTerms(), pubmed.publicationTypes(),
                pubmed.licence() != null ? pubmed.licence() : crossref.licence(),
                pubmed.language() != null ? pubmed.language() : crossref.language(),
                pubmed.retracted() || crossref.retracted(), pubmed.preprint() || crossref.preprint(),
                pubmed.authorSummary() != null ? pubmed.authorSummary() : crossref.authorSummary());
    }

    private Optional<ParsedRecord> pubmedRecord(String pmid) {
        byte[] xml = pubmed.efetch(List.of(pmid));
        if (xml.length == 0) {
            return Optional.empty();
        }
        try {
            return new PubmedXmlParser().parse(new ByteArrayInputStream(xml)).stream()
                    .filter(r -> !(r instanceof ParsedRecord.Paper p) || pmid.equals(p.paper().pmid()))
                    .findFirst();
        } catch (RejectedFileException e) {
            // NCBI answers an unknown or withdrawn PMID with an eFetchResult ERROR document.
            if (new String(xml, 0, Math.min(xml.length, 2000), java.nio.charset.StandardCharsets.UTF_8).contains("<ERROR>")) {
                return Optional.empty();
            }
            throw new UpstreamFailure(502, EutilsClient.SOURCE, "PubMed efetch answered something that is not PubMed XML: "
                    + e.getMessage(), e);
        }
    }

    private static List<ParsedRecord> crossrefRecords(byte[] body) {
        try {
            return new CrossrefWorkParser().parse(new ByteArrayInputStream(body));
        } catch (RejectedFileException e) {
            throw new UpstreamFailure(502, CrossrefClient.SOURCE, "Crossref answered something that is not a work: "
                    + e.getMessage(), e);
        }
    }

    private static ParsedRecord first(List<ParsedRecord> records) {
        if (records.isEmpty()) {
            throw new UpstreamFailure(502, CrossrefClient.SOURCE, "Crossref answered without a work", null);
        }
        return records.get(0);
    }

    private static ParsedPaper usable(ParsedRecord record, String where) {
        if (record instanceof ParsedRecord.Paper p) {
            return p.paper();
        }
        throw new LookupRefused(where + " cannot be summarised: " + ((ParsedRecord.Rejected) record).reason());
    }

    private static String pubmedUrl(String pmid) {
        return "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
    }
}
