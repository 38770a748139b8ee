package app.plainpaper.registry;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft broker on a random port, one per test class. */
public final class EmbeddedBroker {

  private EmbeddedBroker() {}

  public static EmbeddedKafkaKraftBroker start() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    return broker;
  }
}
