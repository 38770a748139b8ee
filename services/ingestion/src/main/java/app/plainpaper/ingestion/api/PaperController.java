package app.plainpaper.ingestion.api;

import app.plainpaper.events.SourceKind;
import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.paper.PaperSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping("/api/papers")
class PaperController {

    private final PaperIntake intake;

    PaperController(PaperIntake intake) {
        this.intake = intake;
    }

    /** 201 with a new summary id; 200 with the existing one when the paper is already known. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> submit(@RequestBody PaperSubmission submission) {
        var receipt = intake.accept(submission, SourceKind.JSON_API);
        var body = Map.of("summaryId", receipt.summaryId());
        if (receipt.created()) {
            return ResponseEntity.created(URI.create("/api/papers/" + receipt.summaryId())).body(body);
        }
        return ResponseEntity.status(HttpStatus.OK).body(body);
    }
}
