package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.SchemaDefinition;
import app.plainpaper.registry.schema.SchemaRegistry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Confluent's /schemas resource: schemas by global id, as deserializers fetch them. */
@RestController
@RequestMapping(path = "/schemas",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class SchemaController {

  private final SchemaRegistry registry;

  SchemaController(SchemaRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/ids/{id}")
  Responses.SchemaText schema(@PathVariable int id) {
    return Responses.SchemaText.of(registry.schemaById(id));
  }

  @GetMapping("/ids/{id}/schema")
  String schemaText(@PathVariable int id) {
    return registry.schemaById(id).text();
  }

  @GetMapping("/ids/{id}/versions")
  List<Responses.SubjectAndVersion> versions(@PathVariable int id,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.versionsOfId(id, deleted).stream()
        .map(version -> new Responses.SubjectAndVersion(version.subject(), version.version()))
        .toList();
  }

  @GetMapping("/types")
  List<String> types() {
    return List.of(SchemaDefinition.AVRO);
  }
}
