package app.plainpaper.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The registry application started in-process on a random port against a given broker. */
public final class RunningRegistry implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningRegistry(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static RunningRegistry start(String bootstrapServers, String topic) {
    return new RunningRegistry(SpringApplication.run(SchemaRegistryApplication.class,
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
        "--plainpaper.registry.topic=" + topic,
        "--spring.main.banner-mode=off"));
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public RegistryClient client() {
    return new RegistryClient(port());
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
