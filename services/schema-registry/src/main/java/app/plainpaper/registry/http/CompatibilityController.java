package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.SchemaRegistry;
import app.plainpaper.registry.schema.VersionSpec;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Confluent's /compatibility resource: would this schema be accepted? */
@RestController
@RequestMapping(path = "/compatibility/subjects/{subject}/versions",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class CompatibilityController {

  private final SchemaRegistry registry;
  private final RequestBodies bodies;

  CompatibilityController(SchemaRegistry registry, RequestBodies bodies) {
    this.registry = registry;
    this.bodies = bodies;
  }

  @PostMapping("/{version}")
  Responses.Compatibility againstVersion(@PathVariable String subject,
      @PathVariable String version, @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody(required = false) byte[] body) {
    VersionSpec spec = VersionSpec.parse(version);
    return answer(registry.checkCompatibility(subject, spec, bodies.schemaRequest(body)), verbose);
  }

  /** Without a version: against every version that registration would check. */
  @PostMapping
  Responses.Compatibility againstSubject(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody(required = false) byte[] body) {
    return answer(registry.checkCompatibility(subject, null, bodies.schemaRequest(body)), verbose);
  }

  private static Responses.Compatibility answer(List<String> problems, boolean verbose) {
    return new Responses.Compatibility(problems.isEmpty(), verbose ? problems : null);
  }
}
