package app.plainpaper.draftingllm;

import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** The test resources: the reference study and the recorded chat-completions answer for it (see SOURCES.md). */
final class Recorded {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Recorded() {
    }

    static String resource(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourcePaper referenceStudy() {
        JsonNode n = JSON.readTree(resource("reference-study.json"));
        return new SourcePaper(n.path("id").asString(), n.path("title").asString(), n.path("journal").asString(),
                n.path("year").asInt(), List.of(new SourceSection(null, n.path("abstract_text").asString())),
                List.of(), List.of(), List.of());
    }

    /** The recorded response, as recorded. */
    static String response() {
        return resource("reference-study.chat-completion.json");
    }

    /** The recorded response with its draft (the message content) changed. */
    static String responseWithDraft(Consumer<ObjectNode> change) {
        ObjectNode response = (ObjectNode) JSON.readTree(response());
        ObjectNode message = (ObjectNode) response.path("choices").path(0).path("message");
        ObjectNode draft = (ObjectNode) JSON.readTree(message.path("content").asString());
        change.accept(draft);
        message.put("content", JSON.writeValueAsString(draft));
        return JSON.writeValueAsString(response);
    }

    /** The recorded response with its message content replaced by {@code content}, as the model might write it. */
    static String responseWithContent(String content) {
        ObjectNode response = (ObjectNode) JSON.readTree(response());
        ((ObjectNode) response.path("choices").path(0).path("message")).put("content", content);
        return JSON.writeValueAsString(response);
    }
}
