package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.RegisteredSchema;
import app.plainpaper.registry.schema.SchemaDefinition;
import app.plainpaper.registry.schema.SchemaReference;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Response bodies, field for field as Confluent writes them. */
final class Responses {

  private Responses() {}

  record RegisteredId(int id) {}

  @JsonPropertyOrder({"subject", "version", "id", "schemaType", "references", "schema"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record VersionedSchema(String subject, int version, int id, String schemaType,
      List<SchemaReference> references, String schema) {

    static VersionedSchema of(RegisteredSchema registered) {
      SchemaDefinition definition = registered.schema();
      return new VersionedSchema(registered.subject(), registered.version(), registered.id(),
          nonDefaultType(definition), definition.references(), definition.text());
    }
  }

  @JsonPropertyOrder({"schemaType", "references", "schema"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record SchemaText(String schemaType, List<SchemaReference> references, String schema) {

    static SchemaText of(SchemaDefinition definition) {
      return new SchemaText(nonDefaultType(definition), definition.references(), definition.text());
    }
  }

  record SubjectAndVersion(String subject, int version) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Compatibility(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

  record LevelSet(String compatibility) {}

  record LevelConfig(String compatibilityLevel) {}

  record Mode(String mode) {}

  record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {}

  // Confluent leaves schemaType out for AVRO, its default.
  private static String nonDefaultType(SchemaDefinition definition) {
    return SchemaDefinition.AVRO.equals(definition.schemaType()) ? null : definition.schemaType();
  }
}
