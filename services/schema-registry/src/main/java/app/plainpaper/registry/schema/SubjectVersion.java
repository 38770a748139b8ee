package app.plainpaper.registry.schema;

/** A schema registered under a subject at a version. */
public record SubjectVersion(String subject, int version, int id, String claim, VersionStatus status) {

  public boolean live() {
    return status == VersionStatus.LIVE;
  }

  /** Visible to reads: live, or soft-deleted when the caller asked for deleted versions. */
  public boolean visible(boolean includeSoftDeleted) {
    return status == VersionStatus.LIVE
        || (includeSoftDeleted && status == VersionStatus.SOFT_DELETED);
  }

  SubjectVersion withStatus(VersionStatus newStatus) {
    return new SubjectVersion(subject, version, id, claim, newStatus);
  }
}
