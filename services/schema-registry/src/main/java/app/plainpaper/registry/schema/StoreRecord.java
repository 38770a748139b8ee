package app.plainpaper.registry.schema;

import app.plainpaper.registry.compatibility.CompatibilityLevel;

/**
 * One entry of the registry's log. Claims ({@link IdClaim}, {@link VersionClaim}) are proposals:
 * the first valid one in log order wins and every instance, replaying the same log, decides alike.
 * Accepted claims are never rewritten or removed, so compaction cannot change any decision.
 */
public sealed interface StoreRecord {

  /** Proposes global id {@code id} for a schema; {@code claim} is unique per attempt. */
  record IdClaim(int id, String claim, SchemaDefinition schema) implements StoreRecord {}

  /** Proposes version {@code version} of {@code subject} for schema {@code id}. */
  record VersionClaim(String subject, int version, String claim, int id) implements StoreRecord {}

  /** Marks a version soft-deleted, or permanently deleted. Deletion only ever moves forward. */
  record VersionDeletion(String subject, int version, boolean permanent) implements StoreRecord {}

  /** Sets (or, with a null level, removes) the level of a subject, or the global one (null subject). */
  record LevelSetting(String subject, CompatibilityLevel level) implements StoreRecord {}
}
