package app.plainpaper.ingestion.imports;

import app.plainpaper.formats.RejectedFileException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Problem details for a file refused whole; the common web errors stay with the service-wide handler. */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        problem.setType(URI.create("https://plainpaper.app/problems/import-refused"));
        problem.setProperty("supportedFormats", ImportFormat.CODES);
        return problem;
    }

    @ExceptionHandler(RejectedFileException.class)
    ProblemDetail unreadable(RejectedFileException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The file was refused whole and nothing was imported: " + e.getMessage());
        problem.setTitle("File refused");
        problem.setType(URI.create("https://plainpaper.app/problems/file-refused"));
        problem.setProperty("reason", e.code());
        return problem;
    }
}
