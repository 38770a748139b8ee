package app.plainpaper.ingestion.intake;

import app.plainpaper.pipeline.EventSuccession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    PaperIntake paperIntake(KafkaTemplate<Object, Object> kafka, EventSuccession succession, ConsumerFactory<?, ?> consumers) {
        var intake = new PaperIntake(kafka, succession);
        intake.rebuild(consumers);
        return intake;
    }
}
