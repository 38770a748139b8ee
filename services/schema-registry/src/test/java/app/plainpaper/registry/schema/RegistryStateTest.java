package app.plainpaper.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.StoreRecord.IdClaim;
import app.plainpaper.registry.schema.StoreRecord.LevelSetting;
import app.plainpaper.registry.schema.StoreRecord.VersionClaim;
import app.plainpaper.registry.schema.StoreRecord.VersionDeletion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log fold that lets instances agree without a leader: first valid claim wins. */
class RegistryStateTest {

  private static final SchemaDefinition STRING = avro("\"string\"");
  private static final SchemaDefinition LONG = avro("\"long\"");

  private final RegistryState state = new RegistryState();

  @Test
  void firstClaimOfAnIdWinsAndLaterClaimsOfItAreIgnored() {
    state.apply(new IdClaim(1, "a", STRING));
    state.apply(new IdClaim(1, "b", LONG));

    assertThat(state.idClaimWon(1, "a")).isTrue();
    assertThat(state.idClaimWon(1, "b")).isFalse();
    assertThat(state.schema(1)).contains(STRING);
    assertThat(state.idOf(LONG)).isEmpty();
    assertThat(state.maxId()).isEqualTo(1);
  }

  @Test
  void aSchemaKeepsItsFirstIdEvenIfClaimedAgainUnderAnother() {
    state.apply(new IdClaim(1, "a", STRING));
    state.apply(new IdClaim(2, "b", STRING));

    assertThat(state.idClaimWon(2, "b")).isFalse();
    assertThat(state.idOf(STRING)).hasValue(1);
    assertThat(state.schema(2)).isEmpty();
  }

  @Test
  void versionClaimsMustFollowTheLatestVersionExactly() {
    state.apply(new IdClaim(1, "i1", STRING));
    state.apply(new IdClaim(2, "i2", LONG));
    state.apply(new VersionClaim("s", 1, "v1", 1));
    // A writer that had not seen v1 yet also claims version 1: it loses.
    state.apply(new VersionClaim("s", 1, "stale", 2));
    // Skipping a number is as invalid as reusing one.
    state.apply(new VersionClaim("s", 3, "gap", 2));
    state.apply(new VersionClaim("s", 2, "v2", 2));

    assertThat(state.versionClaimWon("s", 1, "v1")).isTrue();
    assertThat(state.versionClaimWon("s", 1, "stale")).isFalse();
    assertThat(state.versionClaimWon("s", 3, "gap")).isFalse();
    assertThat(state.versions("s", false)).extracting(SubjectVersion::id).containsExactly(1, 2);
    assertThat(state.nextVersion("s")).isEqualTo(3);
  }

  @Test
  void aVersionNeedsAClaimedId() {
    state.apply(new VersionClaim("s", 1, "v1", 7));

    assertThat(state.subjects(true)).isEmpty();
    assertThat(state.nextVersion("s")).isEqualTo(1);
  }

  @Test
  void deletionOnlyMovesForwardAndPermanentVersionsStayCounted() {
    state.apply(new IdClaim(1, "i1", STRING));
    state.apply(new VersionClaim("s", 1, "v1", 1));
    state.apply(new VersionDeletion("s", 1, false));

    assertThat(state.versions("s", false)).isEmpty();
    assertThat(state.versions("s", true)).extracting(SubjectVersion::status)
        .containsExactly(VersionStatus.SOFT_DELETED);
    assertThat(state.subjects(false)).isEmpty();
    assertThat(state.subjects(true)).containsExactly("s");

    state.apply(new VersionDeletion("s", 1, true));
    state.apply(new VersionDeletion("s", 1, false));

    assertThat(state.versions("s", true)).isEmpty();
    assertThat(state.version("s", 1)).isEmpty();
    assertThat(state.subjects(true)).isEmpty();
    assertThat(state.versionsWithId(1, true)).isEmpty();
    // Version numbers and ids are never reused.
    assertThat(state.nextVersion("s")).isEqualTo(2);
    assertThat(state.maxId()).isEqualTo(1);
  }

  @Test
  void levelsFallBackFromSubjectToGlobalToBackward() {
    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.BACKWARD);

    state.apply(new LevelSetting(null, CompatibilityLevel.FULL));
    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.FULL);

    state.apply(new LevelSetting("s", CompatibilityLevel.NONE));
    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(state.effectiveLevel("other")).isEqualTo(CompatibilityLevel.FULL);

    state.apply(new LevelSetting("s", null));
    assertThat(state.subjectLevel("s")).isEmpty();
    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void replayingTheSameRecordsGivesTheSameState() {
    List<StoreRecord> log = List.of(
        new IdClaim(1, "a", STRING), new IdClaim(1, "b", LONG), new IdClaim(2, "c", LONG),
        new VersionClaim("s", 1, "x", 2), new VersionClaim("s", 1, "y", 1),
        new VersionClaim("s", 2, "z", 1), new VersionDeletion("s", 1, false));
    RegistryState other = new RegistryState();
    log.forEach(state::apply);
    log.forEach(other::apply);

    assertThat(other.versions("s", true)).isEqualTo(state.versions("s", true));
    assertThat(other.schema(2)).isEqualTo(state.schema(2)).contains(LONG);
    assertThat(state.versions("s", true)).extracting(SubjectVersion::id).containsExactly(2, 1);
  }

  private static SchemaDefinition avro(String text) {
    return new SchemaDefinition(SchemaDefinition.AVRO, text, List.of());
  }
}
