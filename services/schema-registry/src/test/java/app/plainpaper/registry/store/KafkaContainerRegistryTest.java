package app.plainpaper.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.registry.RegistryClient;
import app.plainpaper.registry.RegistryClient.Reply;
import app.plainpaper.registry.SchemaRegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The registry against the official apache/kafka image, wired by @ServiceConnection. Skipped where
 * Docker is missing; the embedded-broker tests cover the same behaviour.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = SchemaRegistryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaContainerRegistryTest {

  @Container
  @ServiceConnection
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

  @LocalServerPort
  int port;

  @Test
  void registersAndServesSchemasOnARealBroker() {
    RegistryClient client = new RegistryClient(port);

    Reply registered = client.register("container-value", "\"string\"");
    assertThat(registered.status()).isEqualTo(200);
    assertThat(client.register("container-value", "\"string\"").id()).isEqualTo(registered.id());
    assertThat(client.get("/schemas/ids/" + registered.id()).json().path("schema").asString())
        .isEqualTo("\"string\"");
    assertThat(client.get("/actuator/health").json().at("/components/kafkaStore/status")
        .asString()).isEqualTo("UP");
  }
}
