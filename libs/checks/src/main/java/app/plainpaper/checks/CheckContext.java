package app.plainpaper.checks;

import app.plainpaper.checks.alignment.ScoredSentence;
import app.plainpaper.checks.alignment.SourceIndex;
import app.plainpaper.checks.policy.Policy;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What a rule sees: the draft's sections, the indexed source and the policy. */
public final class CheckContext {

    private final Policy policy;
    private final List<NamedText> sections;
    private final Source source;
    private final SourceIndex sourceIndex;
    private final DraftMetadata metadata;
    private final boolean fullDraft;
    private final List<Definition> definitions;
    private List<DraftSentence> sentences;
    private List<DefinitionLine> definitionLines;
    private final Map<DraftSentence, List<ScoredSentence>> alignments = new IdentityHashMap<>();

    CheckContext(Policy policy, List<NamedText> sections, Source source, SourceIndex sourceIndex, DraftMetadata metadata,
                 boolean fullDraft, List<Definition> definitions) {
        this.policy = policy;
        this.sections = List.copyOf(sections);
        this.source = source;
        this.sourceIndex = sourceIndex;
        this.metadata = metadata;
        this.fullDraft = fullDraft;
        this.definitions = List.copyOf(definitions);
    }

    /**
     * The same draft seen as the single sentence of {@code line}, against the line's reference definition as the
     * whole source: the rules then compare the line with that definition and nothing else.
     */
    CheckContext againstDefinition(DefinitionLine line, java.util.function.Function<Source, SourceIndex> index) {
        Source reference = new Source("", List.of(new SourceSection(DefinitionLine.SOURCE_SECTION, line.reference())),
                null, null);
        CheckContext ctx = new CheckContext(policy, sections, reference, index.apply(reference), metadata, fullDraft,
                List.of());
        ctx.sentences = List.of(line.sentence());
        return ctx;
    }

    public Policy policy() {
        return policy;
    }

    public RulePolicy rule(String id) {
        return policy.rule(id);
    }

    public boolean enabled(String id) {
        return policy.find(id).map(RulePolicy::enabled).orElse(false);
    }

    public List<NamedText> sections() {
        return sections;
    }

    public Source source() {
        return source;
    }

    public SourceIndex sourceIndex() {
        return sourceIndex;
    }

    /** Draft metadata; null when checking a bare text. */
    public DraftMetadata metadata() {
        return metadata;
    }

    public boolean fullDraft() {
        return fullDraft;
    }

    /** Design as declared by the draft or the source, or null when neither says. */
    public StudyDesign declaredDesign() {
        if (metadata != null && metadata.evidenceDesign() != null) {
            return metadata.evidenceDesign();
        }
        return source.design();
    }

    public List<DraftSentence> sentences() {
        if (sentences == null) {
            List<DraftSentence> out = new ArrayList<>();
            for (NamedText section : sections) {
                for (Sentence s : Sentences.split(section.text())) {
                    out.add(new DraftSentence(section.section(), s.text(), s.start(), s.end()));
                }
            }
            sentences = List.copyOf(out);
        }
        return sentences;
    }

    /** Reference definitions the draft was written with (e.g. the drafting engine's glossary); empty if none. */
    public List<Definition> definitions() {
        return definitions;
    }

    /** Draft sentences that explain a term of {@link #definitions()} ("HER2 means ..."), in draft order. */
    public List<DefinitionLine> definitionLines() {
        if (definitionLines == null) {
            definitionLines = definitions.isEmpty() ? List.of() : sentences().stream()
                    .flatMap(s -> DefinitionLine.of(s, definitions).stream()).toList();
        }
        return definitionLines;
    }

    /** Source sentences most similar to the draft sentence, best first. */
    public List<ScoredSentence> aligned(DraftSentence sentence) {
        return alignments.computeIfAbsent(sentence, s -> sourceIndex.align(s.text(),
                (int) policy.setting("alignment.maxSourceSentences", 3),
                policy.setting("alignment.minScore", 0.15)));
    }

    /** A finding with severity and message from the policy rule {@code ruleId}. */
    public CheckFinding finding(String ruleId, Map<String, ?> values, String section, int start, int end,
                                List<String> sourceSentences) {
        RulePolicy rule = policy.rule(ruleId);
        return new CheckFinding(ruleId, rule.severity(), rule.format(values), section, start, end, sourceSentences,
                policy.version());
    }
}
