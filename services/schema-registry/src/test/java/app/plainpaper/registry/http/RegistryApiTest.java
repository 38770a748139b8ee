package app.plainpaper.registry.http;

import static app.plainpaper.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.registry.EmbeddedBroker;
import app.plainpaper.registry.RegistryClient;
import app.plainpaper.registry.RegistryClient.Reply;
import app.plainpaper.registry.RunningRegistry;
import app.plainpaper.registry.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/** Every endpoint over real HTTP against one registry on one embedded broker. */
class RegistryApiTest {

  private static EmbeddedKafkaKraftBroker broker;
  private static RunningRegistry registry;
  private static RegistryClient client;

  private static final String SUMMARY_V1 = """
      {"type": "record", "name": "Summary", "namespace": "app.plainpaper",
       "fields": [{"name": "id", "type": "string"}]}""";
  private static final String SUMMARY_V1_REORDERED =
      "{\"namespace\":\"app.plainpaper\",\"fields\":[{\"type\":\"string\",\"name\":\"id\"}],"
          + "\"name\":\"Summary\",\"type\":\"record\"}";
  private static final String SUMMARY_V2 = record(
      "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\",\"default\":0}");
  private static final String SUMMARY_V2_NO_DEFAULT = record(
      "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\"}");

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
    registry = RunningRegistry.start(broker.getBrokersAsString(), "_schemas");
    client = registry.client();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Summary\",\"namespace\":\"app.plainpaper\","
        + "\"fields\":[" + fields + "]}";
  }

  private static int registered(String subject, String schema) {
    Reply reply = client.register(subject, schema);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.id();
  }

  private static void assertError(Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.text()).isEqualTo(errorCode);
    assertThat(reply.json().path("message").asString()).isNotBlank();
    assertThat(reply.contentType()).startsWith(RegistryClient.V1_JSON);
  }

  // ---- probes ----

  @Test
  void answersTheProbesClientsSend() {
    Reply root = client.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.json().isObject()).isTrue();
    assertThat(root.json().size()).isZero();
    assertThat(root.contentType()).startsWith(RegistryClient.V1_JSON);

    assertThat(client.get("/mode").json().path("mode").asString()).isEqualTo("READWRITE");
    assertThat(client.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");

    assertThat(client.getAccepting("/config", "application/json").contentType())
        .startsWith("application/json");
    assertThat(client.getAccepting("/config", "*/*").contentType())
        .startsWith(RegistryClient.V1_JSON);
    assertThat(client.getAccepting("/config", "application/vnd.schemaregistry+json").contentType())
        .startsWith("application/vnd.schemaregistry+json");
  }

  @Test
  void reportsTheKafkaStoreInHealth() {
    JsonNode health = client.get("/actuator/health").json();

    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/kafkaStore/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/kafkaStore/details/topic").asString()).isEqualTo("_schemas");
    assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  // ---- registration ----

  @Test
  void registeringIsIdempotentByCanonicalForm() {
    int id = registered("idempotent-value", SUMMARY_V1);

    assertThat(registered("idempotent-value", SUMMARY_V1_REORDERED)).isEqualTo(id);
    assertThat(registered("idempotent-value", SUMMARY_V1)).isEqualTo(id);
    assertThat(client.get("/subjects/idempotent-value/versions").text()).isEqualTo("[1]");
    // Stored and served in Avro's canonical rendering.
    assertThat(client.get("/schemas/ids/" + id).json().path("schema").asString())
        .isEqualTo("{\"type\":\"record\",\"name\":\"Summary\",\"namespace\":\"app.plainpaper\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
  }

  @Test
  void theSameSchemaUnderAnotherSubjectKeepsItsGlobalId() {
    String schema = record("{\"name\":\"shared\",\"type\":\"long\"}");
    int id = registered("shared-a-value", schema);
    registered("shared-a-value", record("{\"name\":\"shared\",\"type\":\"long\"},"
        + "{\"name\":\"more\",\"type\":\"string\",\"default\":\"\"}"));

    assertThat(registered("shared-b-value", schema)).isEqualTo(id);
    JsonNode version = client.get("/subjects/shared-b-value/versions/1").json();
    assertThat(version.path("id").asInt()).isEqualTo(id);
    assertThat(version.path("version").asInt()).isEqualTo(1);

    JsonNode usages = client.get("/schemas/ids/" + id + "/versions").json();
    assertThat(usages).hasSize(2);
    assertThat(usages.get(0).path("subject").asString()).isEqualTo("shared-a-value");
    assertThat(usages.get(0).path("version").asInt()).isEqualTo(1);
    assertThat(usages.get(1).path("subject").asString()).isEqualTo("shared-b-value");
  }

  @Test
  void differentSchemasGetDifferentIds() {
    int first = registered("distinct-value", "\"string\"");
    CompatibilityLevel none = CompatibilityLevel.NONE;
    client.put("/config/distinct-value", "{\"compatibility\":\"" + none + "\"}");
    int second = registered("distinct-value", "\"long\"");

    assertThat(second).isNotEqualTo(first);
    assertThat(client.get("/subjects/distinct-value/versions").text()).isEqualTo("[1,2]");
  }

  @Test
  void acceptsRecordNameSubjectsWithDots() {
    int id = registered("app.plainpaper.Summary", SUMMARY_V1);

    JsonNode latest = client.get("/subjects/app.plainpaper.Summary/versions/latest").json();
    assertThat(latest.path("subject").asString()).isEqualTo("app.plainpaper.Summary");
    assertThat(latest.path("id").asInt()).isEqualTo(id);
    assertThat(client.get("/subjects").json()).extracting(JsonNode::asString)
        .contains("app.plainpaper.Summary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.schemaregistry.v1+json",
      "application/vnd.schemaregistry+json", "application/json", "application/octet-stream"})
  void acceptsEveryConfluentRequestContentType(String contentType) {
    String subject = "content-" + contentType.replaceAll("[^a-z]", "") + "-value";
    Reply reply = client.send("POST", "/subjects/" + subject + "/versions",
        schemaBody("\"bytes\""), contentType);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(RegistryClient.V1_JSON);
    assertThat(client.get("/subjects/" + subject + "/versions/latest").json().path("id").asInt())
        .isEqualTo(reply.id());
  }

  @Test
  void rejectsInvalidSchemasAndBodies() {
    assertError(client.register("invalid-value", "{\"type\":\"record\",\"name\":\"X\"}"), 422, 42201);
    assertError(client.register("invalid-value", "not json"), 422, 42201);
    assertError(client.register("invalid-value", "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"n\",\"type\":\"int\",\"default\":\"nope\"}]}"), 422, 42201);
    assertError(client.post("/subjects/invalid-value/versions", "{}"), 422, 42201);
    assertError(client.post("/subjects/invalid-value/versions",
        "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
    assertError(client.post("/subjects/invalid-value/versions", "{\"schema\": "), 400, 400);
    assertError(client.send("POST", "/subjects/invalid-value/versions", null, null), 400, 400);
    assertError(client.post("/subjects/invalid-value/versions", "[\"schema\"]"), 400, 400);
    assertError(client.get("/subjects/invalid-value/versions"), 404, 40401);
  }

  // ---- lookup ----

  @Test
  void looksUpASchemaUnderASubject() {
    int id = registered("lookup-value", SUMMARY_V1);

    Reply found = client.post("/subjects/lookup-value", schemaBody(SUMMARY_V1_REORDERED));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().path("subject").asString()).isEqualTo("lookup-value");
    assertThat(found.json().path("id").asInt()).isEqualTo(id);
    assertThat(found.json().path("version").asInt()).isEqualTo(1);
    assertThat(found.json().path("schema").asString()).contains("\"name\":\"Summary\"");

    assertError(client.post("/subjects/lookup-missing-value", schemaBody(SUMMARY_V1)), 404, 40401);
    assertError(client.post("/subjects/lookup-value", schemaBody("\"int\"")), 404, 40403);
    assertError(client.post("/subjects/lookup-value", schemaBody("{bad")), 422, 42201);
  }

  // ---- reads ----

  @Test
  void servesSchemasById() {
    int id = registered("by-id-value", "\"float\"");

    Reply reply = client.get("/schemas/ids/" + id);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("schema").asString()).isEqualTo("\"float\"");
    assertThat(reply.json().has("references")).isFalse();
    assertThat(client.get("/schemas/ids/" + id + "/schema").text()).isEqualTo("\"float\"");

    assertError(client.get("/schemas/ids/999999"), 404, 40403);
    assertError(client.get("/schemas/ids/999999/versions"), 404, 40403);
    assertThat(client.get("/schemas/ids/not-a-number").status()).isEqualTo(404);
  }

  @Test
  void servesVersionsOfASubject() {
    int first = registered("versions-value", SUMMARY_V1);
    int second = registered("versions-value", SUMMARY_V2);

    assertThat(client.get("/subjects/versions-value/versions").text()).isEqualTo("[1,2]");
    for (String latest : List.of("latest", "-1", "LATEST")) {
      JsonNode version = client.get("/subjects/versions-value/versions/" + latest).json();
      assertThat(version.path("subject").asString()).isEqualTo("versions-value");
      assertThat(version.path("version").asInt()).isEqualTo(2);
      assertThat(version.path("id").asInt()).isEqualTo(second);
    }
    JsonNode v1 = client.get("/subjects/versions-value/versions/1").json();
    assertThat(v1.path("id").asInt()).isEqualTo(first);
    assertThat(v1.path("schema").asString()).doesNotContain("pages");

    Reply raw = client.get("/subjects/versions-value/versions/2/schema");
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.json().path("fields").get(1).path("name").asString()).isEqualTo("pages");

    assertThat(client.get("/subjects").json()).extracting(JsonNode::asString)
        .contains("versions-value");

    assertError(client.get("/subjects/versions-value/versions/3"), 404, 40402);
    assertError(client.get("/subjects/versions-missing/versions/1"), 404, 40401);
    assertError(client.get("/subjects/versions-missing/versions/latest"), 404, 40401);
    assertError(client.get("/subjects/versions-value/versions/0"), 422, 42202);
    assertError(client.get("/subjects/versions-value/versions/one"), 422, 42202);
    assertThat(client.get("/subjects/versions-value/versions/one").json().path("message").asString())
        .isEqualTo("The specified version 'one' is not a valid version id. Allowed values are"
            + " between [1, 2^31-1] and the string \"latest\"");
  }

  // ---- deletes ----

  @Test
  void softAndPermanentDeleteOfAVersion() {
    client.put("/config/delete-version-value", "{\"compatibility\":\"NONE\"}");
    int first = registered("delete-version-value", "\"int\"");
    registered("delete-version-value", "\"string\"");

    assertError(client.delete("/subjects/delete-version-value/versions/1?permanent=true"), 404, 40407);
    Reply soft = client.delete("/subjects/delete-version-value/versions/1");
    assertThat(soft.status()).isEqualTo(200);
    assertThat(soft.text()).isEqualTo("1");

    assertThat(client.get("/subjects/delete-version-value/versions").text()).isEqualTo("[2]");
    assertThat(client.get("/subjects/delete-version-value/versions?deleted=true").text())
        .isEqualTo("[1,2]");
    assertError(client.get("/subjects/delete-version-value/versions/1"), 404, 40402);
    assertThat(client.get("/subjects/delete-version-value/versions/1?deleted=true").json()
        .path("id").asInt()).isEqualTo(first);
    // Soft-deleted schemas still decode: the id keeps answering.
    assertThat(client.get("/schemas/ids/" + first).status()).isEqualTo(200);
    assertThat(client.get("/schemas/ids/" + first + "/versions").text()).isEqualTo("[]");
    assertThat(client.get("/schemas/ids/" + first + "/versions?deleted=true").json()).hasSize(1);
    assertError(client.post("/subjects/delete-version-value", schemaBody("\"int\"")), 404, 40403);
    assertThat(client.post("/subjects/delete-version-value?deleted=true", schemaBody("\"int\""))
        .json().path("version").asInt()).isEqualTo(1);

    assertError(client.delete("/subjects/delete-version-value/versions/1"), 404, 40406);
    Reply permanent = client.delete("/subjects/delete-version-value/versions/1?permanent=true");
    assertThat(permanent.status()).isEqualTo(200);
    assertThat(permanent.text()).isEqualTo("1");

    assertThat(client.get("/subjects/delete-version-value/versions?deleted=true").text())
        .isEqualTo("[2]");
    assertError(client.get("/subjects/delete-version-value/versions/1?deleted=true"), 404, 40402);
    assertError(client.get("/schemas/ids/" + first), 404, 40403);
    assertError(client.delete("/subjects/delete-version-value/versions/1?permanent=true"), 404, 40402);
    assertError(client.delete("/subjects/delete-version-value/versions/7"), 404, 40402);
    assertError(client.delete("/subjects/delete-version-value/versions/x"), 422, 42202);
    assertError(client.delete("/subjects/delete-version-missing/versions/1"), 404, 40401);
  }

  @Test
  void softAndPermanentDeleteOfASubject() {
    registered("delete-subject-value", SUMMARY_V1);
    registered("delete-subject-value", SUMMARY_V2);

    assertError(client.delete("/subjects/delete-subject-value?permanent=true"), 404, 40405);
    Reply soft = client.delete("/subjects/delete-subject-value");
    assertThat(soft.status()).isEqualTo(200);
    assertThat(soft.text()).isEqualTo("[1,2]");

    assertThat(client.get("/subjects").json()).extracting(JsonNode::asString)
        .doesNotContain("delete-subject-value");
    assertThat(client.get("/subjects?deleted=true").json()).extracting(JsonNode::asString)
        .contains("delete-subject-value");
    assertError(client.get("/subjects/delete-subject-value/versions"), 404, 40401);
    assertError(client.get("/subjects/delete-subject-value/versions/latest"), 404, 40401);
    assertThat(client.get("/subjects/delete-subject-value/versions?deleted=true").text())
        .isEqualTo("[1,2]");
    assertError(client.delete("/subjects/delete-subject-value"), 404, 40404);

    Reply permanent = client.delete("/subjects/delete-subject-value?permanent=true");
    assertThat(permanent.status()).isEqualTo(200);
    assertThat(permanent.text()).isEqualTo("[1,2]");
    assertThat(client.get("/subjects?deleted=true").json()).extracting(JsonNode::asString)
        .doesNotContain("delete-subject-value");
    assertError(client.delete("/subjects/delete-subject-value?permanent=true"), 404, 40401);
    assertError(client.delete("/subjects/delete-subject-missing"), 404, 40401);
  }

  @Test
  void reRegisteringASoftDeletedSchemaBringsItBack() {
    int id = registered("revive-value", SUMMARY_V1);
    client.delete("/subjects/revive-value");
    assertError(client.get("/subjects/revive-value/versions/latest"), 404, 40401);

    assertThat(registered("revive-value", SUMMARY_V1)).isEqualTo(id);

    JsonNode latest = client.get("/subjects/revive-value/versions/latest").json();
    assertThat(latest.path("id").asInt()).isEqualTo(id);
    assertThat(latest.path("version").asInt()).isEqualTo(2);
    assertThat(client.get("/subjects/revive-value/versions").text()).isEqualTo("[2]");
    assertThat(client.get("/subjects").json()).extracting(JsonNode::asString)
        .contains("revive-value");
  }

  // ---- compatibility ----

  @Test
  void refusesAnIncompatibleSchemaWithConfluentsConflict() {
    registered("conflict-value", SUMMARY_V1);

    Reply reply = client.register("conflict-value", SUMMARY_V2_NO_DEFAULT);
    assertError(reply, 409, 409);
    assertThat(reply.json().path("message").asString())
        .startsWith("Schema being registered is incompatible with an earlier schema for subject"
            + " \"conflict-value\", details: [")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(client.get("/subjects/conflict-value/versions").text()).isEqualTo("[1]");
  }

  @Test
  void testsCompatibilityWithoutRegistering() {
    registered("check-value", SUMMARY_V1);

    Reply ok = client.post("/compatibility/subjects/check-value/versions/latest",
        schemaBody(SUMMARY_V2));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.text()).isEqualTo("{\"is_compatible\":true}");

    Reply bad = client.post("/compatibility/subjects/check-value/versions/1?verbose=true",
        schemaBody(SUMMARY_V2_NO_DEFAULT));
    assertThat(bad.json().path("is_compatible").asBoolean()).isFalse();
    assertThat(bad.json().path("messages")).singleElement()
        .satisfies(message -> assertThat(message.asString()).contains("pages"));
    assertThat(client.post("/compatibility/subjects/check-value/versions/latest",
        schemaBody(SUMMARY_V2_NO_DEFAULT)).text()).isEqualTo("{\"is_compatible\":false}");
    assertThat(client.post("/compatibility/subjects/check-value/versions?verbose=true",
        schemaBody(SUMMARY_V2)).text()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    assertThat(client.get("/subjects/check-value/versions").text()).isEqualTo("[1]");

    assertThat(client.post("/compatibility/subjects/check-new-value/versions/latest",
        schemaBody("\"int\"")).json().path("is_compatible").asBoolean()).isTrue();
    assertError(client.post("/compatibility/subjects/check-new-value/versions/1",
        schemaBody("\"int\"")), 404, 40401);
    assertError(client.post("/compatibility/subjects/check-value/versions/5",
        schemaBody("\"int\"")), 404, 40402);
    assertError(client.post("/compatibility/subjects/check-value/versions/zero",
        schemaBody("\"int\"")), 422, 42202);
    assertError(client.post("/compatibility/subjects/check-value/versions/latest",
        schemaBody("{oops")), 422, 42201);
  }

  /**
   * Three histories per level, decided over HTTP: promoting int to long (backward only), then a
   * history where only the transitive backward check fails, then one where only the transitive
   * forward check fails.
   */
  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void enforcesEveryCompatibilityLevel(CompatibilityLevel level) {
    String prefix = "level-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-');
    String id = "{\"name\":\"id\",\"type\":\"string\"}";
    String pagesDefault = "{\"name\":\"pages\",\"type\":\"int\",\"default\":0}";
    String pagesRequired = "{\"name\":\"pages\",\"type\":\"int\"}";

    List<Boolean> outcomes = new ArrayList<>();
    outcomes.add(tryHistory(prefix + "-promotion", level, List.of(
        record("{\"name\":\"n\",\"type\":\"int\"}"), record("{\"name\":\"n\",\"type\":\"long\"}"))));
    outcomes.add(tryHistory(prefix + "-backward", level, List.of(
        record(id), record(id + "," + pagesDefault), record(id + "," + pagesRequired))));
    outcomes.add(tryHistory(prefix + "-forward", level, List.of(
        record(id + "," + pagesRequired), record(id + "," + pagesDefault), record(id))));

    boolean promotionOk = !level.oldReadsNew();
    boolean backwardHistoryOk = !(level.newReadsOld() && level.transitive());
    boolean forwardHistoryOk = !(level.oldReadsNew() && level.transitive());
    assertThat(outcomes).as(level.name())
        .containsExactly(promotionOk, backwardHistoryOk, forwardHistoryOk);
  }

  /** Registers all but the last schema, then reports whether the last one is accepted. */
  private boolean tryHistory(String subject, CompatibilityLevel level, List<String> schemas) {
    Reply set = client.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
    assertThat(set.status()).isEqualTo(200);
    for (String schema : schemas.subList(0, schemas.size() - 1)) {
      registered(subject, schema);
    }
    client.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
    String candidate = schemas.get(schemas.size() - 1);
    boolean predicted = client.post("/compatibility/subjects/" + subject + "/versions",
        schemaBody(candidate)).json().path("is_compatible").asBoolean();
    Reply reply = client.register(subject, candidate);
    assertThat(reply.status()).as(reply.text()).isIn(200, 409);
    boolean accepted = reply.status() == 200;
    assertThat(predicted).as("compatibility endpoint agrees with registration").isEqualTo(accepted);
    return accepted;
  }

  // ---- config ----

  @Test
  void readsAndWritesCompatibilityLevels() {
    try {
      assertThat(client.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

      Reply set = client.put("/config", "{\"compatibility\":\"full\"}");
      assertThat(set.status()).isEqualTo(200);
      assertThat(set.text()).isEqualTo("{\"compatibility\":\"FULL\"}");
      assertThat(client.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

      assertError(client.get("/config/config-value"), 404, 40408);
      assertThat(client.get("/config/config-value?defaultToGlobal=true").text())
          .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

      assertThat(client.put("/config/config-value", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}")
          .text()).isEqualTo("{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
      assertThat(client.get("/config/config-value").text())
          .isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
      assertThat(client.get("/config/config-value?defaultToGlobal=true").text())
          .isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");

      Reply deleted = client.delete("/config/config-value");
      assertThat(deleted.status()).isEqualTo(200);
      assertThat(deleted.text()).isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
      assertError(client.get("/config/config-value"), 404, 40408);
      assertError(client.delete("/config/config-value"), 404, 40401);

      assertError(client.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
      assertError(client.put("/config/config-value", "{}"), 422, 42203);
      assertThat(client.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    } finally {
      client.put("/config", "{\"compatibility\":\"BACKWARD\"}");
    }
  }

  @Test
  void theGlobalLevelGovernsSubjectsWithoutTheirOwn() {
    registered("global-level-value", record("{\"name\":\"n\",\"type\":\"int\"}"));
    try {
      client.put("/config", "{\"compatibility\":\"FORWARD\"}");
      assertError(client.register("global-level-value",
          record("{\"name\":\"n\",\"type\":\"long\"}")), 409, 409);
    } finally {
      client.put("/config", "{\"compatibility\":\"BACKWARD\"}");
    }
    assertThat(client.register("global-level-value",
        record("{\"name\":\"n\",\"type\":\"long\"}")).status()).isEqualTo(200);
  }

  // ---- references ----

  @Test
  void resolvesSchemaReferences() {
    String author = "{\"type\":\"record\",\"name\":\"Author\",\"namespace\":\"app.plainpaper\","
        + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
    registered("author-value", author);
    String summary = "{\"type\":\"record\",\"name\":\"Paper\",\"namespace\":\"app.plainpaper\","
        + "\"fields\":[{\"name\":\"author\",\"type\":\"app.plainpaper.Author\"}]}";
    String references = ",\"references\":[{\"name\":\"app.plainpaper.Author\","
        + "\"subject\":\"author-value\",\"version\":1}]}";
    String body = schemaBody(summary);
    body = body.substring(0, body.length() - 1) + references;

    Reply reply = client.post("/subjects/paper-value/versions", body);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);

    JsonNode byId = client.get("/schemas/ids/" + reply.id()).json();
    // The referenced type is named, not inlined (Avro writes it relative to the namespace).
    assertThat(byId.path("schema").asString()).isEqualTo("{\"type\":\"record\",\"name\":\"Paper\","
        + "\"namespace\":\"app.plainpaper\",\"fields\":[{\"name\":\"author\",\"type\":\"Author\"}]}");
    assertThat(byId.at("/references/0/subject").asString()).isEqualTo("author-value");
    assertThat(byId.at("/references/0/version").asInt()).isEqualTo(1);
    assertThat(client.get("/subjects/paper-value/versions/1").json()
        .at("/references/0/name").asString()).isEqualTo("app.plainpaper.Author");
    assertThat(client.post("/subjects/paper-value", body).json().path("id").asInt())
        .isEqualTo(reply.id());

    assertError(client.post("/subjects/paper-value/versions", schemaBody(summary)), 422, 42201);
    String dangling = schemaBody(summary);
    dangling = dangling.substring(0, dangling.length() - 1)
        + references.replace("author-value", "nobody-value");
    assertError(client.post("/subjects/paper-value/versions", dangling), 422, 42201);
  }

  // ---- unknown routes ----

  @Test
  void unknownRoutesAnswerInConfluentsErrorShape() {
    Reply reply = client.get("/no/such/route");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(404);
    assertThat(client.send("PATCH", "/config", "{}", RegistryClient.V1_JSON).status())
        .isEqualTo(405);
  }
}
