package app.plainpaper.registry.schema;

import app.plainpaper.registry.compatibility.CompatibilityChecker;
import app.plainpaper.registry.compatibility.CompatibilityLevel;
import app.plainpaper.registry.schema.StoreRecord.IdClaim;
import app.plainpaper.registry.schema.StoreRecord.LevelSetting;
import app.plainpaper.registry.schema.StoreRecord.VersionClaim;
import app.plainpaper.registry.schema.StoreRecord.VersionDeletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's use cases, as Confluent's REST API exposes them. Reads answer from this
 * instance's state; writes first catch up with the log, then append claims and retry when another
 * instance's claim came first.
 */
public final class SchemaRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);
  private static final int MAX_ATTEMPTS = 200;

  private final RegistryState state;
  private final SchemaLog log;
  private final Object writes = new Object();
  // Ids never change meaning, so their parsed schemas can be kept.
  private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

  public SchemaRegistry(RegistryState state, SchemaLog log) {
    this.state = state;
    this.log = log;
  }

  // ---- registration and lookup ----

  /** Registers a schema under a subject, or returns it if already there; idempotent. */
  public RegisteredSchema register(String subject, SchemaRequest request) {
    synchronized (writes) {
      log.catchUp();
      AvroSchemas.Parsed parsed = parse(request);
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        if (attempt > 0) {
          backOff(attempt);
          log.catchUp();
        }
        // One snapshot for the whole decision; the version claim below fails if it went stale.
        RegistryState.SubjectSnapshot subjectNow = state.snapshot(subject);
        OptionalInt knownId = state.idOf(parsed.definition());
        if (knownId.isPresent()) {
          Optional<SubjectVersion> existing = subjectNow.live().stream()
              .filter(version -> version.id() == knownId.getAsInt())
              .findFirst();
          if (existing.isPresent()) {
            return toRegistered(existing.get());
          }
        }
        List<String> problems = incompatibilities(subject, parsed.schema(), subjectNow.live());
        if (!problems.isEmpty()) {
          throw RegistryException.incompatible(subject, problems);
        }
        int id;
        if (knownId.isPresent()) {
          id = knownId.getAsInt();
        } else {
          id = state.maxId() + 1;
          String claim = UUID.randomUUID().toString();
          log.append(new IdClaim(id, claim, parsed.definition()));
          if (!state.idClaimWon(id, claim)) {
            LOG.debug("Lost the claim on id {} (attempt {}); retrying", id, attempt + 1);
            continue;
          }
          parsedById.putIfAbsent(id, parsed.schema());
        }
        int version = subjectNow.nextVersion();
        String claim = UUID.randomUUID().toString();
        log.append(new VersionClaim(subject, version, claim, id));
        if (state.versionClaimWon(subject, version, claim)) {
          return new RegisteredSchema(subject, version, id, state.schema(id).orElseThrow());
        }
        LOG.debug("Lost the claim on {} version {} (attempt {}); retrying", subject, version,
            attempt + 1);
      }
      throw RegistryException.storeError("Register schema operation failed while writing to the"
          + " Kafka store: too many concurrent writers", null);
    }
  }

  /** Finds the version of a subject holding the given schema (Confluent's POST /subjects/{s}). */
  public RegisteredSchema lookup(String subject, SchemaRequest request, boolean includeDeleted) {
    AvroSchemas.Parsed parsed = parse(request);
    List<SubjectVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    OptionalInt id = state.idOf(parsed.definition());
    return versions.stream()
        .filter(version -> id.isPresent() && version.id() == id.getAsInt())
        .reduce((first, second) -> second)
        .map(this::toRegistered)
        .orElseThrow(RegistryException::schemaNotFound);
  }

  // ---- reads ----

  /** The schema with a global id, while some version (live or soft-deleted) still holds it. */
  public SchemaDefinition schemaById(int id) {
    if (state.versionsWithId(id, true).isEmpty()) {
      throw RegistryException.schemaNotFound(id);
    }
    return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
  }

  public List<SubjectVersion> versionsOfId(int id, boolean includeDeleted) {
    schemaById(id);
    return state.versionsWithId(id, includeDeleted);
  }

  public List<String> subjects(boolean includeDeleted) {
    return state.subjects(includeDeleted);
  }

  public List<Integer> versions(String subject, boolean includeDeleted) {
    List<SubjectVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions.stream().map(SubjectVersion::version).toList();
  }

  public RegisteredSchema version(String subject, VersionSpec spec, boolean includeDeleted) {
    List<SubjectVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (spec.latest()) {
      return toRegistered(versions.get(versions.size() - 1));
    }
    int number = spec.number().getAsInt();
    return versions.stream()
        .filter(version -> version.version() == number)
        .findFirst()
        .map(this::toRegistered)
        .orElseThrow(() -> RegistryException.versionNotFound(number));
  }

  // ---- deletes ----

  /** Deletes every version of a subject: soft, or permanent after a soft delete. */
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    synchronized (writes) {
      log.catchUp();
      List<SubjectVersion> existing = state.versions(subject, true);
      if (existing.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      boolean anyLive = existing.stream().anyMatch(SubjectVersion::live);
      if (!permanent && !anyLive) {
        throw RegistryException.subjectSoftDeleted(subject);
      }
      if (permanent && anyLive) {
        throw RegistryException.subjectNotSoftDeleted(subject);
      }
      List<Integer> deleted = new ArrayList<>();
      for (SubjectVersion version : existing) {
        if (permanent || version.live()) {
          log.append(new VersionDeletion(subject, version.version(), permanent));
          deleted.add(version.version());
        }
      }
      return deleted;
    }
  }

  /** Deletes one version: soft, or permanent after a soft delete. */
  public int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
    synchronized (writes) {
      log.catchUp();
      List<SubjectVersion> existing = state.versions(subject, true);
      if (existing.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      SubjectVersion target;
      if (spec.latest()) {
        List<SubjectVersion> candidates = permanent
            ? existing
            : existing.stream().filter(SubjectVersion::live).toList();
        if (candidates.isEmpty()) {
          throw RegistryException.subjectSoftDeleted(subject);
        }
        target = candidates.get(candidates.size() - 1);
      } else {
        int number = spec.number().getAsInt();
        target = existing.stream()
            .filter(version -> version.version() == number)
            .findFirst()
            .orElseThrow(() -> RegistryException.versionNotFound(number));
      }
      if (!permanent && !target.live()) {
        throw RegistryException.versionSoftDeleted(subject, target.version());
      }
      if (permanent && target.live()) {
        throw RegistryException.versionNotSoftDeleted(subject, target.version());
      }
      log.append(new VersionDeletion(subject, target.version(), permanent));
      return target.version();
    }
  }

  // ---- compatibility ----

  /**
   * Checks a schema against a subject without registering it. With a version, only against that
   * version; without one, against what registration would check. Empty when compatible.
   */
  public List<String> checkCompatibility(String subject, VersionSpec spec, SchemaRequest request) {
    AvroSchemas.Parsed parsed = parse(request);
    if (spec == null) {
      return incompatibilities(subject, parsed.schema(), state.versions(subject, false));
    }
    List<SubjectVersion> live = state.versions(subject, false);
    if (spec.latest()) {
      if (live.isEmpty()) {
        return List.of();
      }
      return incompatibilities(subject, parsed.schema(), List.of(live.get(live.size() - 1)));
    }
    if (state.versions(subject, true).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    int number = spec.number().getAsInt();
    SubjectVersion against = live.stream()
        .filter(version -> version.version() == number)
        .findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(number));
    return incompatibilities(subject, parsed.schema(), List.of(against));
  }

  private List<String> incompatibilities(String subject, Schema candidate,
      List<SubjectVersion> previous) {
    CompatibilityLevel level = state.effectiveLevel(subject);
    List<Schema> schemas = previous.stream().map(version -> parsedSchema(version.id())).toList();
    return CompatibilityChecker.incompatibilities(level, candidate, schemas);
  }

  // ---- compatibility levels ----

  public CompatibilityLevel globalLevel() {
    return state.globalLevel().orElse(RegistryState.DEFAULT_LEVEL);
  }

  public void setGlobalLevel(CompatibilityLevel level) {
    synchronized (writes) {
      log.append(new LevelSetting(null, level));
    }
  }

  /** The subject's own level; with {@code defaultToGlobal}, the registry's when it has none. */
  public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> own = state.subjectLevel(subject);
    if (own.isPresent()) {
      return own.get();
    }
    if (defaultToGlobal) {
      return globalLevel();
    }
    throw RegistryException.compatibilityNotConfigured(subject);
  }

  public void setSubjectLevel(String subject, CompatibilityLevel level) {
    synchronized (writes) {
      log.append(new LevelSetting(subject, level));
    }
  }

  /** Removes the subject's own level and returns it; 40401 when it had none (as Confluent). */
  public CompatibilityLevel deleteSubjectLevel(String subject) {
    synchronized (writes) {
      log.catchUp();
      CompatibilityLevel previous = state.subjectLevel(subject)
          .orElseThrow(() -> RegistryException.subjectNotFound(subject));
      log.append(new LevelSetting(subject, null));
      return previous;
    }
  }

  // ---- helpers ----

  /** After losing a claim, wait a little at random so that the winner's next write gets through. */
  private static void backOff(int attempt) {
    long bound = Math.min(200, 5L << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while registering", e);
    }
  }

  private AvroSchemas.Parsed parse(SchemaRequest request) {
    if (request == null) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    return AvroSchemas.parse(request.schemaType(), request.schema(), request.references(),
        this::resolve);
  }

  private SchemaDefinition resolve(SchemaReference reference) {
    return state.version(reference.subject(), reference.version())
        .flatMap(version -> state.schema(version.id()))
        .orElse(null);
  }

  private Schema parsedSchema(int id) {
    return parsedById.computeIfAbsent(id, key -> AvroSchemas.parse(
        state.schema(key).orElseThrow(() -> RegistryException.schemaNotFound(key)),
        this::resolve));
  }

  private RegisteredSchema toRegistered(SubjectVersion version) {
    return new RegisteredSchema(version.subject(), version.version(), version.id(),
        state.schema(version.id()).orElseThrow());
  }
}
