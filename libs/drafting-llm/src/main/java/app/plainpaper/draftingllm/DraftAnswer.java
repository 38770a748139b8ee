package app.plainpaper.draftingllm;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.EvidenceAssessment;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SourceRef;
import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.evidence.DesignCue;
import app.plainpaper.drafting.evidence.DesignReading;
import app.plainpaper.drafting.evidence.OcebmLevels;
import app.plainpaper.drafting.revision.DraftReviser;
import app.plainpaper.drafting.sections.SectionFigures;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.taxonomy.Taxonomy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the model's answer into a draft and checks it against the source. Defects that make the draft unsafe or
 * unusable reject it ({@link Rejected}: the engine then falls back to the built-in draft); defects that can be cut
 * out are cut out and flagged for the editor.
 *
 * <ul>
 *   <li>Rejected: not JSON, not an object, a required section missing or blank, an unknown design, no key finding
 *       left with a valid source sentence, any number that the source does not contain.</li>
 *   <li>Cut and flagged: a source index out of range (the reference is dropped; a finding left with none is
 *       dropped), a category not in the taxonomy, design words that are not in the source (the design stays,
 *       the reason says the words were not found).</li>
 * </ul>
 */
public final class DraftAnswer {

    /** The answer cannot be used; {@code reason} says why, for the editor flag and the log. */
    public record Rejected(String reason) {
    }

    /** Either a draft or a rejection. */
    public record Outcome(DraftText draft, Rejected rejected) {
        public boolean usable() {
            return draft != null;
        }
    }

    public static final String NOT_STATED = "Not specified";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Taxonomy taxonomy;
    private final OcebmLevels levels = new OcebmLevels();

