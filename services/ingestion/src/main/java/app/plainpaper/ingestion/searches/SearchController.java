package app.plainpaper.ingestion.searches;

import app.plainpaper.events.SavedSearch;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saved PubMed searches: register, list, delete, and run one now. */
@RestController
@RequestMapping("/api/searches")
class SearchController {

    static final int MAX_NAME = 200;
    static final int MAX_QUERY = 4_000;

    private final SavedSearches searches;
    private final SearchRun runner;
    private final Clock clock;

    SearchController(SavedSearches searches, SearchRun runner, Clock clock) {
        this.searches = searches;
        this.runner = runner;
        this.clock = clock;
    }

    record NewSearch(String name, String query, String schedule, String createdBy) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@RequestBody NewSearch request) {
        List<String> problems = new ArrayList<>();
        String name = request == null || request.name() == null ? "" : request.name().strip();
        String query = request == null || request.query() == null ? "" : request.query().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add("name is required, at most " + MAX_NAME + " characters");
        }
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            problems.add("query is required (PubMed syntax), at most " + MAX_QUERY + " characters");
        }
        Duration interval = null;
        try {
            interval = Schedule.parse(request == null ? null : request.schedule());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSearch(problems);
        }
        var search = searches.save(SavedSearch.newBuilder()
                .setSearchId(UUID.randomUUID().toString())
                .setName(name)
                .setQuery(query)
                .setSchedule(request.schedule().strip())
                .setIntervalMinutes(interval.toMinutes())
                .setCreatedBy(request.createdBy())
                .setCreatedAt(clock.instant())
                .build());
        return ResponseEntity.created(URI.create("/api/searches/" + search.getSearchId())).body(view(search));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> list() {
        return searches.all().stream().map(SearchController::view).toList();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> one(@PathVariable String id) {
        return view(searches.find(id).orElseThrow(() -> new SearchNotFound("No saved search " + id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!searches.delete(id)) {
            throw new SearchNotFound("No saved search " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Runs the search now, whatever its schedule, and answers what it took. */
    @PostMapping(path = "/{id}/run", produces = MediaType.APPLICATION_JSON_VALUE)
    SearchRun.Report run(@PathVariable String id) {
        return runner.run(id);
    }

    static Map<String, Object> view(SavedSearch s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.getSearchId());
        out.put("name", s.getName());
        out.put("query", s.getQuery());
        out.put("schedule", s.getSchedule());
        out.put("intervalMinutes", s.getIntervalMinutes());
        out.put("createdBy", s.getCreatedBy());
        out.put("createdAt", s.getCreatedAt().toString());
        out.put("lastRunAt", s.getLastRunAt() == null ? null : s.getLastRunAt().toString());
        out.put("windowEnd", s.getWindowEnd() == null ? null : s.getWindowEnd().toString());
        out.put("papersTaken", s.getPapersTaken());
        out.put("lastError", s.getLastError());
        return out;
    }

    static class InvalidSearch extends RuntimeException {
        final List<String> problems;

        InvalidSearch(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    @ExceptionHandler(InvalidSearch.class)
    ProblemDetail invalid(InvalidSearch e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid saved search");
        problem.setType(URI.create("https://plainpaper.app/problems/invalid-search"));
        problem.setProperty("problems", e.problems);
        return problem;
    }

    @ExceptionHandler(SearchNotFound.class)
    ProblemDetail notFound(SearchNotFound e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Saved search not found");
        problem.setType(URI.create("https://plainpaper.app/problems/search-not-found"));
        return problem;
    }
}
