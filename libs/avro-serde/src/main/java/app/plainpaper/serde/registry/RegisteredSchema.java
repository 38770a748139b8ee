package app.plainpaper.serde.registry;

import org.apache.avro.Schema;

/** A schema as the registry holds it under a subject. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
