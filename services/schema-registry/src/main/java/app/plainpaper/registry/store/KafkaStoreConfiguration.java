package app.plainpaper.registry.store;

import app.plainpaper.registry.schema.RegistryState;
import app.plainpaper.registry.schema.SchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry onto its Kafka store, using Spring Boot's {@code spring.kafka.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class KafkaStoreConfiguration {

  @Bean
  RegistryState registryState() {
    return new RegistryState();
  }

  /** Started here, before the web server opens: requests are served only once caught up. */
  @Bean(destroyMethod = "close")
  KafkaSchemaLog kafkaSchemaLog(RegistryState state, RegistryProperties properties,
      KafkaProperties kafka, KafkaConnectionDetails connection) {
    KafkaSchemaLog log = new KafkaSchemaLog(state, properties,
        withConnection(kafka.buildAdminProperties(), connection.getAdmin()),
        withConnection(kafka.buildProducerProperties(), connection.getProducer()),
        withConnection(kafka.buildConsumerProperties(), connection.getConsumer()));
    try {
      log.start();
    } catch (RuntimeException failed) {
      log.close();
      throw failed;
    }
    return log;
  }

  @Bean
  SchemaRegistry schemaRegistry(RegistryState state, KafkaSchemaLog log) {
    return new SchemaRegistry(state, log);
  }

  @Bean
  KafkaStoreHealthIndicator kafkaStoreHealthIndicator(KafkaSchemaLog log) {
    return new KafkaStoreHealthIndicator(log);
  }

  // Connection details win over properties, so @ServiceConnection containers are honoured.
  private static Map<String, Object> withConnection(Map<String, Object> base,
      KafkaConnectionDetails.Configuration connection) {
    Map<String, Object> config = new HashMap<>(base);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", connection.getBootstrapServers()));
    if (connection.getSecurityProtocol() != null) {
      config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getSecurityProtocol());
    }
    return config;
  }
}
