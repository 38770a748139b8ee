package app.plainpaper.registry.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/** Parses Avro schema text, resolving Confluent-style references, into canonical definitions. */
public final class AvroSchemas {

  /** Finds the schema a reference points to, or null when there is none. */
  public interface ReferenceResolver extends Function<SchemaReference, SchemaDefinition> {}

  /** A parsed schema and its canonical definition. */
  public record Parsed(Schema schema, SchemaDefinition definition) {}

  private AvroSchemas() {}

  /**
   * Parses a schema as sent by a client. The canonical text is Avro's own rendering of the parsed
   * schema: whitespace and attribute order no longer matter, while defaults, docs and aliases do.
   */
  public static Parsed parse(String schemaType, String text, List<SchemaReference> references,
      ReferenceResolver resolver) {
    String type = schemaType == null || schemaType.isBlank() ? SchemaDefinition.AVRO : schemaType;
    if (!SchemaDefinition.AVRO.equals(type)) {
      throw RegistryException.invalidSchema("Invalid schema type " + schemaType
          + "; this registry supports AVRO only");
    }
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    List<SchemaReference> refs = references == null ? List.of() : references;
    try {
      Schema.Parser parser = new Schema.Parser();
      addReferences(parser, refs, resolver, new HashMap<>());
      Map<String, Schema> referenced = new HashMap<>(parser.getTypes());
      Schema schema = parser.parse(text);
      String canonical = referenced.isEmpty()
          ? schema.toString()
          : schema.toString(referenced.values(), false);
      return new Parsed(schema, new SchemaDefinition(type, canonical, refs));
    } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException invalid) {
      throw RegistryException.invalidSchema("Invalid schema: " + invalid.getMessage());
    }
  }

  /** Parses a definition that the registry already holds. */
  public static Schema parse(SchemaDefinition definition, ReferenceResolver resolver) {
    return parse(definition.schemaType(), definition.text(), definition.references(), resolver)
        .schema();
  }

  private static void addReferences(Schema.Parser parser, List<SchemaReference> references,
      ReferenceResolver resolver, Map<SchemaReference, Boolean> seen) {
    for (SchemaReference reference : references) {
      if (reference.name() == null || reference.subject() == null) {
        throw RegistryException.invalidSchema("Invalid schema: a reference needs a name, a subject"
            + " and a version");
      }
      if (seen.put(reference, Boolean.TRUE) != null) {
        continue;
      }
      SchemaDefinition target = resolver.apply(reference);
      if (target == null) {
        throw RegistryException.invalidSchema("Invalid schema: reference " + reference.name()
            + " to subject '" + reference.subject() + "' version " + reference.version()
            + " not found");
      }
      addReferences(parser, target.references(), resolver, seen);
      if (!parser.getTypes().containsKey(reference.name())) {
        parser.parse(target.text());
      }
    }
  }
}
