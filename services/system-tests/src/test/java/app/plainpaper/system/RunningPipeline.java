package app.plainpaper.system;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.testsupport.PipelineTestBed;
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The whole system for one test class: a real broker, our registry, and the six services as processes. */
final class RunningPipeline implements AutoCloseable {

    static final String DEMO_PASSWORD = "system-test-password";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final PipelineTestBed bed;
    final Path dataDir;
    final int sitePort = ServiceProcess.freePort();
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    RunningPipeline(Path dataDir) {
        this.bed = PipelineTestBed.start();
        this.dataDir = dataDir;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bed.bootstrapServers()))) {
            TopicProvisioner.provision(admin, TopicCatalog.fromClasspath());
        }
        for (String name : List.of("ingestion", "drafting", "disclaimer-check", "accuracy-review", "publishing", "editorial-desk")) {
            services.put(name, process(name));
        }
    }

    ServiceProcess process(String name) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bed.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + bed.registryUrl(),
                "--plainpaper.data-dir=" + dataDir.resolve(name),
                "--plainpaper.site.port=" + sitePort,
                "--plainpaper.site.base-url=http://localhost:" + sitePort,
                "--plainpaper.pipeline.retry.interval=50ms"));
        return new ServiceProcess(name, args, Map.of("PLAINPAPER_DEMO_PASSWORD", DEMO_PASSWORD));
    }

    /** Starts every service; if one never gets healthy, stops them all so no process outlives the test. */
    RunningPipeline start() {
        try {
            services.values().forEach(ServiceProcess::start);
            services.values().forEach(s -> s.awaitHealthy(Duration.ofSeconds(300)));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** POST a paper to ingestion; answers the HTTP status and body. */
    HttpResponse<String> ingest(String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service("ingestion").url("/api/papers")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> desk(String user, String method, String path, String body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(service("editorial-desk").url(path)))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode summary(String summaryId) throws IOException, InterruptedException {
        var response = desk("editor", "GET", "/api/summaries/" + summaryId, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    HttpResponse<String> decide(String user, String summaryId, int revision, String action, String comment)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", revision);
        body.put("action", action);
        body.put("comment", comment);
        return desk(user, "POST", "/api/summaries/" + summaryId + "/decisions", JSON.writeValueAsString(body));
    }

    HttpResponse<String> site(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sitePort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every committed event of one summary on the given topics, decoded through the registry. */
    Map<String, List<SummaryEvent>> eventsOf(String summaryId, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", bed.registryUrl(),
                "specific.avro.reader", "true");
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, Object>(config)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records.stream().filter(r -> summaryId.equals(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::topic, LinkedHashMap::new,
                        Collectors.mapping(r -> (SummaryEvent) r.value(), Collectors.toList())));
    }

    /** The trace id of every record of one summary on the given topics, from the W3C traceparent header. */
    Map<String, List<String>> traceIdsOf(String summaryId, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        Map<String, List<String>> traces = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (summaryId.equals(r.key())) {
                        var header = r.headers().lastHeader("traceparent");
                        String traceId = header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
                        traces.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(traceId);
                    }
                });
            }
        }
        return traces;
    }

    /** Sends a command as the desk would, past the desk's own checks, to test the owning service's. */
    void sendCommand(app.plainpaper.events.EditorialCommand command) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, Object>(Map.of(
                "bootstrap.servers", bed.bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", app.plainpaper.serde.KafkaAvroSerializer.class,
                "schema.registry.url", bed.registryUrl()))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(app.plainpaper.pipeline.Topics.COMMANDS,
                    command.getSummaryId(), command)).get();
        }
    }

    static String resource(String name) throws IOException {
        try (var in = RunningPipeline.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::stop);
    }

    static void deleteQuietly(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
