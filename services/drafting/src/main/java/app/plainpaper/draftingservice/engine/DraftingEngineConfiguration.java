package app.plainpaper.draftingservice.engine;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftingEngine;
import app.plainpaper.draftingllm.LanguageModelDraftingEngine;
import app.plainpaper.draftingllm.LanguageModelSettings;
import app.plainpaper.draftingllm.SpringAiChatCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Chooses the drafting engine: {@code plainpaper.drafting.engine=builtin} (the default) or {@code llm}. The language
 * model client is built here from our own properties and only when chosen, so an unconfigured service needs no
 * URL or key; {@code llm} without a URL or model refuses to start, naming the missing property.
 */
@Configuration(proxyBeanMethods = false)
public class DraftingEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DraftingEngineConfiguration.class);

    @Bean
    DraftingEngine draftingEngine(@Value("${plainpaper.drafting.engine:builtin}") String engine,
            @Value("${plainpaper.drafting.llm.base-url:}") String baseUrl,
            @Value("${plainpaper.drafting.llm.model:}") String model,
            @Value("${plainpaper.drafting.llm.api-key:}") String apiKey,
            @Value("${plainpaper.drafting.llm.timeout:60s}") Duration timeout,
            @Value("${plainpaper.drafting.llm.max-retries:1}") int maxRetries) {
        BuiltInDraftingEngine builtIn = new BuiltInDraftingEngine();
        switch (engine.strip()) {
            case "builtin" -> {
                log.info("Drafting engine: {}", BuiltInDraftingEngine.ENGINE);
                return builtIn;
            }
            case "llm" -> {
                var settings = new LanguageModelSettings(baseUrl, model, apiKey, timeout, maxRetries);
                var llm = new LanguageModelDraftingEngine(new SpringAiChatCompletion(settings), builtIn);
                log.info("Drafting engine: {} ({}), falling back to {}", llm.engine(), settings, BuiltInDraftingEngine.ENGINE);
                return llm;
            }
            default -> throw new IllegalArgumentException(
                    "plainpaper.drafting.engine must be builtin or llm, not \"" + engine + "\"");
        }
    }
}
