package app.plainpaper.registry.http;

/** Confluent's media types; responses prefer the first, requests may use any JSON one. */
final class MediaTypes {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";

  private MediaTypes() {}
}
