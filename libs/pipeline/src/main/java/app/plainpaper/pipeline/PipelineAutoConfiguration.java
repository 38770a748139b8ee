package app.plainpaper.pipeline;

import app.plainpaper.pipeline.health.KafkaBrokerHealthIndicator;
import app.plainpaper.pipeline.health.SchemaRegistryHealthIndicator;
import app.plainpaper.pipeline.kafka.DeadLetters;
import app.plainpaper.pipeline.kafka.OutageAwareAfterRollback;
import app.plainpaper.pipeline.kafka.SummaryLogContext;
import app.plainpaper.topics.ProvisioningReport;
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plumbing every pipeline stage shares. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineAutoConfiguration.class);

    static final String AVRO_SERIALIZER = "app.plainpaper.serde.KafkaAvroSerializer";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSuccession eventSuccession(Clock clock, Environment environment) {
        return new EventSuccession(clock, serviceName(environment));
    }

    /**
     * Raw bytes (a poison record on its way to a dead-letter topic) go out as they came in; everything else through
     * the configured value serializer (our Avro serializer unless a service sets another). The factory configures
     * the delegating serializer, which configures both delegates with the producer properties
     * ({@code schema.registry.url} included).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer deadLetterBytesPassThrough(KafkaProperties properties) {
        Class<?> configured = properties.getProducer().getValueSerializer();
        Class<?> valueSerializer = configured != null ? configured : ClassUtils.resolveClassName(AVRO_SERIALIZER, null);
        return factory -> passBytesThrough(factory, valueSerializer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void passBytesThrough(DefaultKafkaProducerFactory<?, ?> factory, Class<?> valueSerializer) {
        ((DefaultKafkaProducerFactory) factory).setValueSerializerSupplier(() -> {
            Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
            delegates.put(byte[].class, new ByteArraySerializer());
            delegates.put(Object.class, (Serializer<?>) BeanUtils.instantiateClass(valueSerializer));
            return new DelegatingByTypeSerializer(delegates, true);
        });
    }

    /**
     * Retries a failing record a few times inside fresh transactions, then dead-letters it and commits its offset;
     * waits out registry and broker outages instead.
     */
    @Bean
    @ConditionalOnMissingBean(AfterRollbackProcessor.class)
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollback(KafkaTemplate<Object, Object> template,
            PipelineProperties properties, Environment environment) {
        String service = serviceName(environment);
        var deadLetters = DeadLetters.recoverer(template, service);
        var retry = properties.retry();
        return new OutageAwareAfterRollback((ConsumerRecord<?, ?> record, Exception exception) -> {
            deadLetters.accept(record, exception);
            log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetter(service), DeadLetters.reason(exception));
        }, template, retry.attempts(), retry.interval(), retry.outageMaxInterval());
    }

    /** Every service brings the declared topics into line on start, so none depends on another to create them. */
    @Bean
    @ConditionalOnProperty(name = "plainpaper.pipeline.provision-topics", havingValue = "true", matchIfMissing = true)
    ProvisioningReport provisionedTopics(KafkaAdmin admin) {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            return TopicProvisioner.provision(client, TopicCatalog.fromClasspath());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    RecordInterceptor<Object, Object> summaryLogContext() {
        return new SummaryLogContext();
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, PipelineProperties properties) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), properties.health().timeout());
    }

    @Bean
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(KafkaProperties kafka, PipelineProperties properties) {
        Map<String, Object> client = kafka.buildConsumerProperties();
        client.putIfAbsent("schema.registry.url", "http://localhost:8081");
        return SchemaRegistryHealthIndicator.fromClientProperties(client, properties.health().timeout());
    }

    static String serviceName(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            log.warn("spring.application.name is not set: this service acts as 'plainpaper' and dead-letters to {}",
                    Topics.deadLetter("plainpaper"));
            return "plainpaper";
        }
        return name;
    }
}
