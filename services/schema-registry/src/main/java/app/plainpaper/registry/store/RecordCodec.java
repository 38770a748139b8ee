package app.plainpaper.registry.store;

import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.SchemaDefinition;
import app.plainpaper.registry.schema.SchemaReference;
import app.plainpaper.registry.schema.StoreRecord;
import app.plainpaper.registry.schema.StoreRecord.IdClaim;
import app.plainpaper.registry.schema.StoreRecord.LevelSetting;
import app.plainpaper.registry.schema.StoreRecord.VersionClaim;
import app.plainpaper.registry.schema.StoreRecord.VersionDeletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON keys and values of the store topic. Keys are written with a fixed field order, so equal
 * keys are equal bytes and compaction treats them as one.
 */
final class RecordCodec {

  /** A record as key and value text; the value is null for a tombstone. */
  record Encoded(String key, String value) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RecordCodec() {}

  static Encoded encode(StoreRecord record) {
    ObjectNode key = JSON.createObjectNode();
    ObjectNode value = JSON.createObjectNode();
    if (record instanceof IdClaim claim) {
      key.put("keytype", "ID").put("id", claim.id()).put("claim", claim.claim());
      SchemaDefinition schema = claim.schema();
      value.put("schemaType", schema.schemaType()).put("schema", schema.text());
      ArrayNode references = value.putArray("references");
      for (SchemaReference reference : schema.references()) {
        references.addObject().put("name", reference.name())
            .put("subject", reference.subject()).put("version", reference.version());
      }
    } else if (record instanceof VersionClaim claim) {
      key.put("keytype", "SCHEMA").put("subject", claim.subject())
          .put("version", claim.version()).put("claim", claim.claim());
      value.put("id", claim.id());
    } else if (record instanceof VersionDeletion deletion) {
      key.put("keytype", "DELETE").put("subject", deletion.subject())
          .put("version", deletion.version()).put("permanent", deletion.permanent());
    } else if (record instanceof LevelSetting setting) {
      key.put("keytype", "CONFIG");
      if (setting.subject() == null) {
        key.putNull("subject");
      } else {
        key.put("subject", setting.subject());
      }
      if (setting.level() == null) {
        return new Encoded(JSON.writeValueAsString(key), null);
      }
      value.put("compatibilityLevel", setting.level().name());
    }
    return new Encoded(JSON.writeValueAsString(key), JSON.writeValueAsString(value));
  }

  /** Decodes a record; empty for keys this version does not know (skipped alike everywhere). */
  static Optional<StoreRecord> decode(String keyText, String valueText) {
    JsonNode key = JSON.readTree(keyText);
    JsonNode value = valueText == null ? null : JSON.readTree(valueText);
    String keytype = text(key, "keytype");
    if (keytype == null) {
      return Optional.empty();
    }
    switch (keytype) {
      case "ID": {
        if (value == null) {
          return Optional.empty();
        }
        List<SchemaReference> references = new ArrayList<>();
        for (JsonNode reference : value.path("references")) {
          references.add(new SchemaReference(text(reference, "name"), text(reference, "subject"),
              reference.path("version").asInt()));
        }
        SchemaDefinition schema = new SchemaDefinition(
            text(value, "schemaType"), text(value, "schema"), references);
        return Optional.of(new IdClaim(key.path("id").asInt(), text(key, "claim"), schema));
      }
      case "SCHEMA":
        if (value == null) {
          return Optional.empty();
        }
        return Optional.of(new VersionClaim(text(key, "subject"), key.path("version").asInt(),
            text(key, "claim"), value.path("id").asInt()));
      case "DELETE":
        if (value == null) {
          return Optional.empty();
        }
        return Optional.of(new VersionDeletion(text(key, "subject"),
            key.path("version").asInt(), key.path("permanent").asBoolean()));
      case "CONFIG": {
        CompatibilityLevel level = value == null
            ? null
            : CompatibilityLevel.forName(text(value, "compatibilityLevel")).orElse(null);
        return Optional.of(new LevelSetting(text(key, "subject"), level));
      }
      default:
        return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode child = node.path(field);
    return child.isMissingNode() || child.isNull() ? null : child.asString();
  }
}
