package app.plainpaper.pipeline;

import app.plainpaper.pipeline.health.KafkaBrokerHealthIndicator;
import app.plainpaper.pipeline.health.SchemaRegistryHealthIndicator;
import app.plainpaper.pipeline.kafka.DeadLetters;
import app.plainpaper.pipeline.kafka.SummaryLogContext;
import app.plainpaper.topics.ProvisioningReport;
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
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
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plumbing every pipeline stage shares. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineAutoConfiguration {

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
     * the configured Avro serializer.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer deadLetterBytesPassThrough(KafkaProperties properties) {
        Class<?> configured = properties.getProducer().getValueSerializer();
        Class<?> avroSerializer = configured != null ? configured
                : ClassUtils.resolveClassName("app.plainpaper.serde.KafkaAvroSerializer", null);
        return factory -> ((org.springframework.kafka.core.DefaultKafkaProducerFactory) factory).setValueSerializerSupplier(() -> {
            Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
            delegates.put(byte[].class, new ByteArraySerializer());
            delegates.put(Object.class, (Serializer<?>) BeanUtils.instantiateClass(avroSerializer));
            return new DelegatingByTypeSerializer(delegates, true);
        });
    }

    /** Retries a failing record a few times inside fresh transactions, then dead-letters it and commits its offset. */
    @Bean
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollback(KafkaTemplate<Object, Object> template,
            PipelineProperties properties, Environment environment) {
        var recoverer = DeadLetters.recoverer(template, serviceName(environment));
        var backOff = new FixedBackOff(properties.retry().interval().toMillis(), properties.retry().attempts());
        var processor = new DefaultAfterRollbackProcessor<Object, Object>(recoverer, backOff, template, true);
        processor.addNotRetryableExceptions(UnprocessableEvent.class, DeserializationException.class);
        return processor;
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
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, PipelineProperties properties) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), properties.health().timeout());
    }

    @Bean
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(Environment environment, PipelineProperties properties) {
        String url = environment.getProperty("spring.kafka.properties.schema.registry.url", "http://localhost:8081");
        return new SchemaRegistryHealthIndicator(url, properties.health().timeout());
    }

    static String serviceName(Environment environment) {
        return environment.getProperty("spring.application.name", "plainpaper");
    }
}
