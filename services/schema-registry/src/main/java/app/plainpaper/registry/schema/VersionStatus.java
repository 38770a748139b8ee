package app.plainpaper.registry.schema;

/** A subject version's life: live, then soft-deleted, then permanently deleted; never backwards. */
public enum VersionStatus {
  LIVE,
  SOFT_DELETED,
  PERMANENTLY_DELETED
}
