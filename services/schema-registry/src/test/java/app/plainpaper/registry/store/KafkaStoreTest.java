package app.plainpaper.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.plainpaper.registry.EmbeddedBroker;
import app.plainpaper.registry.RegistryClient;
import app.plainpaper.registry.RegistryClient.Reply;
import app.plainpaper.registry.RunningRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka topic as the only store: restarts lose nothing, instances agree on ids, ids are never
 * reused. One broker for the class; each test has its own store topic.
 */
class KafkaStoreTest {

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  private static RunningRegistry registry(String topic) {
    return RunningRegistry.start(broker.getBrokersAsString(), topic);
  }

  private static String record(String name, String fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"app.plainpaper\","
        + "\"fields\":[" + fields + "]}";
  }

  private static int register(RegistryClient client, String subject, String schema) {
    Reply reply = client.register(subject, schema);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.id();
  }

  @Test
  void createsACompactedTopicWithOnePartition() throws Exception {
    try (RunningRegistry ignored = registry("_schemas_created")) {
      TopicDescription topic = broker.doWithAdminFunction(admin -> get(() ->
          admin.describeTopics(List.of("_schemas_created")).allTopicNames().get()
              .get("_schemas_created")));
      Config config = broker.doWithAdminFunction(admin -> get(() -> {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas_created");
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
      }));

      assertThat(topic.partitions()).hasSize(1);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void refusesAStoreTopicWithSeveralPartitions() {
    broker.addTopics(new NewTopic("_schemas_split", 2, (short) 1));

    assertThatThrownBy(() -> registry("_schemas_split").close())
        .hasStackTraceContaining("has 2 partitions; it needs exactly 1");
  }

  @Test
  void aRestartLosesNothing() {
    String topic = "_schemas_restart";
    Map<String, String> before = new LinkedHashMap<>();
    int firstId;
    int secondId;
    try (RunningRegistry first = registry(topic)) {
      RegistryClient client = first.client();
      firstId = register(client, "paper-value", record("Paper", "{\"name\":\"id\",\"type\":\"string\"}"));
      secondId = register(client, "paper-value", record("Paper", "{\"name\":\"id\",\"type\":\"string\"},"
          + "{\"name\":\"doi\",\"type\":[\"null\",\"string\"],\"default\":null}"));
      register(client, "command-value", "\"string\"");
      register(client, "gone-value", "\"long\"");
      client.put("/config", "{\"compatibility\":\"FULL\"}");
      client.put("/config/paper-value", "{\"compatibility\":\"NONE\"}");
      client.delete("/subjects/command-value/versions/1");
      client.delete("/subjects/gone-value");
      client.delete("/subjects/gone-value?permanent=true");

      for (String path : List.of("/subjects", "/subjects?deleted=true",
          "/subjects/paper-value/versions", "/subjects/paper-value/versions/1",
          "/subjects/paper-value/versions/latest", "/subjects/command-value/versions?deleted=true",
          "/subjects/command-value/versions/1", "/subjects/gone-value/versions?deleted=true",
          "/schemas/ids/" + firstId, "/schemas/ids/" + secondId,
          "/schemas/ids/" + secondId + "/versions", "/config", "/config/paper-value")) {
        before.put(path, client.get(path).status() + " " + client.get(path).text());
      }
    }

    try (RunningRegistry second = registry(topic)) {
      RegistryClient client = second.client();
      Map<String, String> after = new LinkedHashMap<>();
      for (String path : before.keySet()) {
        after.put(path, client.get(path).status() + " " + client.get(path).text());
      }

      assertThat(after).isEqualTo(before);
      assertThat(before.get("/subjects")).isEqualTo("200 [\"paper-value\"]");
      assertThat(before.get("/config")).isEqualTo("200 {\"compatibilityLevel\":\"FULL\"}");
      assertThat(before.get("/subjects/command-value/versions/1")).startsWith("404");
      int next = register(client, "fresh-value", "\"bytes\"");
      assertThat(next).isGreaterThan(secondId);
    }
  }

  @Test
  void twoInstancesRegisteringAtOnceNeverShareAnId() throws Exception {
    String topic = "_schemas_concurrent";
    int perInstance = 25;
    try (RunningRegistry a = registry(topic); RunningRegistry b = registry(topic)) {
      List<RegistryClient> clients = List.of(a.client(), b.client());
      ExecutorService pool = Executors.newFixedThreadPool(2 * perInstance);
      CountDownLatch go = new CountDownLatch(1);
      Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
      List<Future<?>> work = new ArrayList<>();
      try {
        for (int instance = 0; instance < 2; instance++) {
          RegistryClient client = clients.get(instance);
          for (int n = 0; n < perInstance; n++) {
            String subject = "race-" + instance + "-" + n + "-value";
            String schema = record("Race" + instance + "x" + n, "{\"name\":\"n\",\"type\":\"int\"}");
            work.add(pool.submit(() -> {
              go.await();
              idBySubject.put(subject, register(client, subject, schema));
              return null;
            }));
          }
        }
        go.countDown();
        for (Future<?> future : work) {
          future.get(3, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(idBySubject).hasSize(2 * perInstance);
      assertThat(new HashSet<>(idBySubject.values())).hasSize(2 * perInstance);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        for (Map.Entry<String, Integer> entry : idBySubject.entrySet()) {
          for (RegistryClient client : clients) {
            Reply latest = client.get("/subjects/" + entry.getKey() + "/versions/latest");
            assertThat(latest.status()).isEqualTo(200);
            assertThat(latest.id()).isEqualTo(entry.getValue());
          }
        }
      });
      for (int id : idBySubject.values()) {
        assertThat(clients.get(0).get("/schemas/ids/" + id).text())
            .isEqualTo(clients.get(1).get("/schemas/ids/" + id).text());
      }
    }
  }

  @Test
  void twoInstancesWritingOneSubjectAgreeOnSchemaIdsAndVersions() throws Exception {
    String topic = "_schemas_same_subject";
    int schemas = 10;
    try (RunningRegistry a = registry(topic); RunningRegistry b = registry(topic)) {
      List<RegistryClient> clients = List.of(a.client(), b.client());
      clients.get(0).put("/config/shared-value", "{\"compatibility\":\"NONE\"}");
      ExecutorService pool = Executors.newFixedThreadPool(2 * schemas);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<int[]>> work = new ArrayList<>();
      try {
        // Both instances register the same ten schemas into one subject at the same moment.
        for (RegistryClient client : clients) {
          for (int n = 0; n < schemas; n++) {
            String schema = record("Shared" + n, "{\"name\":\"n\",\"type\":\"int\"}");
            int index = n;
            Callable<int[]> task = () -> {
              go.await();
              return new int[] {index, register(client, "shared-value", schema)};
            };
            work.add(pool.submit(task));
          }
        }
        go.countDown();
        Map<Integer, Set<Integer>> idsBySchema = new LinkedHashMap<>();
        for (Future<int[]> future : work) {
          int[] result = future.get(3, TimeUnit.MINUTES);
          idsBySchema.computeIfAbsent(result[0], k -> new HashSet<>()).add(result[1]);
        }

        assertThat(idsBySchema).hasSize(schemas)
            .allSatisfy((schema, ids) -> assertThat(ids).as("ids of schema %d", schema).hasSize(1));
        Set<Integer> distinct = new HashSet<>();
        idsBySchema.values().forEach(distinct::addAll);
        assertThat(distinct).hasSize(schemas);
      } finally {
        pool.shutdownNow();
      }
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        String versionsOnA = clients.get(0).get("/subjects/shared-value/versions").text();
        assertThat(versionsOnA).isEqualTo("[1,2,3,4,5,6,7,8,9,10]");
        assertThat(clients.get(1).get("/subjects/shared-value/versions").text())
            .isEqualTo(versionsOnA);
        for (int version = 1; version <= schemas; version++) {
          String path = "/subjects/shared-value/versions/" + version;
          assertThat(clients.get(1).get(path).text()).isEqualTo(clients.get(0).get(path).text());
        }
      });
    }
  }

  @Test
  void idsAreNotReusedAfterAPermanentDelete() {
    String topic = "_schemas_no_reuse";
    String removed = record("Removed", "{\"name\":\"n\",\"type\":\"int\"}");
    int removedId;
    int laterId;
    try (RunningRegistry first = registry(topic)) {
      RegistryClient client = first.client();
      int keptId = register(client, "kept-value", "\"string\"");
      removedId = register(client, "removed-value", removed);
      assertThat(client.delete("/subjects/removed-value").status()).isEqualTo(200);
      assertThat(client.delete("/subjects/removed-value?permanent=true").status()).isEqualTo(200);
      assertThat(client.get("/schemas/ids/" + removedId).status()).isEqualTo(404);

      laterId = register(client, "later-value", "\"long\"");
      assertThat(laterId).isGreaterThan(removedId).isNotEqualTo(keptId);
    }
    try (RunningRegistry second = registry(topic)) {
      RegistryClient client = second.client();
      int afterRestart = register(client, "after-restart-value", "\"double\"");
      assertThat(afterRestart).isGreaterThan(laterId);
      // An id names one schema for good: the same schema registered again gets its old id back.
      assertThat(register(client, "removed-value", removed)).isEqualTo(removedId);
      assertThat(client.get("/subjects/removed-value/versions").text()).isEqualTo("[2]");
    }
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private static <T> T get(Call<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
