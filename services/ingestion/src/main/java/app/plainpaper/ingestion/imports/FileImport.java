package app.plainpaper.ingestion.imports;

import app.plainpaper.formats.ParsedPaper;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.text.Doi;
import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.paper.InvalidPaper;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/** Takes in every record of one file through the paper intake; a bad record is reported, the others go through. */
class FileImport {

    private final PaperIntake intake;
    private final int maxRecords;
    private final int maxFieldLength;

    FileImport(PaperIntake intake, int maxRecords, int maxFieldLength) {
        this.intake = intake;
        this.maxRecords = maxRecords;
        this.maxFieldLength = maxFieldLength;
    }

    /** The whole file is parsed (and refused whole if unsafe or malformed) before any record is emitted. */
    ImportReport run(byte[] content, String fileName, String requestedFormat) {
        ImportFormat format = requestedFormat == null || requestedFormat.isBlank()
                ? ImportFormat.detect(content).orElseThrow(() -> new ImportRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported file format", "The file is in none of the formats we read. Supported formats: "
                                + ImportFormat.SUPPORTED))
                : ImportFormat.named(requestedFormat).orElseThrow(() -> new ImportRefused(HttpStatus.BAD_REQUEST,
                        "Unknown format", "format '" + requestedFormat + "' is not supported. Supported formats: "
                                + ImportFormat.SUPPORTED));
        List<ParsedRecord> records = format.parse(content);
        if (records.size() > maxRecords) {
            throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "Too many records",
                    "The file holds " + records.size() + " records; one import takes at most " + maxRecords
                            + ". Split the file and import the parts.");
        }
        refuseOverlongFields(records);
        List<ImportReport.Entry> accepted = new ArrayList<>();
        List<ImportReport.Entry> duplicates = new ArrayList<>();
        List<ImportReport.Entry> enriched = new ArrayList<>();
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        for (ParsedRecord record : records) {
            if (record instanceof ParsedRecord.Rejected r) {
                rejected.add(new ImportReport.Rejection(r.position(), r.identifier(), r.reason()));
            } else if (record instanceof ParsedRecord.Paper p) {
                List<String> flags = new ArrayList<>();
                ParsedPaper paper = withoutShortDoi(p.paper(), flags);
                try {
                    var receipt = intake.accept(ParsedPapers.submission(paper, fileName), format.kind());
                    var entry = new ImportReport.Entry(p.position(), receipt.summaryId(), paper.title(), flags);
                    (switch (receipt.outcome()) {
                        case CREATED -> accepted;
                        case ENRICHED -> enriched;
                        case DUPLICATE -> duplicates;
                    }).add(entry);
                } catch (InvalidPaper invalid) {
                    rejected.add(new ImportReport.Rejection(p.position(), identifier(p.paper()), invalid.getMessage()));
                }
            }
        }
        return new ImportReport(format.code(), accepted, duplicates, enriched, rejected);
    }

    /**
     * A shortDOI ("10/gg55p5") is an alias the shortDOI service resolves, not the DOI: it is not sent as the
     * paper's DOI (it would never match the same paper arriving with its real DOI), and the report says so.
     */
    private static ParsedPaper withoutShortDoi(ParsedPaper paper, List<String> flags) {
        if (!Doi.isShort(paper.doi())) {
            return paper;
        }
        flags.add("shortDOI " + paper.doi() + " is not a full DOI: kept out of the paper's DOI (resolve it at https://doi.org/"
                + paper.doi() + ")");
        return new ParsedPaper(paper.title(), null, paper.pmid(), paper.pmcid(), paper.journal(), paper.publicationDate(),
                paper.authors(), paper.abstractSections(), paper.keywords(), paper.meshTerms(), paper.publicationTypes(),
                paper.licence(), paper.language(), paper.retracted(), paper.preprint(), paper.authorSummary());
    }

    /** No reference export has a field this long: such a file is refused whole, before anything is taken in. */
    private void refuseOverlongFields(List<ParsedRecord> records) {
        for (ParsedRecord record : records) {
            if (!(record instanceof ParsedRecord.Paper p)) {
                continue;
            }
            ParsedPaper paper = p.paper();
            List<String> values = new ArrayList<>();
            values.add(paper.title());
            values.add(paper.journal());
            values.add(paper.authorSummary());
            paper.abstractSections().forEach(s -> values.add(s.text()));
            paper.authors().forEach(a -> values.add(a.displayName()));
            values.addAll(paper.keywords());
            for (String value : values) {
                if (value != null && value.length() > maxFieldLength) {
                    throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "Field too long",
                            "Record " + p.position() + " has a field of " + value.length() + " characters; a field may have at most "
                                    + maxFieldLength + ". Nothing was imported.");
                }
            }
        }
    }

    private static String identifier(ParsedPaper paper) {
        return paper.doi() != null ? paper.doi() : paper.pmid() != null ? paper.pmid() : paper.pmcid();
    }
}