    public DraftAnswer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public Outcome read(String answer, PaperText text, String engine) {
        JsonNode root;
        try {
            root = JSON.readTree(stripFence(answer));
        } catch (JacksonException e) {
            return reject("the answer is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            return reject("the answer is not a JSON object");
        }
        List<String> flags = new ArrayList<>();
        String explanation = string(root, "simpleExplanation");
        String summary = string(root, "researchSummary");
        if (explanation == null) {
            return reject("the answer has no simpleExplanation");
        }
        if (summary == null) {
            return reject("the answer has no researchSummary");
        }
        for (String section : List.of("keyFindings", "practicalImplications", "limitations", "categories")) {
            if (!root.path(section).isArray()) {
                return reject("the answer has no " + section + " list");
            }
        }
        JsonNode evidenceNode = root.path("evidence");
        String designName = string(evidenceNode, "design");
        StudyDesign design;
        try {
            design = designName == null ? null : StudyDesign.valueOf(designName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            design = null;
        }
        if (design == null) {
            return reject("the answer names no known study design (" + designName + ")");
        }

        int sentences = text.sentences().size();
        List<KeyFindingText> findings = new ArrayList<>();
        for (JsonNode f : root.path("keyFindings")) {
            String finding = string(f, "text");
            if (finding == null) {
                continue;
            }
            Set<Integer> indexes = new LinkedHashSet<>();
            List<String> outOfRange = new ArrayList<>();
            for (JsonNode i : f.path("sourceSentences")) {
                if (i.isIntegralNumber() && i.asInt() >= 0 && i.asInt() < sentences) {
                    indexes.add(i.asInt());
                } else {
                    outOfRange.add(i.asString());
                }
            }
            if (!outOfRange.isEmpty()) {
                flags.add("The language model cited source sentences that do not exist (" + String.join(", ", outOfRange)
                        + "; the abstract has sentences 0 to " + (sentences - 1) + "): references dropped");
            }
            if (indexes.isEmpty()) {
                flags.add("Key finding dropped, it cites no sentence of the abstract: \"" + finding + "\"");
                continue;
            }
            findings.add(new KeyFindingText(finding, indexes.stream()
                    .map(i -> new SourceRef(i, text.sentence(i).text())).toList()));
        }
        if (findings.isEmpty()) {
            return reject("no key finding cites a sentence of the abstract");
        }

        List<ImplicationText> implications = new ArrayList<>();
        for (JsonNode i : root.path("practicalImplications")) {
            String title = string(i, "title");
            String body = string(i, "text");
            if (title != null && body != null) {
                implications.add(new ImplicationText(title, body));
            }
        }
        List<String> limitations = new ArrayList<>();
        root.path("limitations").forEach(l -> {
            if (l.isString() && !l.asString().isBlank()) {
                limitations.add(l.asString().strip());
            }
        });
        List<String> known = taxonomy.categories().stream().map(Taxonomy.Category::name).toList();
        List<String> categories = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        root.path("categories").forEach(c -> {
            String name = c.asString("").strip();
            known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().ifPresentOrElse(
                    k -> { if (!categories.contains(k)) categories.add(k); }, () -> unknown.add(name));
        });
        if (!unknown.isEmpty()) {
            flags.add("Categories not in the taxonomy dropped: " + String.join(", ", unknown));
        }

        String designWords = string(evidenceNode, "designWords");
        DesignCue cue = null;
        if (designWords != null) {
            String where = whereStated(designWords, text);
            if (where != null) {
                cue = new DesignCue(design, 3, designWords, where);
            } else {
                flags.add("The language model read the design from words that are not in the abstract (\"" + designWords
                        + "\"): check the evidence level");
            }
        }
        EvidenceAssessment evidence = levels.assess(new DesignReading(design, cue == null ? List.of() : List.of(cue), List.of()));
        if (cue == null && design != StudyDesign.UNKNOWN) {
            evidence = new EvidenceAssessment(evidence.scale(), levels.assess(new DesignReading(design,
                    List.of(new DesignCue(design, 3, design.label(), "model")), List.of())).level(), design,
                    "Read as " + design.label() + " by the language model, which quoted no words of the abstract for it.");
        }

        String duration = stated(string(root, "studyDuration"));
        String participants = stated(string(root, "participants"));
        if (participants == null) {
            flags.add("Participants not stated in the abstract");
        }
        if (duration == null) {
            flags.add("Study dates not stated in the abstract");
        }
        if (design == StudyDesign.UNKNOWN) {
            flags.add("Study design not recognised: set the evidence level by hand");
        }
        if (limitations.isEmpty()) {
            flags.add(BuiltInDraftingEngine.NO_LIMITATIONS);
        }
        if (categories.isEmpty()) {
            flags.add("No category matched: choose a category by hand");
        }
        flags.add("Written by a language model (" + engine + "): check every sentence against the abstract");

        DraftText draft = new DraftText(explanation, duration, participants, evidence, findings, summary, implications,
                limitations, categories,
                SectionFigures.readability(explanation, findings, summary, implications, limitations),
                flags, engine, null);
        List<String> unsupported = DraftReviser.numbersNotInSource(draft, text.sourceText());
        if (!unsupported.isEmpty()) {
            return reject("it wrote numbers the source does not contain (" + String.join("; ", unsupported) + ")");
        }
        return new Outcome(draft, null);
    }

    private static Outcome reject(String reason) {
        return new Outcome(null, new Rejected(reason));
    }

    /** Some local servers wrap JSON in a Markdown fence even when asked not to. */
    private static String stripFence(String answer) {
        if (answer == null) {
            return "";
        }
        String s = answer.strip();
        if (s.startsWith("```")) {
            s = s.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return s;
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isString()) {
            return null;
        }
        String s = v.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String stated(String s) {
        if (s == null) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", "");
        return lower.equals("not specified") || lower.equals("not stated") || lower.equals("null") || lower.equals("none")
                ? null : s;
    }

    private static String whereStated(String words, PaperText text) {
        String needle = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (text.title().toLowerCase(Locale.ROOT).contains(needle)) {
            return "title";
        }
        for (var s : text.sentences()) {
            if (s.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains(needle)) {
                return "sentence " + s.index();
            }
        }
        for (String type : text.paper().publicationTypes()) {
            if (type.toLowerCase(Locale.ROOT).contains(needle)) {
                return "publication type";
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
