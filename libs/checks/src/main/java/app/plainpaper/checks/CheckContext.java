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
    private List<DraftSentence> sentences;
    private final Map<DraftSentence, List<ScoredSentence>> alignments = new IdentityHashMap<>();

    CheckContext(Policy policy, List<NamedText> sections, Source source, SourceIndex sourceIndex, DraftMetadata metadata,
                 boolean fullDraft) {
        this.policy = policy;
        this.sections = List.copyOf(sections);
        this.source = source;
        this.sourceIndex = sourceIndex;
        this.metadata = metadata;
        this.fullDraft = fullDraft;
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
