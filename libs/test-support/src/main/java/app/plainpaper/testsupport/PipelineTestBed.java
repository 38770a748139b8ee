package app.plainpaper.testsupport;

import app.plainpaper.registry.SchemaRegistryApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

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
