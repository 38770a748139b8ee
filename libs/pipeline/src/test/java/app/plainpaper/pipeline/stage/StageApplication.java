package app.plainpaper.pipeline.stage;

import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

/** A one-listener pipeline service used by the tests, configured only by the pipeline library and its defaults. */
@SpringBootApplication
public class StageApplication {

    public static final String NAME = "pipeline-test";
    public static final String INPUT = "pipeline-test.input";
    public static final String OUTPUT = "pipeline-test.output";

    /** One partition each, so that "the next record" is well defined. */
    @Bean
    NewTopic stageInput() {
        return TopicBuilder.name(INPUT).partitions(1).replicas(1).build();
    }

    @Bean
    NewTopic stageOutput() {
        return TopicBuilder.name(OUTPUT).partitions(1).replicas(1).build();
    }

    @Bean
    NewTopic stageDeadLetters() {
        return TopicBuilder.name(NAME + ".dlt").partitions(1).replicas(1).build();
    }

    @Bean
    IntakeStandIn.EventFactory eventFactory() {
        return app.plainpaper.pipeline.Events::ingested;
    }

    @Bean
    Mishaps mishaps() {
        return new Mishaps();
    }

    @Bean
    DraftingStandIn draftingStandIn(EventSuccession succession, ConsumerFactory<?, ?> consumers, Mishaps mishaps,
            KafkaTemplate<Object, Object> kafka) {
        return new DraftingStandIn(succession, HandledInputs.rebuiltFrom(consumers, List.of(OUTPUT)), mishaps, kafka);
    }
}
