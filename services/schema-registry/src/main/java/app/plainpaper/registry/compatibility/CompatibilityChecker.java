package app.plainpaper.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow earlier ones under a compatibility level. The
 * reader/writer rules are Avro's own ({@link SchemaCompatibility}); this class only chooses which
 * pairs to check and in which direction.
 */
public final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /**
   * Lists why {@code candidate} breaks {@code level} against {@code previousOldestFirst}; empty
   * when compatible. Non-transitive levels check only the last (latest) previous schema.
   */
  public static List<String> incompatibilities(
      CompatibilityLevel level, Schema candidate, List<Schema> previousOldestFirst) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(previousOldestFirst, "previousOldestFirst");
    if (level == CompatibilityLevel.NONE || previousOldestFirst.isEmpty()) {
      return List.of();
    }
    int count = previousOldestFirst.size();
    int first = level.transitive() ? 0 : count - 1;
    List<String> messages = new ArrayList<>();
    // Newest first, so the most relevant break is reported first.
    for (int index = count - 1; index >= first; index--) {
      Schema previous = previousOldestFirst.get(index);
      String which = describe(index, count);
      if (level.newReadsOld()) {
        collect(messages, candidate, previous,
            "the new schema cannot read data written with " + which);
      }
      if (level.oldReadsNew()) {
        collect(messages, previous, candidate,
            which + " cannot read data written with the new schema");
      }
    }
    return List.copyOf(messages);
  }

  private static void collect(List<String> messages, Schema reader, Schema writer, String context) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      messages.add(String.format(
          "%s at '%s': %s (%s; reader: %s, writer: %s)",
          incompatibility.getType(),
          incompatibility.getLocation(),
          incompatibility.getMessage(),
          context,
          incompatibility.getReaderFragment(),
          incompatibility.getWriterFragment()));
    }
  }

  private static String describe(int index, int count) {
    if (index == count - 1) {
      return "the latest previous schema";
    }
    return "previous schema " + (index + 1) + " of " + count + " (oldest first)";
  }
}
