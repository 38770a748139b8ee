package app.plainpaper.registry.schema;

/**
 * A failure with Confluent's HTTP status, error code and message, so that clients written for
 * Confluent's registry react to it unchanged.
 */
public final class RegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public RegistryException(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, null);
  }

  public RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  // Texts follow Confluent's io.confluent.kafka.schemaregistry.rest.exceptions.Errors.

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(int version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  public static RegistryException schemaNotFound(int id) {
    return new RegistryException(404, 40403, "Schema " + id + " not found");
  }

  public static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(404, 40404,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(404, 40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static RegistryException versionSoftDeleted(String subject, int version) {
    return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
        + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException versionNotSoftDeleted(String subject, int version) {
    return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
        + " was not deleted first before being permanently deleted");
  }

  public static RegistryException compatibilityNotConfigured(String subject) {
    return new RegistryException(404, 40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException incompatible(String subject, Object details) {
    return new RegistryException(409, 409, "Schema being registered is incompatible with an"
        + " earlier schema for subject \"" + subject + "\", details: " + details);
  }

  public static RegistryException invalidSchema(String message) {
    return new RegistryException(422, 42201, message);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
        + " \"latest\"");
  }

  public static RegistryException invalidCompatibilityLevel() {
    return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none,"
        + " backward, forward, full, backward_transitive, forward_transitive, and"
        + " full_transitive");
  }

  public static RegistryException storeError(String message, Throwable cause) {
    return new RegistryException(500, 50001, message, cause);
  }
}
