package app.plainpaper.registry.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code kafkaStore} in /actuator/health: up once the store topic has been read to its end. */
class KafkaStoreHealthIndicator implements HealthIndicator {

  private final KafkaSchemaLog log;

  KafkaStoreHealthIndicator(KafkaSchemaLog log) {
    this.log = log;
  }

  @Override
  public Health health() {
    Health.Builder builder = log.ready() && log.readerFailure().isEmpty()
        ? Health.up()
        : Health.down();
    builder.withDetail("topic", log.topic()).withDetail("appliedOffset", log.appliedPosition());
    log.readerFailure().ifPresent(failure -> builder.withDetail("error", failure.toString()));
    return builder.build();
  }
}
