package app.plainpaper.ingestion.lookup;

import app.plainpaper.ingestion.intake.ParsedSubmissions;
import app.plainpaper.ingestion.intake.PaperIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Fetches a paper by DOI or PMID from Crossref / PubMed and takes it in like any other: 201 new, 200 known. */
@RestController
@RequestMapping("/api/papers/lookup")
class LookupController {

    private final PaperLookup lookup;
    private final PaperIntake intake;

    LookupController(PaperLookup lookup, PaperIntake intake) {
        this.lookup = lookup;
        this.intake = intake;
    }

    record LookupRequest(String doi, String pmid) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> lookup(@RequestBody LookupRequest request) {
        boolean hasDoi = request != null && request.doi() != null && !request.doi().isBlank();
        boolean hasPmid = request != null && request.pmid() != null && !request.pmid().isBlank();
        if (hasDoi == hasPmid) {
            throw new IllegalArgumentException("Give exactly one of doi or pmid, for example {\"doi\": \"10.7554/elife.01567\"}");
        }
        var found = hasDoi ? lookup.byDoi(request.doi()) : lookup.byPmid(request.pmid());
        var receipt = intake.accept(ParsedSubmissions.of(found.paper(), found.reference()), found.kind());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summaryId", receipt.summaryId());
        body.put("outcome", receipt.outcome().name().toLowerCase(Locale.ROOT));
        body.put("source", found.kind().name().toLowerCase(Locale.ROOT));
        body.put("reference", found.reference());
        body.put("title", found.paper().title());
        if (receipt.created()) {
            return ResponseEntity.created(URI.create("/api/papers/" + receipt.summaryId())).body(body);
        }
        return ResponseEntity.status(HttpStatus.OK).body(body);
    }
}
