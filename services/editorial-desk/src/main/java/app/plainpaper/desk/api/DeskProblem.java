package app.plainpaper.desk.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A refused request, answered as a problem detail. */
class DeskProblem extends ErrorResponseException {

    DeskProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://plainpaper.app/problems/" + title.toLowerCase().replace(' ', '-')));
        return problem;
    }
}
