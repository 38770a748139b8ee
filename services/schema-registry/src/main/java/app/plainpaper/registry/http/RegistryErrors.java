package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns failures into Confluent's error body: {@code {"error_code": .., "message": ..}}. */
@RestControllerAdvice
class RegistryErrors {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryErrors.class);
  private static final MediaType V1_JSON = MediaType.parseMediaType(MediaTypes.V1_JSON);

  @ExceptionHandler(RegistryException.class)
  ResponseEntity<Responses.ErrorMessage> registry(RegistryException e) {
    if (e.httpStatus() >= 500) {
      LOG.error("Schema registry failure: {}", e.getMessage(), e);
    }
    return body(e.httpStatus(), e.errorCode(), e.getMessage());
  }

  /** A path parameter of the wrong type (e.g. /schemas/ids/abc) names no resource, as in Confluent. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Responses.ErrorMessage> typeMismatch(MethodArgumentTypeMismatchException e) {
    return body(404, 404, "HTTP 404 Not Found");
  }

  /** Spring's own request errors (unknown path, wrong method, ...) keep their status. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Responses.ErrorMessage> other(Exception e) {
    if (e instanceof ErrorResponse response) {
      int status = response.getStatusCode().value();
      return body(status, status, response.getBody().getDetail() != null
          ? response.getBody().getDetail() : e.getMessage());
    }
    LOG.error("Unexpected schema registry failure", e);
    return body(500, 500, "Internal server error: " + e.getMessage());
  }

  private static ResponseEntity<Responses.ErrorMessage> body(int status, int code, String message) {
    return ResponseEntity.status(status).contentType(V1_JSON)
        .body(new Responses.ErrorMessage(code, message));
  }
}
