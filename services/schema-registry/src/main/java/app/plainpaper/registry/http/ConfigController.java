package app.plainpaper.registry.http;

import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.RegistryException;
import app.plainpaper.registry.schema.SchemaRegistry;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confluent's /config resource. As in Confluent, PUT answers {@code {"compatibility": ..}} and GET
 * answers {@code {"compatibilityLevel": ..}}.
 */
@RestController
@RequestMapping(path = "/config",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class ConfigController {

  private final SchemaRegistry registry;
  private final RequestBodies bodies;

  ConfigController(SchemaRegistry registry, RequestBodies bodies) {
    this.registry = registry;
    this.bodies = bodies;
  }

  @GetMapping
  Responses.LevelConfig global() {
    return new Responses.LevelConfig(registry.globalLevel().name());
  }

  @PutMapping
  Responses.LevelSet setGlobal(@RequestBody(required = false) byte[] body) {
    CompatibilityLevel level = level(body);
    registry.setGlobalLevel(level);
    return new Responses.LevelSet(level.name());
  }

  @GetMapping("/{subject}")
  Responses.LevelConfig subject(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    return new Responses.LevelConfig(registry.subjectLevel(subject, defaultToGlobal).name());
  }

  @PutMapping("/{subject}")
  Responses.LevelSet setSubject(@PathVariable String subject,
      @RequestBody(required = false) byte[] body) {
    CompatibilityLevel level = level(body);
    registry.setSubjectLevel(subject, level);
    return new Responses.LevelSet(level.name());
  }

  @DeleteMapping("/{subject}")
  Responses.LevelConfig deleteSubject(@PathVariable String subject) {
    return new Responses.LevelConfig(registry.deleteSubjectLevel(subject).name());
  }

  private CompatibilityLevel level(byte[] body) {
    return CompatibilityLevel.forName(bodies.compatibility(body))
        .orElseThrow(RegistryException::invalidCompatibilityLevel);
  }
}
