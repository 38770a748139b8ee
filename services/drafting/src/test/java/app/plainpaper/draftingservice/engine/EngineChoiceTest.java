package app.plainpaper.draftingservice.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong engine setting stops the service at start-up with the property's name, instead of drafting quietly. */
class EngineChoiceTest {

    final DraftingEngineConfiguration configuration = new DraftingEngineConfiguration();

    @Test
    void llmWithoutAUrlOrModelIsRefused() {
        assertThatThrownBy(() -> configuration.draftingEngine("llm", "", "gpt-4o-mini", "", Duration.ofSeconds(5), 0))
                .hasMessageContaining("plainpaper.drafting.llm.base-url");
        assertThatThrownBy(() -> configuration.draftingEngine("llm", "http://127.0.0.1:1/v1", "", "", Duration.ofSeconds(5), 0))
                .hasMessageContaining("plainpaper.drafting.llm.model");
    }

    @Test
    void anUnknownEngineIsRefused() {
        assertThatThrownBy(() -> configuration.draftingEngine("gpt", "", "", "", Duration.ofSeconds(5), 0))
                .hasMessageContaining("builtin or llm");
    }
}
