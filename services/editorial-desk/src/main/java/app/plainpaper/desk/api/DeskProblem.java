package app.plainpaper.desk.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Duration;

/** A refused request, answered as a problem detail. */
class DeskProblem extends ErrorResponseException {

    DeskProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /** 503: the desk cannot take the request now; the client may try again after {@code retryAfter}. */
    static DeskProblem unavailable(String title, String detail, Duration retryAfter) {
        DeskProblem problem = new DeskProblem(HttpStatus.SERVICE_UNAVAILABLE, title, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://plainpaper.app/problems/" + title.toLowerCase().replace(' ', '-')));
        return problem;
    }
}
