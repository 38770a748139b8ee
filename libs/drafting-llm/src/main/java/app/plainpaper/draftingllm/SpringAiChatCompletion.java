package app.plainpaper.draftingllm;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import java.util.List;

/**
 * {@link ChatCompletion} over any OpenAI-compatible chat-completions endpoint, through Spring AI's OpenAI client,
 * built from our own settings (no auto-configuration: nothing is created unless the engine is configured).
 * Temperature 0 and a strict JSON schema response format.
 */
public final class SpringAiChatCompletion implements ChatCompletion {

    /** Local servers (Ollama, vLLM, llama.cpp) take any key; the client insists on one. */
    static final String NO_KEY = "no-key";

    private final LanguageModelSettings settings;
    private final OpenAiChatModel model;

    public SpringAiChatCompletion(LanguageModelSettings settings) {
        this.settings = settings;
        this.model = OpenAiChatModel.builder().options(options(null)).build();
    }

    /** Connection settings go into every call's options too: options given with a call replace the model's. */
    private OpenAiChatOptions options(String jsonSchema) {
        var options = OpenAiChatOptions.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? NO_KEY : settings.apiKey())
                .model(settings.model())
                .temperature(0.0)
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries());
        if (jsonSchema != null) {
            options.responseFormat(OpenAiChatModel.ResponseFormat.builder()
                    .type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA)
                    .jsonSchema(jsonSchema)
                    .strict(true)
                    .build());
        }
        return options.build();
    }

    @Override
    public String complete(String systemMessage, String userMessage, String jsonSchema) {
        OpenAiChatOptions options = options(jsonSchema);
        ChatResponse response;
        try {
            response = model.call(new Prompt(List.of(new SystemMessage(systemMessage), new UserMessage(userMessage)), options));
        } catch (RuntimeException e) {
            throw new LanguageModelUnavailable(describe(e), e);
        }
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null
                || response.getResult().getOutput().getText() == null) {
            throw new LanguageModelUnavailable("empty answer", null);
        }
        return response.getResult().getOutput().getText();
    }

    @Override
    public String model() {
        return settings.model();
    }

    /** The client's message plus the root cause's ("Request failed: timeout"), one line, no request body. */
    private static String describe(RuntimeException e) {
        String message = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            message += ": " + firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }
}
