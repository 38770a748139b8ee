package app.plainpaper.registry.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A schema as the registry keeps it: its type, its canonical text and the references it needs.
 * Two registrations are the same schema exactly when their fingerprints are equal.
 */
public record SchemaDefinition(String schemaType, String text, List<SchemaReference> references) {

  public static final String AVRO = "AVRO";

  public SchemaDefinition {
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** SHA-256 over type, canonical text and references: the identity behind global ids. */
  public String fingerprint() {
    StringBuilder material = new StringBuilder(schemaType).append('\n').append(text);
    for (SchemaReference reference : references) {
      material.append('\n').append(reference.name()).append('\u0000')
          .append(reference.subject()).append('\u0000').append(reference.version());
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(material.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
