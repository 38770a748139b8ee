package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.SchemaRegistry;
import app.plainpaper.registry.schema.VersionSpec;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Confluent's /subjects resource: registration, lookup, versions and deletes. */
@RestController
@RequestMapping(path = "/subjects",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class SubjectController {

  private final SchemaRegistry registry;
  private final RequestBodies bodies;

  SubjectController(SchemaRegistry registry, RequestBodies bodies) {
    this.registry = registry;
    this.bodies = bodies;
  }

  @GetMapping
  List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
    return registry.subjects(deleted);
  }

  @PostMapping("/{subject}/versions")
  Responses.RegisteredId register(@PathVariable String subject,
      @RequestBody(required = false) byte[] body) {
    return new Responses.RegisteredId(registry.register(subject, bodies.schemaRequest(body)).id());
  }

  @PostMapping("/{subject}")
  Responses.VersionedSchema lookup(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestBody(required = false) byte[] body) {
    return Responses.VersionedSchema.of(
        registry.lookup(subject, bodies.schemaRequest(body), deleted));
  }

  @GetMapping("/{subject}/versions")
  List<Integer> versions(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.versions(subject, deleted);
  }

  @GetMapping("/{subject}/versions/{version}")
  Responses.VersionedSchema version(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return Responses.VersionedSchema.of(
        registry.version(subject, VersionSpec.parse(version), deleted));
  }

  /** The schema text itself, unescaped, as Confluent answers it. */
  @GetMapping("/{subject}/versions/{version}/schema")
  String versionSchema(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.version(subject, VersionSpec.parse(version), deleted).schema().text();
  }

  @DeleteMapping("/{subject}")
  List<Integer> deleteSubject(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean permanent) {
    return registry.deleteSubject(subject, permanent);
  }

  @DeleteMapping("/{subject}/versions/{version}")
  int deleteVersion(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean permanent) {
    return registry.deleteVersion(subject, VersionSpec.parse(version), permanent);
  }
}
