package app.plainpaper.draftingservice.engine;

import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.draftingllm.LanguageModelDraftingEngine;
import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drafting service configured with the language-model engine against a local stub of an OpenAI-compatible
 * endpoint, on a real broker with our real registry: an ingested paper comes out as a draft that names the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // one drafting consumer group per JVM at a time: close this service before the next test class starts its own
class LanguageModelDraftingServiceTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final StubChatServer MODEL = new StubChatServer(StubChatServer.resource("reference-study.chat-completion.json"));

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.drafting.engine", () -> "llm");
        registry.add("plainpaper.drafting.llm.base-url", MODEL::baseUrl);
        registry.add("plainpaper.drafting.llm.model", () -> "gpt-4o-mini");
        registry.add("plainpaper.drafting.llm.api-key", () -> "test-key");
        registry.add("plainpaper.drafting.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Autowired
    DraftingEngine engine;

    @Test
    void anIngestedPaperIsDraftedByTheConfiguredModel() throws Exception {
        assertThat(engine).isInstanceOf(LanguageModelDraftingEngine.class);
        String summaryId = "llm-" + UUID.randomUUID();
        String abstractText = JsonMapper.builder().build().readTree(StubChatServer.resource("reference-study.json"))
                .path("abstract_text").asString();

        DraftedTopic.send(BED, DraftedTopic.ingested(summaryId, abstractText));
        SummaryEvent drafted = DraftedTopic.draftOf(BED, summaryId);

        assertThat(drafted.getType()).isEqualTo(EventType.DRAFT_WRITTEN);
        assertThat(drafted.getRevision()).isEqualTo(1);
        assertThat(drafted.getDraft().getEngine()).isEqualTo("llm:gpt-4o-mini");
        assertThat(drafted.getDraft().getWrittenBy().getDisplayName()).isEqualTo("llm:gpt-4o-mini");
        assertThat(drafted.getDraft().getParticipants()).isEqualTo("30 cancer patients with bone metastasis and 30 healthy individuals");
        assertThat(drafted.getDraft().getKeyFindings().get(0).getSourceSentences().get(0).getIndex()).isEqualTo(10);
        assertThat(drafted.getDraft().getEditorFlags()).anyMatch(f -> f.startsWith("Written by a language model (llm:gpt-4o-mini)"));
        assertThat(MODEL.requests()).anyMatch(r -> r.contains("\"model\":\"gpt-4o-mini\"") && r.contains("json_schema"));
    }
}
