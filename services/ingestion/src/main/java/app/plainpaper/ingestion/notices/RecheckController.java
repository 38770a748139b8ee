package app.plainpaper.ingestion.notices;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the re-check for retractions and errata now, instead of waiting for its schedule. */
@RestController
@RequestMapping("/api/rechecks")
class RecheckController {

    private final Recheck recheck;

    RecheckController(Recheck recheck) {
        this.recheck = recheck;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Recheck.Report run() {
        return recheck.run();
    }
}
