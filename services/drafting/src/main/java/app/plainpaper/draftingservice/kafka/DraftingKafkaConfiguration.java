package app.plainpaper.draftingservice.kafka;

import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.draftingservice.revision.DraftRevisions;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class DraftingKafkaConfiguration {

    @Bean
    DraftRevisions draftRevisions(DraftingEngine engine, EventSuccession succession,
            @Value("${plainpaper.disclaimer.version}") String disclaimerVersion) {
        return new DraftRevisions(engine, succession, disclaimerVersion);
    }

    @Bean
    DraftingListener draftingListener(DraftRevisions revisions, ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> kafka) {
        return new DraftingListener(revisions, new StageStep(HandledInputs.rebuiltFrom(consumers, List.of(Topics.DRAFTED)), kafka));
    }
}
