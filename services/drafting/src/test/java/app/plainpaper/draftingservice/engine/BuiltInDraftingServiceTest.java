package app.plainpaper.draftingservice.engine;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With no language-model configuration at all (no URL, model or key), the service starts and drafts with builtin-1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BuiltInDraftingServiceTest {

    static final PipelineTestBed BED = PipelineTestBed.start();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @Autowired
    DraftingEngine engine;

    @Test
    void withoutConfigurationTheBuiltInEngineDrafts() throws Exception {
        assertThat(engine).isInstanceOf(BuiltInDraftingEngine.class);
        String summaryId = "builtin-" + UUID.randomUUID();

        DraftedTopic.send(BED, DraftedTopic.ingested(summaryId, "For this case-control study, we recruited 30 cancer patients "
                + "with bone metastasis and 30 healthy individuals. Finally, the pain score and the quality of life score "
                + "improved significantly after radiotherapy."));
        SummaryEvent drafted = DraftedTopic.draftOf(BED, summaryId);

        assertThat(drafted.getDraft().getEngine()).isEqualTo("builtin-1");
        assertThat(drafted.getDraft().getWrittenBy().getDisplayName()).isEqualTo("builtin-1");
        assertThat(drafted.getDraft().getEditorFlags()).noneMatch(f -> f.contains("language model") || f.contains("Language model"));
    }
}
