package app.plainpaper.draftingllm;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the OpenAI-compatible endpoint is and how to call it.
 *
 * @param baseUrl    the API root including its version path, e.g. {@code https://api.openai.com/v1},
 *                   {@code http://localhost:11434/v1} (Ollama), {@code http://localhost:8000/v1} (vLLM)
 * @param model      the model name the endpoint knows, e.g. {@code gpt-4o-mini}, {@code llama3.1:8b}
 * @param apiKey     the key, or blank for local servers that need none
 * @param timeout    for one whole call
 * @param maxRetries retries after a connection failure, timeout, 429 or 5xx (0 for none)
 */
public record LanguageModelSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries) {
    public LanguageModelSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("plainpaper.drafting.llm.base-url is not set");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("plainpaper.drafting.llm.model is not set");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("plainpaper.drafting.llm.timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("plainpaper.drafting.llm.max-retries must not be negative");
        }
    }

    /** No secrets in logs or toString. */
    @Override
    public String toString() {
        return "LanguageModelSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "none" : "***") + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + "]";
    }
}
