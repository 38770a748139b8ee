package app.plainpaper.ingestion.api;

import app.plainpaper.ingestion.paper.InvalidPaper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/** Every rejection is an RFC 9457 problem detail that says what to fix. */
@RestControllerAdvice
class IngestionProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidPaper.class)
    ProblemDetail invalidPaper(InvalidPaper e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid paper");
        problem.setType(URI.create("https://plainpaper.app/problems/invalid-paper"));
        problem.setProperty("problems", e.problems());
        return problem;
    }
}
