package app.plainpaper.registry.http;

import app.plainpaper.registry.schema.RegistryException;
import app.plainpaper.registry.schema.SchemaReference;
import app.plainpaper.registry.schema.SchemaRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies whatever their content type (Confluent accepts its own JSON types,
 * application/json and application/octet-stream), so bodies arrive as bytes.
 */
@Component
class RequestBodies {

  private final JsonMapper json;

  RequestBodies(JsonMapper json) {
    this.json = json;
  }

  SchemaRequest schemaRequest(byte[] body) {
    JsonNode node = object(body);
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode reference : node.path("references")) {
      JsonNode version = reference.path("version");
      if (!version.canConvertToInt()) {
        throw RegistryException.invalidSchema("Invalid schema: a reference needs a name, a subject"
            + " and a version");
      }
      references.add(new SchemaReference(text(reference, "name"), text(reference, "subject"),
          version.asInt()));
    }
    return new SchemaRequest(text(node, "schema"), text(node, "schemaType"), references);
  }

  /** The level of a config update: {@code {"compatibility": "..."}}. */
  String compatibility(byte[] body) {
    JsonNode node = object(body);
    String level = text(node, "compatibility");
    return level != null ? level : text(node, "compatibilityLevel");
  }

  private JsonNode object(byte[] body) {
    if (body == null || body.length == 0) {
      throw new RegistryException(400, 400, "Request body is missing");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException malformed) {
      throw new RegistryException(400, 400, "Malformed JSON request body: "
          + malformed.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new RegistryException(400, 400, "Request body must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode child = node.path(field);
    return child.isString() ? child.asString() : null;
  }
}
