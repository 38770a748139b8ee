package app.plainpaper.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Talks to a running registry over real HTTP, as Confluent's clients do. */
public final class RegistryClient {

  public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response: status, content type and body (parsed when JSON). */
  public record Reply(int status, String contentType, String text) {

    public JsonNode json() {
      return JSON.readTree(text);
    }

    public int errorCode() {
      return json().path("error_code").asInt();
    }

    public int id() {
      return json().path("id").asInt();
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public RegistryClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public Reply get(String path) {
    return send("GET", path, null, V1_JSON);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, V1_JSON);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body, V1_JSON);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body, V1_JSON);
  }

  public Reply send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, V1_JSON
        + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5");
  }

  /** GET with a chosen Accept header. */
  public Reply getAccepting(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  private Reply send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(120))
        .header("Accept", accept);
    if (body == null) {
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Registers a schema under a subject and returns the reply. */
  public Reply register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  /** {@code {"schema": "<schema>"}} with the schema JSON-escaped, as clients send it. */
  public static String schemaBody(String schema) {
    ObjectNode body = JSON.createObjectNode();
    body.put("schema", schema);
    return JSON.writeValueAsString(body);
  }
}
