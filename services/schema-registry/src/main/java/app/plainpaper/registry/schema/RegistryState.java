package app.plainpaper.registry.schema;

import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.StoreRecord.IdClaim;
import app.plainpaper.registry.schema.StoreRecord.LevelSetting;
import app.plainpaper.registry.schema.StoreRecord.VersionClaim;
import app.plainpaper.registry.schema.StoreRecord.VersionDeletion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The registry's state, folded from its log in order. Every instance applies the same records in
 * the same order and so reaches the same state: this is what makes ids agree without a leader.
 * Thread-safe: one applier writes, request threads read.
 */
public final class RegistryState {

  /** The level that applies when neither the subject nor the registry sets one. */
  public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private record Claimed(String claim, SchemaDefinition schema) {}

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Integer, Claimed> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByFingerprint = new HashMap<>();
  private int maxId;
  private final NavigableMap<String, NavigableMap<Integer, SubjectVersion>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;

  /** Applies one record; invalid claims are ignored here exactly as on every other instance. */
  public void apply(StoreRecord record) {
    write(() -> {
      if (record instanceof IdClaim claim) {
        applyIdClaim(claim);
      } else if (record instanceof VersionClaim claim) {
        applyVersionClaim(claim);
      } else if (record instanceof VersionDeletion deletion) {
        applyDeletion(deletion);
      } else if (record instanceof LevelSetting setting) {
        applyLevel(setting);
      }
      return null;
    });
  }

  private void applyIdClaim(IdClaim claim) {
    String fingerprint = claim.schema().fingerprint();
    if (claim.id() < 1 || schemasById.containsKey(claim.id())
        || idsByFingerprint.containsKey(fingerprint)) {
      return;
    }
    schemasById.put(claim.id(), new Claimed(claim.claim(), claim.schema()));
    idsByFingerprint.put(fingerprint, claim.id());
    maxId = Math.max(maxId, claim.id());
  }

  private void applyVersionClaim(VersionClaim claim) {
    NavigableMap<Integer, SubjectVersion> versions =
        subjects.computeIfAbsent(claim.subject(), s -> new TreeMap<>());
    int last = versions.isEmpty() ? 0 : versions.lastKey();
    // Compare-and-set on the subject's version counter: a writer whose view was stale loses.
    if (claim.version() != last + 1 || !schemasById.containsKey(claim.id())) {
      if (versions.isEmpty()) {
        subjects.remove(claim.subject());
      }
      return;
    }
    versions.put(claim.version(), new SubjectVersion(
        claim.subject(), claim.version(), claim.id(), claim.claim(), VersionStatus.LIVE));
  }

  private void applyDeletion(VersionDeletion deletion) {
    NavigableMap<Integer, SubjectVersion> versions = subjects.get(deletion.subject());
    SubjectVersion existing = versions == null ? null : versions.get(deletion.version());
    if (existing == null) {
      return;
    }
    VersionStatus target = deletion.permanent()
        ? VersionStatus.PERMANENTLY_DELETED : VersionStatus.SOFT_DELETED;
    if (target.compareTo(existing.status()) > 0) {
      versions.put(deletion.version(), existing.withStatus(target));
    }
  }

  private void applyLevel(LevelSetting setting) {
    if (setting.subject() == null) {
      globalLevel = setting.level();
    } else if (setting.level() == null) {
      subjectLevels.remove(setting.subject());
    } else {
      subjectLevels.put(setting.subject(), setting.level());
    }
  }

  // ---- queries ----

  public Optional<SchemaDefinition> schema(int id) {
    return read(() -> Optional.ofNullable(schemasById.get(id)).map(Claimed::schema));
  }

  public OptionalInt idOf(SchemaDefinition schema) {
    return read(() -> {
      Integer id = idsByFingerprint.get(schema.fingerprint());
      return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    });
  }

  public int maxId() {
    return read(() -> maxId);
  }

  public boolean idClaimWon(int id, String claim) {
    return read(() -> {
      Claimed claimed = schemasById.get(id);
      return claimed != null && claimed.claim().equals(claim);
    });
  }

  public boolean versionClaimWon(String subject, int version, String claim) {
    return read(() -> {
      SubjectVersion found = versionsOf(subject).get(version);
      return found != null && found.claim().equals(claim);
    });
  }

  /** The number the next version of this subject must have (versions are never reused). */
  public int nextVersion(String subject) {
    return read(() -> {
      NavigableMap<Integer, SubjectVersion> versions = versionsOf(subject);
      return versions.isEmpty() ? 1 : versions.lastKey() + 1;
    });
  }

  /** A subject as one consistent read: what a writer decides on and then claims against. */
  public record SubjectSnapshot(int nextVersion, List<SubjectVersion> live) {}

  /**
   * The subject's next version number and live versions, read together. Writers must decide on
   * one snapshot: the version claim then fails if anything was registered since.
   */
  public SubjectSnapshot snapshot(String subject) {
    return read(() -> {
      NavigableMap<Integer, SubjectVersion> versions = versionsOf(subject);
      return new SubjectSnapshot(versions.isEmpty() ? 1 : versions.lastKey() + 1,
          versions.values().stream().filter(SubjectVersion::live).toList());
    });
  }

  /** The subject's versions that are not permanently deleted, oldest first. */
  public List<SubjectVersion> versions(String subject, boolean includeSoftDeleted) {
    return read(() -> versionsOf(subject).values().stream()
        .filter(version -> version.visible(includeSoftDeleted))
        .toList());
  }

  public Optional<SubjectVersion> version(String subject, int version) {
    return read(() -> Optional.ofNullable(versionsOf(subject).get(version))
        .filter(found -> found.status() != VersionStatus.PERMANENTLY_DELETED));
  }

  public List<String> subjects(boolean includeSoftDeleted) {
    return read(() -> subjects.entrySet().stream()
        .filter(entry -> entry.getValue().values().stream()
            .anyMatch(version -> version.visible(includeSoftDeleted)))
        .map(Map.Entry::getKey)
        .toList());
  }

  /** Versions (of any subject) holding schema {@code id}, by subject then version. */
  public List<SubjectVersion> versionsWithId(int id, boolean includeSoftDeleted) {
    return read(() -> {
      List<SubjectVersion> found = new ArrayList<>();
      for (NavigableMap<Integer, SubjectVersion> versions : subjects.values()) {
        for (SubjectVersion version : versions.values()) {
          if (version.id() == id && version.visible(includeSoftDeleted)) {
            found.add(version);
          }
        }
      }
      return found;
    });
  }

  public Optional<CompatibilityLevel> globalLevel() {
    return read(() -> Optional.ofNullable(globalLevel));
  }

  public Optional<CompatibilityLevel> subjectLevel(String subject) {
    return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
  }

  /** The level that governs the subject: its own, else the registry's, else BACKWARD. */
  public CompatibilityLevel effectiveLevel(String subject) {
    return read(() -> {
      CompatibilityLevel level = subjectLevels.get(subject);
      if (level != null) {
        return level;
      }
      return globalLevel != null ? globalLevel : DEFAULT_LEVEL;
    });
  }

  private NavigableMap<Integer, SubjectVersion> versionsOf(String subject) {
    NavigableMap<Integer, SubjectVersion> versions = subjects.get(subject);
    return versions == null ? new TreeMap<>() : versions;
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> change) {
    lock.writeLock().lock();
    try {
      return change.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
