package app.plainpaper.draftingllm;

import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.taxonomy.Taxonomy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

/**
 * What the engine asks the model: instructions (system), the paper with numbered sentences (user), and the JSON
 * schema of the draft contract. The sentence numbers are the built-in engine's ({@link PaperText}), so key findings
 * cite the same indexes whichever engine wrote them.
 */
public final class DraftPrompt {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String schema;
    private final String system;

    public DraftPrompt(Taxonomy taxonomy) {
        List<String> categories = taxonomy.categories().stream().map(Taxonomy.Category::name).toList();
        this.schema = JSON.writeValueAsString(schema(categories));
        this.system = """
                You write plain-language summaries of medical research for patients with spinal cord injury, their \
                families and carers. You get one paper: its title and its abstract, one sentence a line, each with its \
                index in square brackets. Answer with JSON only, following the given schema.

                Rules:
                - simpleExplanation: 5 to 9 short sentences (at most 15 words each), active voice, words a \
                12-year-old knows (US school grade 8 or lower). Say what the researchers wanted to find out, who took \
                part (what kind of people or animals and how many, when the abstract says), what was done, and the \
                main result. Explain any medical term in everyday words the first time you use it. Do not copy \
                sentences from the abstract.
                - Use no number, percentage, count, dose or duration that is not written in the abstract or title. \
                Never compute new numbers (no sums, differences or conversions).
                - studyDuration and participants: only what the abstract states, with the counts and groups as written; \
                null when it does not say. Never guess.
                - evidence.design: the study design the abstract describes; evidence.designWords: the exact words of \
                the abstract or title that show it ("" if none; then use UNKNOWN).
                - keyFindings: the 2 to 4 most important results, each in plain words, with sourceSentences listing \
                the indexes of the abstract sentences it rests on (at least one).
                - researchSummary: one paragraph, what was studied, how and what was found.
                - practicalImplications: what the research may mean for people with the condition, titled paragraphs \
                that describe and never advise (no "you should", no doses).
                - limitations: the limitations the authors state, and those that follow from the design (small \
                sample, no control group, animal model...).
                - categories: 1 to 4 of the allowed categories, best first.
                """;
    }

    public String jsonSchema() {
        return schema;
    }

    public String systemMessage() {
        return system;
    }

    public String userMessage(PaperText text) {
        StringBuilder b = new StringBuilder();
        b.append("Title: ").append(text.title()).append('\n');
        var paper = text.paper();
        if (paper.journal() != null) {
            b.append("Journal: ").append(paper.journal()).append('\n');
        }
        if (paper.year() != null) {
            b.append("Year: ").append(paper.year()).append('\n');
        }
        if (!paper.keywords().isEmpty()) {
            b.append("Keywords: ").append(String.join("; ", paper.keywords())).append('\n');
        }
        if (!paper.meshTerms().isEmpty()) {
            b.append("MeSH terms: ").append(String.join("; ", paper.meshTerms())).append('\n');
        }
        if (!paper.publicationTypes().isEmpty()) {
            b.append("Publication types: ").append(String.join("; ", paper.publicationTypes())).append('\n');
        }
        b.append("\nAbstract:\n");
        String heading = null;
        for (AbstractSentence s : text.sentences()) {
            if (s.label() != null && !s.label().equals(heading)) {
                heading = s.label();
                b.append(heading.toUpperCase(java.util.Locale.ROOT)).append('\n');
            }
            b.append('[').append(s.index()).append("] ").append(s.text()).append('\n');
        }
        if (text.sentences().isEmpty()) {
            b.append("(no abstract)\n");
        }
        return b.toString();
    }

    /** Strict-mode friendly: every property required, no extra properties, "not stated" as null. */
    private static ObjectNode schema(List<String> categories) {
        ObjectNode root = object();
        ObjectNode props = (ObjectNode) root.get("properties");
        props.set("simpleExplanation", type("string"));
        props.set("studyDuration", nullableString());
        props.set("participants", nullableString());
        ObjectNode evidence = object();
        ObjectNode design = type("string");
        ArrayNode designs = design.putArray("enum");
        Arrays.stream(StudyDesign.values()).forEach(d -> designs.add(d.name()));
        ((ObjectNode) evidence.get("properties")).set("design", design);
        ((ObjectNode) evidence.get("properties")).set("designWords", type("string"));
        required(evidence, "design", "designWords");
        props.set("evidence", evidence);
        ObjectNode finding = object();
        ((ObjectNode) finding.get("properties")).set("text", type("string"));
        ObjectNode indexes = type("array");
        indexes.set("items", type("integer"));
        ((ObjectNode) finding.get("properties")).set("sourceSentences", indexes);
        required(finding, "text", "sourceSentences");
        props.set("keyFindings", arrayOf(finding));
        props.set("researchSummary", type("string"));
        ObjectNode implication = object();
        ((ObjectNode) implication.get("properties")).set("title", type("string"));
        ((ObjectNode) implication.get("properties")).set("text", type("string"));
        required(implication, "title", "text");
        props.set("practicalImplications", arrayOf(implication));
        props.set("limitations", arrayOf(type("string")));
        ObjectNode category = type("string");
        ArrayNode allowed = category.putArray("enum");
        categories.forEach(allowed::add);
        props.set("categories", arrayOf(category));
        required(root, "simpleExplanation", "studyDuration", "participants", "evidence", "keyFindings",
                "researchSummary", "practicalImplications", "limitations", "categories");
        return root;
    }

    private static ObjectNode object() {
        ObjectNode node = type("object");
        node.putObject("properties");
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode type(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }

    private static ObjectNode nullableString() {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("type").add("string").add("null");
        return node;
    }

    private static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode node = type("array");
        node.set("items", items);
        return node;
    }

    private static void required(ObjectNode node, String... names) {
        ArrayNode required = node.putArray("required");
        for (String n : names) {
            required.add(n);
        }
    }
}
