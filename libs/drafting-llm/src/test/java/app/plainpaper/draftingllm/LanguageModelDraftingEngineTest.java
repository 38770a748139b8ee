package app.plainpaper.draftingllm;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.StudyDesign;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language-model engine against a local stub of an OpenAI-compatible endpoint that replays a recorded answer
 * for the reference study (hand-written in OpenAI's format, see SOURCES.md). Real HTTP through Spring AI's client.
 */
class LanguageModelDraftingEngineTest {

    static final BuiltInDraftingEngine BUILT_IN = new BuiltInDraftingEngine();

    final StubChatServer stub = new StubChatServer();

    @AfterEach
    void stop() {
        stub.close();
    }

    LanguageModelDraftingEngine engine(Duration timeout) {
        return new LanguageModelDraftingEngine(new SpringAiChatCompletion(
                new LanguageModelSettings(stub.baseUrl(), "gpt-4o-mini", "test-key", timeout, 0)), BUILT_IN);
    }

    DraftText draft(String response) {
        stub.answer(200, response);
        return engine(Duration.ofSeconds(20)).draft(Recorded.referenceStudy());
    }

    @Test
    void theRequestAsksTheModelForTheDraftSchemaAtTemperatureZero() {
        draft(Recorded.response());

        assertThat(stub.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.authorization()).isEqualTo("Bearer test-key");
            JsonNode body = Recorded.JSON.readTree(r.body());
            assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
            assertThat(body.path("temperature").asDouble(-1)).isEqualTo(0.0);
            assertThat(body.path("messages")).hasSize(2);
            assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
            assertThat(body.path("messages").path(0).path("content").asString())
                    .contains("plain-language summaries").contains("Use no number");
            assertThat(body.path("messages").path(1).path("role").asString()).isEqualTo("user");
            assertThat(body.path("messages").path(1).path("content").asString())
                    .contains("Title: Study on the Correlation between Pain and Cytokine Expression")
                    .contains("[10] Finally, the pain score and the quality of life score improved significantly after radiotherapy.")
                    .contains("[13] The levels of MIP-1δ");
            JsonNode format = body.path("response_format");
            assertThat(format.path("type").asString()).isEqualTo("json_schema");
            JsonNode schema = format.path("json_schema").path("schema");
            assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
            assertThat(schema.path("required").toString()).contains("simpleExplanation", "studyDuration", "participants",
                    "evidence", "keyFindings", "researchSummary", "practicalImplications", "limitations", "categories");
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(schema.path("properties").path("categories").path("items").path("enum").toString())
                    .contains("Spinal Cord Injury", "Oncology", "Bladder & Bowel");
            assertThat(schema.path("properties").path("evidence").path("properties").path("design").path("enum").toString())
                    .contains("RANDOMISED_TRIAL", "CASE_REPORT");
            assertThat(schema.path("properties").path("keyFindings").path("items").path("properties")
                    .path("sourceSentences").path("items").path("type").asString()).isEqualTo("integer");
        });
    }

    @Test
    void theRecordedAnswerBecomesADraftThatNamesTheModel() {
        DraftText draft = draft(Recorded.response());

        assertThat(draft.engine()).isEqualTo("llm:gpt-4o-mini");
        assertThat(draft.simpleExplanation()).startsWith("This study looked at cancer that has spread to the bones.");
        assertThat(draft.participants()).isEqualTo("30 cancer patients with bone metastasis and 30 healthy individuals");
        assertThat(draft.studyDuration()).isNull();
        assertThat(draft.evidence().design()).isEqualTo(StudyDesign.NON_RANDOMISED_TRIAL);
        assertThat(draft.evidence().level()).isEqualTo("3"); // ours, from the design: never the model's
        assertThat(draft.evidence().reason()).contains("\"nonrandomized controlled clinical trial\"");
        assertThat(draft.keyFindings()).hasSize(3);
        assertThat(draft.keyFindings().get(0).sources()).singleElement().satisfies(ref -> {
            assertThat(ref.index()).isEqualTo(10);
            assertThat(ref.text()).startsWith("Finally, the pain score and the quality of life score improved");
        });
        assertThat(draft.keyFindings().get(2).sources()).extracting(s -> s.index()).containsExactly(12, 13);
        assertThat(draft.practicalImplications()).extracting(i -> i.title())
                .contains("Understanding How Radiotherapy Eases Bone Pain");
        assertThat(draft.limitations()).hasSize(3);
        assertThat(draft.categories()).containsExactly("Oncology", "Pain Management", "Blood Tests & Biomarkers");
        assertThat(draft.readability()).extracting(r -> r.section()).contains("simpleExplanation", "keyFindings");
        assertThat(draft.editorFlags()).contains("Study dates not stated in the abstract")
                .anyMatch(f -> f.startsWith("Written by a language model (llm:gpt-4o-mini)"))
                .noneMatch(f -> f.startsWith(LanguageModelDraftingEngine.NOT_USED))
                .noneMatch(f -> f.startsWith("Numbers not found"));
    }

    @Test
    void anAnswerThatIsNotJsonFallsBackToTheBuiltInDraftAndSaysWhy() {
        DraftText draft = draft(Recorded.responseWithContent("Sure! Here is a plain-language summary of the study: ..."));

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.simpleExplanation()).isEqualTo(BUILT_IN.draft(Recorded.referenceStudy()).simpleExplanation());
        assertThat(draft.editorFlags().get(0)).startsWith("Language model not used (gpt-4o-mini gave no usable draft: "
                + "the answer is not valid JSON");
    }

    @Test
    void anInventedNumberRejectsTheWholeAnswer() {
        DraftText draft = draft(Recorded.responseWithDraft(d -> d.put("simpleExplanation",
                d.path("simpleExplanation").asString().replace("In total, 30 cancer patients", "In total, 45 cancer patients"))));

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).startsWith(LanguageModelDraftingEngine.NOT_USED)
                .contains("numbers the source does not contain").contains("simpleExplanation: 45");
        assertThat(draft.simpleExplanation()).doesNotContain("45");
    }

    @Test
    void aMissingSectionRejectsTheAnswer() {
        DraftText draft = draft(Recorded.responseWithDraft(d -> d.remove("researchSummary")));

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).contains("the answer has no researchSummary");
    }

    @Test
    void sourceIndexesOutOfRangeAndUnknownCategoriesAreCutOutAndFlagged() {
        DraftText draft = draft(Recorded.responseWithDraft(d -> {
            ((ObjectNode) d.path("keyFindings").path(2)).putArray("sourceSentences").add(12).add(40);
            ((ObjectNode) d.path("keyFindings").path(1)).putArray("sourceSentences").add(-1);
            d.withArray("categories").add("Cancer Care");
        }));

        assertThat(draft.engine()).isEqualTo("llm:gpt-4o-mini");
        assertThat(draft.keyFindings()).hasSize(2);
        assertThat(draft.keyFindings().get(1).sources()).extracting(s -> s.index()).containsExactly(12);
        assertThat(draft.categories()).doesNotContain("Cancer Care");
        assertThat(draft.editorFlags())
                .anyMatch(f -> f.contains("cited source sentences that do not exist (40;"))
                .anyMatch(f -> f.startsWith("Key finding dropped, it cites no sentence of the abstract: \"The patients' blood"))
                .contains("Categories not in the taxonomy dropped: Cancer Care");
    }

    @Test
    void noKeyFindingWithAValidSourceRejectsTheAnswer() {
        DraftText draft = draft(Recorded.responseWithDraft(d -> d.withArray("keyFindings")
                .forEach(f -> ((ObjectNode) f).putArray("sourceSentences").add(99))));

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).contains("no key finding cites a sentence of the abstract");
    }

    @Test
    void anHttpErrorFallsBack() {
        stub.answer(500, "{\"error\": {\"message\": \"The server had an error while processing your request.\", "
                + "\"type\": \"server_error\", \"param\": null, \"code\": null}}");
        DraftText draft = engine(Duration.ofSeconds(20)).draft(Recorded.referenceStudy());

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).startsWith("Language model not used (no answer from gpt-4o-mini: ")
                .contains("500");
        assertThat(stub.received()).hasSize(1); // max-retries 0
    }

    @Test
    void aWrongKeyFallsBack() {
        stub.answer(401, "{\"error\": {\"message\": \"Incorrect API key provided.\", \"type\": \"invalid_request_error\", "
                + "\"param\": null, \"code\": \"invalid_api_key\"}}");
        DraftText draft = engine(Duration.ofSeconds(20)).draft(Recorded.referenceStudy());

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).startsWith("Language model not used (no answer from gpt-4o-mini: ")
                .contains("401");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeFallsBack() {
        stub.hang();
        DraftText draft = engine(Duration.ofSeconds(1)).draft(Recorded.referenceStudy());

        assertThat(draft.engine()).isEqualTo(BuiltInDraftingEngine.ENGINE);
        assertThat(draft.editorFlags().get(0)).startsWith("Language model not used (no answer from gpt-4o-mini: Request failed");
        assertThat(draft.participants()).isEqualTo("30 cancer patients with bone metastasis and 30 healthy individuals");
    }

    @Test
    void anEditorsEditOfAModelDraftIsKept() {
        DraftText first = draft(Recorded.response());
        DraftText revised = engine(Duration.ofSeconds(20)).revise(Recorded.referenceStudy(), first,
                Map.of("studyDuration", "September 2018 to August 2021"), "dates from the full paper");

        assertThat(revised.studyDuration()).isEqualTo("September 2018 to August 2021");
        assertThat(revised.simpleExplanation()).isEqualTo(first.simpleExplanation());
        assertThat(revised.changeNote()).contains("studyDuration");
        assertThat(stub.received()).hasSize(1); // an edit does not ask the model again
    }

    @Test
    void settingsRefuseAMissingUrlOrModelAndHideTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LanguageModelSettings(" ", "m", null, Duration.ofSeconds(1), 0))
                .hasMessageContaining("base-url");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LanguageModelSettings("http://x/v1", null, null, Duration.ofSeconds(1), 0))
                .hasMessageContaining("model");
        assertThat(new LanguageModelSettings("http://x/v1", "m", "sk-secret", Duration.ofSeconds(1), 0).toString())
                .doesNotContain("sk-secret");
    }
}
