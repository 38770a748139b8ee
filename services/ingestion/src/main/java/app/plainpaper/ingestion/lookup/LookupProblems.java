package app.plainpaper.ingestion.lookup;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Lookup failures as problem details: what was not found, which source failed and how. */
@RestControllerAdvice(assignableTypes = LookupController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LookupProblems {

    @ExceptionHandler(PaperNotFound.class)
    ProblemDetail notFound(PaperNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Paper not found", "paper-not-found", e.getMessage());
    }

    @ExceptionHandler(LookupRefused.class)
    ProblemDetail refused(LookupRefused e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Paper cannot be summarised", "paper-unusable", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid lookup", "invalid-lookup", e.getMessage());
    }

    @ExceptionHandler(UpstreamFailure.class)
    ProblemDetail upstream(UpstreamFailure e) {
        var problem = problem(HttpStatus.valueOf(e.status()), e.status() == 504 ? "Source did not answer" : "Source failed",
                "upstream-failure", e.getMessage());
        problem.setProperty("source", e.source());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://plainpaper.app/problems/" + type));
        return problem;
    }
}
