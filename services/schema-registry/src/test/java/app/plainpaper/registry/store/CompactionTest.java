package app.plainpaper.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.RegistryState;
import app.plainpaper.registry.schema.SchemaDefinition;
import app.plainpaper.registry.schema.StoreRecord;
import app.plainpaper.registry.schema.StoreRecord.IdClaim;
import app.plainpaper.registry.schema.StoreRecord.LevelSetting;
import app.plainpaper.registry.schema.StoreRecord.VersionClaim;
import app.plainpaper.registry.schema.StoreRecord.VersionDeletion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compaction keeps only the last record of each key and finally drops tombstones. Folding the
 * compacted log must give the state the full log gave, or a restarted instance would disagree.
 */
class CompactionTest {

  private static SchemaDefinition avro(String text) {
    return new SchemaDefinition(SchemaDefinition.AVRO, text, List.of());
  }

  @Test
  void aCompactedLogFoldsToTheSameState() {
    SchemaDefinition string = avro("\"string\"");
    SchemaDefinition bytes = avro("\"bytes\"");
    SchemaDefinition longs = avro("\"long\"");
    List<StoreRecord> log = List.of(
        new IdClaim(1, "i1", string),
        new IdClaim(1, "lost-id", bytes),             // loses: id taken
        new IdClaim(2, "i2", bytes),
        new IdClaim(3, "lost-schema", string),        // loses: schema already has id 1
        new VersionClaim("a", 1, "a1", 1),
        new VersionClaim("a", 1, "lost-version", 2),  // loses: stale writer
        new LevelSetting(null, CompatibilityLevel.FULL),
        new LevelSetting("a", CompatibilityLevel.NONE),
        new VersionClaim("a", 2, "a2", 2),
        new VersionDeletion("a", 1, false),
        new VersionClaim("a", 3, "a3", 1),            // soft-deleted schema registered again
        new VersionDeletion("a", 1, false),           // a second instance's duplicate delete
        new IdClaim(3, "i3", longs),
        new VersionClaim("b", 1, "b1", 3),
        new VersionDeletion("b", 1, false),
        new VersionDeletion("b", 1, true),
        new VersionClaim("b", 2, "b2", 3),            // permanently deleted schema, old id back
        new LevelSetting("a", null),
        new LevelSetting("b", CompatibilityLevel.FORWARD),
        new LevelSetting(null, CompatibilityLevel.BACKWARD_TRANSITIVE));

    RegistryState full = fold(log);
    RegistryState compacted = fold(compact(log));

    assertThat(compact(log)).hasSizeLessThan(log.size());
    assertThat(describe(compacted)).isEqualTo(describe(full));
    assertThat(describe(full)).containsEntry("versions a", "[1:1:SOFT_DELETED, 2:2:LIVE, 3:1:LIVE]")
        .containsEntry("versions b", "[2:3:LIVE]")
        .containsEntry("next b", "3")
        .containsEntry("level global", "Optional[BACKWARD_TRANSITIVE]")
        .containsEntry("level a", "Optional.empty");
  }

  /** Last record per key, at that record's position; tombstones gone. */
  private static List<StoreRecord> compact(List<StoreRecord> log) {
    Map<String, Integer> lastOffsetByKey = new LinkedHashMap<>();
    for (int offset = 0; offset < log.size(); offset++) {
      lastOffsetByKey.put(RecordCodec.encode(log.get(offset)).key(), offset);
    }
    List<StoreRecord> kept = new ArrayList<>();
    for (int offset = 0; offset < log.size(); offset++) {
      RecordCodec.Encoded encoded = RecordCodec.encode(log.get(offset));
      if (lastOffsetByKey.get(encoded.key()) == offset && encoded.value() != null) {
        // Through the codec, as a restarted instance would read it.
        kept.add(RecordCodec.decode(encoded.key(), encoded.value()).orElseThrow());
      }
    }
    return kept;
  }

  private static RegistryState fold(List<StoreRecord> log) {
    RegistryState state = new RegistryState();
    log.forEach(state::apply);
    return state;
  }

  private static Map<String, String> describe(RegistryState state) {
    Map<String, String> view = new LinkedHashMap<>();
    view.put("subjects", state.subjects(true).toString());
    for (String subject : List.of("a", "b")) {
      view.put("versions " + subject, state.versions(subject, true).stream()
          .map(v -> v.version() + ":" + v.id() + ":" + v.status()).toList().toString());
      view.put("next " + subject, String.valueOf(state.nextVersion(subject)));
      view.put("level " + subject, state.subjectLevel(subject).toString());
    }
    view.put("level global", state.globalLevel().toString());
    view.put("max id", String.valueOf(state.maxId()));
    for (int id = 1; id <= 4; id++) {
      view.put("schema " + id, state.schema(id).toString());
    }
    return view;
  }
}
