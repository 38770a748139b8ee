package app.plainpaper.registry.schema;

/** A subject version together with the schema it holds. */
public record RegisteredSchema(String subject, int version, int id, SchemaDefinition schema) {}
