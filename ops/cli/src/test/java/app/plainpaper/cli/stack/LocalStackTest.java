package app.plainpaper.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plainpaper.cli.process.TinyService;
import app.plainpaper.topics.TopicCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing, small: the broker from ops/kafka-broker/target/lib plus a stand-in service jar, on free ports,
 * brought up, found running, brought up again (left alone), brought down, and up again with its data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String PASSWORD = "test-password-1";

    @TempDir
    static Path home;
    @TempDir
    static Path tinyModule;
    @TempDir
    static Path unbuiltModule;

    private static StackFile stack;
    private static Workspace workspace;
    private static int kafkaPort;
    private static int tinyPort;
    private static long firstKafkaPid;

    @BeforeAll
    static void declareStack() throws IOException {
        kafkaPort = freePort();
        int controllerPort = freePort();
        tinyPort = freePort();
        writeTinyJar(tinyModule.resolve("target").resolve("tiny-0.1-exec.jar"));
        stack = StackFile.parse(List.of(
                "kafka kind=kafka module=ops/kafka-broker port=" + kafkaPort + " controller-port=" + controllerPort + " stage=0",
                "tiny kind=spring-boot module=" + tinyModule + " port=" + tinyPort + " health=/actuator/health stage=1",
                "later kind=spring-boot module=services/not-written-yet port=" + freePort() + " health=/h stage=1",
                "unbuilt kind=spring-boot module=" + unbuiltModule + " port=" + freePort() + " health=/h stage=1"), "test-stack");
        workspace = new Workspace(REPO, home);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack(new StringWriter()).down();
        }
    }

    private static LocalStack stack(StringWriter output) {
        LocalStack.Settings defaults = LocalStack.Settings.defaults();
        LocalStack.Settings settings = new LocalStack.Settings(false, defaults.buildCommand(), Duration.ofSeconds(90),
                Duration.ofSeconds(60), Duration.ofSeconds(30), true);
        return new LocalStack(workspace, stack, Map.of(), settings, new PrintWriter(output, true));
    }

    @Test
    @Order(1)
    void upFormatsStartsProvisionsAndHandsTheServiceItsSettings() throws Exception {
        StringWriter output = new StringWriter();

        boolean up = stack(output).up(PASSWORD);

        assertThat(up).as(output.toString()).isTrue();
        assertThat(output.toString())
                .contains("formatting storage in " + home.resolve("data/kafka"))
                .containsPattern("kafka +healthy after")
                .containsPattern("tiny +healthy after")
                .contains("later             skipped: services/not-written-yet does not exist yet")
                .contains("unbuilt           skipped: not built (no jar in " + unbuiltModule + "/target)");
        try (Admin admin = admin()) {
            // The broker learns of new topics from the controller a moment after they are created.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .containsAll(TopicCatalog.load(REPO.resolve("ops/topics")).names()));
        }
        List<String> started = Files.readAllLines(home.resolve("data/tiny/started.txt"));
        assertThat(started).contains("--server.port=" + tinyPort, "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "--plainpaper.data-dir=" + home.resolve("data/tiny"), "PLAINPAPER_DEMO_PASSWORD=" + PASSWORD,
                "--plainpaper.readers.mail.transport=files", "--plainpaper.readers.mail.directory=" + home.resolve("mail"));
        assertThat(Files.readString(home.resolve("kafka/server.properties")))
                .contains("log.dirs=" + home.resolve("data/kafka"))
                .contains("advertised.listeners=PLAINTEXT://localhost:" + kafkaPort);

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("summary.ingested", "summary-1", "kept across restarts")).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(2)
    void statusShowsEachRunningPartHealthyAndUpLeavesThemAlone() {
        List<LocalStack.PartStatus> statuses = stack(new StringWriter()).status();
        assertThat(statuses).extracting(LocalStack.PartStatus::state).containsExactly("healthy", "healthy", "not in repo", "stopped");
        assertThat(statuses.get(0).rssKilobytes()).hasValueSatisfying(kb -> assertThat(kb).isGreaterThan(10_000));
        firstKafkaPid = statuses.get(0).pid().orElseThrow();
        long tinyPid = statuses.get(1).pid().orElseThrow();

        StringWriter output = new StringWriter();
        assertThat(stack(output).up(PASSWORD)).isTrue();

        assertThat(output.toString()).contains("kafka             already running (pid " + firstKafkaPid + ")")
                .contains("tiny              already running (pid " + tinyPid + ")")
                .doesNotContain("started (pid");
    }

    @Test
    @Order(3)
    void downStopsEverythingAndUpAgainKeepsTheData() throws Exception {
        StringWriter down = new StringWriter();
        stack(down).down();

        assertThat(down.toString()).containsPattern("tiny +stopped \\(pid").containsPattern("kafka +stopped \\(pid");
        assertThat(ProcessHandle.of(firstKafkaPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(stack(new StringWriter()).status()).extracting(LocalStack.PartStatus::state)
                .containsExactly("stopped", "stopped", "not in repo", "stopped");
        try (Stream<Path> pids = Files.list(home.resolve("run"))) {
            assertThat(pids).isEmpty();
        }

        StringWriter again = new StringWriter();
        assertThat(stack(again).up(PASSWORD)).as(again.toString()).isTrue();
        assertThat(again.toString()).doesNotContain("formatting").contains("0 created");

        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("summary.ingested"));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("summary-1", "kept across restarts"));
        }
    }

    @Test
    @Order(4)
    void refusesToStartOnAPortTakenByAnotherProgram(@TempDir Path otherHome) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            StackFile blocked = StackFile.parse(List.of("kafka kind=kafka module=ops/kafka-broker port="
                    + taken.getLocalPort() + " controller-port=" + freePort() + " stage=0"), "blocked-stack");
            StringWriter output = new StringWriter();
            LocalStack local = new LocalStack(new Workspace(REPO, otherHome), blocked, Map.of(),
                    LocalStack.Settings.defaults(), new PrintWriter(output, true));

            assertThat(local.up(PASSWORD)).isFalse();
            assertThat(output.toString()).contains("port " + taken.getLocalPort() + " is taken by a program this stack did not start");
            assertThat(otherHome.resolve("run/kafka.pid")).doesNotExist();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    /** An executable jar of the stand-in service, built from its compiled classes. */
    private static void writeTinyJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyService.class.getName());
        Path classes = Path.of(TinyService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        String packagePath = TinyService.class.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> compiled = Files.list(classes.resolve(packagePath))) {
            for (Path cls : compiled.filter(p -> p.getFileName().toString().startsWith("TinyService")).toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + cls.getFileName()));
                out.write(Files.readAllBytes(cls));
                out.closeEntry();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
