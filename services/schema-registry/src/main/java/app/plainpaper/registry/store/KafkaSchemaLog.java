package app.plainpaper.registry.store;

import app.plainpaper.registry.schema.RegistryException;
import app.plainpaper.registry.schema.RegistryState;
import app.plainpaper.registry.schema.SchemaLog;
import app.plainpaper.registry.schema.StoreRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on Kafka: a compacted topic with one partition, so that every instance reads one total
 * order. A background reader folds the topic into {@link RegistryState}; writers produce and then
 * wait until the reader has passed their own record.
 */
public final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final RegistryState state;
  private final RegistryProperties properties;
  private final TopicPartition partition;
  private final Admin admin;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Object progress = new Object();
  private volatile long appliedPosition;
  private volatile boolean ready;
  private volatile boolean running;
  private volatile Throwable readerFailure;
  private Thread reader;

  public KafkaSchemaLog(RegistryState state, RegistryProperties properties,
      Map<String, Object> adminConfig, Map<String, Object> producerConfig,
      Map<String, Object> consumerConfig) {
    this.state = state;
    this.properties = properties;
    this.partition = new TopicPartition(properties.topic(), 0);
    this.admin = Admin.create(adminConfigFrom(adminConfig));
    this.producer = new KafkaProducer<>(producerConfigFrom(producerConfig));
    this.consumer = new KafkaConsumer<>(consumerConfigFrom(consumerConfig));
  }

  // Unique per instance, so several registries in one JVM (tests) do not clash in JMX.
  private static String clientId(String role) {
    return "plainpaper-schema-registry-" + role + "-" + INSTANCES.incrementAndGet();
  }

  private static Map<String, Object> adminConfigFrom(Map<String, Object> base) {
    Map<String, Object> config = new HashMap<>(base);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId("admin"));
    return config;
  }

  private static Map<String, Object> producerConfigFrom(Map<String, Object> base) {
    Map<String, Object> config = new HashMap<>(base);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    // Every write is acknowledged by all in-sync replicas and never duplicated by retries.
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId("writer"));
    return config;
  }

  private static Map<String, Object> consumerConfigFrom(Map<String, Object> base) {
    Map<String, Object> config = new HashMap<>(base);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    // The partition is assigned, not subscribed: no group, no committed offsets, always from 0.
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId("reader"));
    return config;
  }

  /** Creates the topic when missing, reads it to its end, then serves: the readiness gate. */
  public void start() {
    ensureTopic();
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    running = true;
    reader = new Thread(this::readLoop, "schema-registry-store-reader");
    reader.setDaemon(true);
    reader.start();
    awaitApplied(endOffset(properties.initTimeout()), properties.initTimeout());
    ready = true;
    LOG.info("Schema store '{}' read to offset {}; serving", properties.topic(), appliedPosition);
  }

  private void ensureTopic() {
    Duration timeout = properties.initTimeout();
    try {
      Optional<TopicDescription> existing = describeTopic(timeout);
      if (existing.isEmpty()) {
        NewTopic topic = new NewTopic(properties.topic(), Optional.of(1),
            Optional.ofNullable(properties.topicReplicationFactor()))
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
          admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("Created schema store topic '{}' (1 partition, compacted)", properties.topic());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        existing = awaitTopic(timeout);
      }
      int partitions = existing.orElseThrow(() -> new IllegalStateException(
          "Schema store topic '" + properties.topic() + "' could not be created")).partitions().size();
      if (partitions != 1) {
        throw new IllegalStateException("Schema store topic '" + properties.topic() + "' has "
            + partitions + " partitions; it needs exactly 1 for a single total order");
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
      Config config = admin.describeConfigs(List.of(resource)).all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
      String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || policy.contains("delete")) {
        LOG.warn("Schema store topic '{}' has cleanup.policy={}; it should be 'compact' or"
            + " registrations may be lost", properties.topic(), policy);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing the schema store topic", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot prepare schema store topic '" + properties.topic()
          + "': " + e.getMessage(), e);
    }
  }

  // A new topic can take a moment to appear in the metadata that describeTopics reads.
  private Optional<TopicDescription> awaitTopic(Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<TopicDescription> topic = describeTopic(timeout);
    while (topic.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      topic = describeTopic(timeout);
    }
    return topic;
  }

  private Optional<TopicDescription> describeTopic(Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return Optional.of(admin.describeTopics(List.of(properties.topic())).allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(properties.topic()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void readLoop() {
    try {
      readUntilStopped();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void readUntilStopped() {
    while (running) {
      try {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> record : records) {
          applyRecord(record);
        }
        long position = consumer.position(partition);
        readerFailure = null;
        synchronized (progress) {
          appliedPosition = position;
          progress.notifyAll();
        }
      } catch (WakeupException stopping) {
        // close() wakes the reader up
      } catch (RuntimeException e) {
        if (running) {
          readerFailure = e;
          LOG.warn("Reading the schema store failed; retrying", e);
          pause();
        }
      }
    }
  }

  private void applyRecord(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      return;
    }
    try {
      RecordCodec.decode(record.key(), record.value()).ifPresent(state::apply);
    } catch (RuntimeException unreadable) {
      // Skipped the same way on every instance, so states still agree.
      LOG.error("Skipping unreadable schema store record at offset {}: {}", record.offset(),
          unreadable.getMessage());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void append(StoreRecord record) {
    RecordCodec.Encoded encoded = RecordCodec.encode(record);
    Duration timeout = properties.writeTimeout();
    long offset;
    try {
      offset = producer.send(new ProducerRecord<>(properties.topic(), 0, encoded.key(),
          encoded.value())).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while writing to the Kafka store", e);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryException.storeError("Failed to write to the Kafka store: " + e.getMessage(), e);
    }
    awaitApplied(offset + 1, timeout);
  }

  @Override
  public void catchUp() {
    awaitApplied(endOffset(properties.writeTimeout()), properties.writeTimeout());
  }

  private long endOffset(Duration timeout) {
    try {
      return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
              new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while reading the Kafka store", e);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryException.storeError("Failed to read the end of the Kafka store: "
          + e.getMessage(), e);
    }
  }

  private void awaitApplied(long target, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (appliedPosition < target) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0 || !running) {
          throw RegistryException.storeError("Timed out reading the Kafka store up to offset "
              + target + " (at " + appliedPosition + ")", null);
        }
        try {
          progress.wait(remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw RegistryException.storeError("Interrupted while reading the Kafka store", e);
        }
      }
    }
  }

  /** Ready once the topic has been read to its end; then as long as the reader is healthy. */
  public boolean ready() {
    return ready && running && reader != null && reader.isAlive();
  }

  public long appliedPosition() {
    return appliedPosition;
  }

  public Optional<Throwable> readerFailure() {
    return Optional.ofNullable(readerFailure);
  }

  public String topic() {
    return properties.topic();
  }

  @Override
  public void close() {
    running = false;
    ready = false;
    consumer.wakeup();
    if (reader != null) {
      try {
        reader.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (progress) {
      progress.notifyAll();
    }
    if (reader == null) {
      consumer.close(Duration.ofSeconds(5));
    }
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
