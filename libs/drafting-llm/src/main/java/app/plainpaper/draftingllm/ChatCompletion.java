package app.plainpaper.draftingllm;

/**
 * One chat-completions call that must answer JSON matching a schema. The engine depends on this, not on a client
 * library, so its prompt and validation rules stay plain Java and testable.
 */
public interface ChatCompletion {

    /**
     * @param jsonSchema the JSON schema the answer must follow
     * @return the model's answer text (expected to be JSON)
     * @throws LanguageModelUnavailable when the endpoint cannot be reached, times out or answers with an error
     */
    String complete(String systemMessage, String userMessage, String jsonSchema);

    /** The model's name as configured, e.g. {@code gpt-4o-mini}. */
    String model();
}
