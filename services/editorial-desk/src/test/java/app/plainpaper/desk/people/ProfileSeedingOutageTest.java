package app.plainpaper.desk.people;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.desk.EditorialDeskApplication;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A desk that starts while its schema registry is down: it starts all the same, seeding fails and is tried again in
 * the background, and the profile is published once the registry answers. A broker and registry of this class's own
 * (the shared test bed must stay up for the other classes).
 */
class ProfileSeedingOutageTest {

    static final String PASSWORD = "desk-seeding-outage-password";

    EmbeddedKafkaKraftBroker broker;
    ConfigurableApplicationContext registry;
    ConfigurableApplicationContext desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aDeskStartsWhileTheRegistryIsDownAndSeedsOnceItIsBack() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("transaction.state.log.num.partitions", "1");
        broker.afterPropertiesSet();
        int registryPort;
        try (var free = new ServerSocket(0)) {
            registryPort = free.getLocalPort();
        }

        desk = new SpringApplicationBuilder(EditorialDeskApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=http://localhost:" + registryPort,
                "--server.port=0",
                "--plainpaper.desk.demo.enabled=false",
                "--plainpaper.desk.users[0].username=reviewer",
                "--plainpaper.desk.users[0].password-hash="
                        + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD),
                "--plainpaper.desk.users[0].roles[0]=clinical-reviewer",
                "--plainpaper.desk.users[0].display-name=Dr Rae Reviewer",
                "--plainpaper.desk.profiles.reviewer.credentials=FRCPath",
                "--plainpaper.desk.profiles.reviewer.pmids[0]=30000001");
        ProfileSeeding seeding = desk.getBean(ProfileSeeding.class);
        assertThat(desk.isActive()).isTrue();
        assertThat(seeding.done()).isFalse();
        assertThat(get("/api/people/reviewer/profile").statusCode()).isEqualTo(404);

        registry = PipelineTestBed.registry(broker.getBrokersAsString(), registryPort, "schema-registry-seeding-test");

        // Retries 1, 2, 4, 8, 16 and 32 s apart: the registry is back well within them.
        await("seeded once the registry is back").atMost(Duration.ofSeconds(90)).until(seeding::done);
        assertThat(get("/api/people/reviewer/profile").body())
                .contains("\"displayName\":\"Dr Rae Reviewer\"", "\"credentials\":\"FRCPath\"", "30000001");
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://localhost:" + desk.getEnvironment().getProperty("local.server.port") + path);
        return DeskHttp.HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Authorization", DeskHttp.basic("reviewer", PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
