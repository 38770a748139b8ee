package app.plainpaper.registry.http;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that clients probe before use. The registry is always read-write. */
@RestController
class ServerController {

  @GetMapping(path = "/", produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
  Map<String, Object> root() {
    return Map.of();
  }

  @GetMapping(path = "/mode",
      produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
  Responses.Mode mode() {
    return new Responses.Mode("READWRITE");
  }
}
