package app.plainpaper.ingestion.imports;

import app.plainpaper.events.SourceKind;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.paper.InvalidPaper;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/** Takes in every record of one file through the paper intake; a bad record is reported, the others go through. */
class FileImport {

    private final PaperIntake intake;
    private final int maxRecords;

    FileImport(PaperIntake intake, int maxRecords) {
        this.intake = intake;
        this.maxRecords = maxRecords;
    }

    /** The whole file is parsed (and refused whole if unsafe or malformed) before any record is emitted. */
    ImportReport run(byte[] content, String fileName, String requestedFormat) {
        ImportFormat format = requestedFormat == null || requestedFormat.isBlank()
                ? ImportFormat.detect(content).orElseThrow(() -> new ImportRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported file format", "The file is neither PubMed nor JATS XML. Supported formats: "
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
        SourceKind kind = format == ImportFormat.PUBMED ? SourceKind.PUBMED_EFETCH : SourceKind.JATS;
        List<ImportReport.Entry> accepted = new ArrayList<>();
        List<ImportReport.Entry> duplicates = new ArrayList<>();
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        for (ParsedRecord record : records) {
            if (record instanceof ParsedRecord.Rejected r) {
                rejected.add(new ImportReport.Rejection(r.position(), r.identifier(), r.reason()));
            } else if (record instanceof ParsedRecord.Paper p) {
                try {
                    var receipt = intake.accept(ParsedPapers.submission(p.paper(), fileName), kind);
                    var entry = new ImportReport.Entry(p.position(), receipt.summaryId(), p.paper().title());
                    (receipt.created() ? accepted : duplicates).add(entry);
                } catch (InvalidPaper invalid) {
                    rejected.add(new ImportReport.Rejection(p.position(), identifier(p), invalid.getMessage()));
                }
            }
        }
        return new ImportReport(format.code(), accepted, duplicates, rejected);
    }

    private static String identifier(ParsedRecord.Paper p) {
        var paper = p.paper();
        return paper.doi() != null ? paper.doi() : paper.pmid() != null ? paper.pmid() : paper.pmcid();
    }
}
