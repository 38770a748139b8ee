package app.plainpaper.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Confluent-compatible Avro schema registry that keeps its state in a compacted Kafka topic. */
@SpringBootApplication
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }
}
