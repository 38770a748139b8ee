package app.plainpaper.registry.schema;

import java.util.List;

/** A schema as a client sends it: text, optional type (AVRO) and optional references. */
public record SchemaRequest(String schema, String schemaType, List<SchemaReference> references) {}
