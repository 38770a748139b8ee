package app.plainpaper.testsupport;

import app.plainpaper.registry.SchemaRegistryApplication;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;
import java.util.UUID;

/**
 * One real KRaft broker and one real schema registry (ours, over HTTP) for the whole test JVM. Starting them once
 * keeps suites fast on a two-core machine; tests isolate themselves by summary id, not by broker.
 */
public final class PipelineTestBed {

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext registry;
    private static String registryUrl;

    private PipelineTestBed() {
    }

    public static synchronized PipelineTestBed start() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.min.isr", "1");
            broker.afterPropertiesSet();
            registry = registry(broker.getBrokersAsString(), 0, "schema-registry-test");
            registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
            Runtime.getRuntime().addShutdownHook(new Thread(PipelineTestBed::stop));
        }
        return new PipelineTestBed();
    }

    /**
     * Our schema registry on {@code port} (0: any free port) against {@code bootstrapServers}. It shares the test JVM
     * with whatever service is under test; that service's security (if any) stays off the registry, as it is in
     * production where each runs alone.
     */
    public static ConfigurableApplicationContext registry(String bootstrapServers, int port, String applicationName) {
        return SpringApplication.run(SchemaRegistryApplication.class,
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.application.name=" + applicationName,
                "--logging.level.root=WARN",
                "--spring.autoconfigure.exclude=" + String.join(",",
                        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"));
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String registryUrl() {
        return registryUrl;
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    /**
     * A consumer of this test bed that reads committed records from the start, in a group of its own, and decodes
     * values through the registry into the generated Avro classes.
     */
    public Map<String, Object> avroConsumer() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", registryUrl,
                "specific.avro.reader", "true");
    }

    /** A producer of this test bed: string keys, Avro values registered through the registry. */
    public Map<String, Object> avroProducer() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", registryUrl);
    }

    /** Arguments that point a Spring Boot service at this test bed. */
    public String[] serviceArgs(String... more) {
        String[] base = {
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--server.port=0",
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static synchronized void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }
}
