package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;

/**
 * Our serde against npm's {@code kafkajs} and {@code @kafkajs/confluent-schema-registry}, on the
 * real broker and our registry: the JS client reads what Java wrote, and Java reads what the JS
 * client registered and wrote. Needs Node.js and npm on the PATH; fails (never skips) without them.
 */
@ExtendWith(LiveRegistry.class)
class NpmClientInteropTest {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "interop-node");
    private static final Duration NPM_CI_LIMIT = Duration.ofMinutes(5);
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installNpmPackages() throws Exception {
        requireTool("node", "--version");
        requireTool("npm", "--version");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Run npmCi = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_CI_LIMIT, "npm-ci.log");
        if (npmCi.exitCode != 0) {
            fail("npm ci failed in " + WORK.toAbsolutePath() + " (exit " + npmCi.exitCode + "):\n" + npmCi.output);
        }
    }

    @Test
    void npmClientsReadOurRecordsAndWeReadTheirs() throws Exception {
        String javaTopic = KafkaClients.newTopic("summaries");
        String jsTopic = KafkaClients.newTopic("editorial-commands");
        String registryUrl = LiveRegistry.registryUrl();

        List<SummaryEvent> sent = List.of(SampleEvents.summaryEvent("s-30", 30), SampleEvents.summaryEvent("s-31", 31));
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), Map.of("schema.registry.url", registryUrl))) {
            for (SummaryEvent event : sent) {
                producer.send(new ProducerRecord<>(javaTopic, event.getSummaryId(), event)).get();
            }
            producer.send(new ProducerRecord<>(javaTopic, "s-30", null)).get();
        }
        int javaSchemaId = LiveRegistry.client().latest(javaTopic + "-value").id();

        List<EditorialCommand> commands = List.of(SampleEvents.approval("s-32"), SampleEvents.edit("s-33"));
        Path schemaFile = WORK.resolve("editorial-command.avsc");
        Path recordsFile = WORK.resolve("editorial-commands.json");
        Path resultFile = WORK.resolve("result.json");
        Files.writeString(schemaFile, EditorialCommand.getClassSchema().toString());
        JSON.writeValue(recordsFile.toFile(), commands.stream().map(NpmClientInteropTest::asAvscJson).toList());
        Files.deleteIfExists(resultFile);

        Map<String, String> env = Map.of(
                "INTEROP_BOOTSTRAP", LiveRegistry.bootstrapServers(),
                "INTEROP_REGISTRY_URL", registryUrl,
                "INTEROP_RESULT_FILE", resultFile.toAbsolutePath().toString(),
                "INTEROP_READ_TOPIC", javaTopic,
                "INTEROP_READ_COUNT", "3",
                "INTEROP_WRITE_TOPIC", jsTopic,
                "INTEROP_WRITE_SUBJECT", jsTopic + "-value",
                "INTEROP_WRITE_SCHEMA", schemaFile.toAbsolutePath().toString(),
                "INTEROP_WRITE_RECORDS", recordsFile.toAbsolutePath().toString(),
                "INTEROP_TIMEOUT_MS", String.valueOf(SCRIPT_LIMIT.minusSeconds(10).toMillis()));
        Run script = run(List.of("node", "interop.mjs"), env, SCRIPT_LIMIT, "interop.log");
        assertThat(script.exitCode).as("node interop.mjs exit code; output:\n%s", script.output).isZero();
        JsonNode result = JSON.readTree(resultFile.toFile());

        // (1) The JS client decoded what our serializer wrote, with the schema from our registry.
        JsonNode read = result.path("read");
        assertThat(read).as(result.toPrettyString()).hasSize(3);
        for (int i = 0; i < sent.size(); i++) {
            SummaryEvent expected = sent.get(i);
            JsonNode record = read.get(i);
            JsonNode value = record.path("value");
            assertThat(record.path("key").asText()).isEqualTo(expected.getSummaryId());
            assertThat(record.path("schemaId").asInt()).isEqualTo(javaSchemaId);
            assertThat(value.path("eventId").asText()).isEqualTo(expected.getEventId());
            assertThat(value.path("summaryId").asText()).isEqualTo(expected.getSummaryId());
            assertThat(value.path("sequence").asLong()).isEqualTo(expected.getSequence());
            assertThat(value.path("revision").asInt()).isEqualTo(expected.getRevision());
            assertThat(value.path("type").asText()).isEqualTo(expected.getType().name());
            assertThat(value.path("state").asText()).isEqualTo(expected.getState().name());
            assertThat(value.path("occurredAt").asLong()).isEqualTo(expected.getOccurredAt().toEpochMilli());
            assertThat(value.path("correlationId").asText()).isEqualTo(expected.getCorrelationId());
            assertThat(value.path("causationId").isNull()).isTrue();
            assertThat(value.path("actor").path("id").asText()).isEqualTo(expected.getActor().getId());
            assertThat(value.path("actor").path("role").asText()).isEqualTo(expected.getActor().getRole().name());
            assertThat(value.path("paper").path("title").asText()).isEqualTo(expected.getPaper().getTitle());
            assertThat(value.path("paper").path("doi").asText()).isEqualTo(expected.getPaper().getDoi());
            assertThat(value.path("paper").path("year").asInt()).isEqualTo(expected.getPaper().getYear());
            assertThat(value.path("paper").path("origin").path("kind").asText())
                    .isEqualTo(expected.getPaper().getOrigin().getKind().name());
            assertThat(value.path("findings")).isEmpty();
        }
        assertThat(read.get(2).path("key").asText()).isEqualTo("s-30");
        assertThat(read.get(2).path("value").isNull()).as("tombstone").isTrue();

        // (2) We decode what the JS client registered in our registry and wrote.
        int jsSchemaId = result.path("written").path("schemaId").asInt();
        assertThat(SchemaNormalization.parsingFingerprint64(LiveRegistry.client().schemaById(jsSchemaId)))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(EditorialCommand.getClassSchema()));
        List<ConsumerRecord<String, Object>> written = KafkaClients.readAll(jsTopic, commands.size(),
                new StringDeserializer(), new KafkaAvroDeserializer(),
                Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "true"));
        for (int i = 0; i < commands.size(); i++) {
            EditorialCommand expected = commands.get(i);
            assertThat(written.get(i).key()).isEqualTo(expected.getSummaryId());
            assertThat(written.get(i).value()).isInstanceOf(EditorialCommand.class);
            EditorialCommand actual = (EditorialCommand) written.get(i).value();
            assertThat(actual.getCommandId()).isEqualTo(expected.getCommandId());
            assertThat(actual.getSummaryId()).isEqualTo(expected.getSummaryId());
            assertThat(actual.getRevision()).isEqualTo(expected.getRevision());
            assertThat(actual.getAction()).isEqualTo(expected.getAction());
            assertThat(actual.getActor()).isEqualTo(expected.getActor());
            assertThat(actual.getComment()).isEqualTo(expected.getComment());
            assertThat(actual.getFindingId()).isEqualTo(expected.getFindingId());
            assertThat(actual.getEdit()).isEqualTo(expected.getEdit());
            assertThat(actual.getIssuedAt()).isEqualTo(expected.getIssuedAt());
            assertThat(actual.getCorrelationId()).isEqualTo(expected.getCorrelationId());
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** The command as avsc expects it in JS: unions unwrapped, enums as symbols, timestamps as millis. */
    private static Map<String, Object> asAvscJson(EditorialCommand command) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", command.getActor().getId());
        actor.put("role", command.getActor().getRole().name());
        actor.put("displayName", command.getActor().getDisplayName());
        actor.put("credentials", command.getActor().getCredentials());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("commandId", command.getCommandId());
        value.put("summaryId", command.getSummaryId());
        value.put("revision", command.getRevision());
        value.put("action", command.getAction().name());
        value.put("actor", actor);
        value.put("comment", command.getComment());
        value.put("findingId", command.getFindingId());
        value.put("edit", command.getEdit() == null ? null : Map.of("sections", command.getEdit().getSections()));
        value.put("issuedAt", command.getIssuedAt().toEpochMilli());
        value.put("correlationId", command.getCorrelationId());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("key", command.getSummaryId());
        record.put("value", value);
        return record;
    }

    private static void requireTool(String tool, String versionFlag) {
        try {
            Run version = run(List.of(tool, versionFlag), Map.of(), Duration.ofSeconds(30), tool + "-version.log");
            if (version.exitCode != 0) {
                fail(tool + " " + versionFlag + " failed (exit " + version.exitCode + "): " + version.output);
            }
        } catch (IOException e) {
            fail("This test needs Node.js (v18 or later) and npm on the PATH to run the npm Kafka clients, but '"
                    + tool + "' could not be started: " + e.getMessage()
                    + ". Install them (e.g. apt-get install nodejs npm) and run the build again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while checking for " + tool);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in the work directory with a bounded wait; output goes to a log file there. */
    private static Run run(List<String> command, Map<String, String> env, Duration limit, String logName)
            throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        File log = WORK.resolve(logName).toFile();
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + limit + "; output:\n"
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }
}
