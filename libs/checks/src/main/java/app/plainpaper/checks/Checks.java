package app.plainpaper.checks;

import app.plainpaper.checks.accuracy.CertaintyRule;
import app.plainpaper.checks.accuracy.DirectionRule;
import app.plainpaper.checks.accuracy.EntityRule;
import app.plainpaper.checks.accuracy.GlossaryRule;
import app.plainpaper.checks.accuracy.NegationRule;
import app.plainpaper.checks.accuracy.NumberRule;
import app.plainpaper.checks.accuracy.PopulationRule;
import app.plainpaper.checks.alignment.SourceIndex;
import app.plainpaper.checks.alignment.Stems;
import app.plainpaper.checks.compliance.AdviceRule;
import app.plainpaper.checks.compliance.AnimalLabelRule;
import app.plainpaper.checks.compliance.CopyingRule;
import app.plainpaper.checks.compliance.DisclaimerRule;
import app.plainpaper.checks.compliance.LinkRule;
import app.plainpaper.checks.compliance.PersonalDataRule;
import app.plainpaper.checks.compliance.PromotionRule;
import app.plainpaper.checks.compliance.ReadabilityRule;
import app.plainpaper.checks.compliance.RequiredSectionsRule;
import app.plainpaper.checks.policy.Policy;
import app.plainpaper.checks.policy.PolicyException;
import app.plainpaper.checks.policy.PolicyLoader;
import app.plainpaper.checks.policy.RulePolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the accuracy and compliance checks of a policy. Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * Checks checks = Checks.withDefaultPolicy();
 * CheckReport report = checks.check(draft, source);
 * if (report.hasBlockers()) { ... }
 * }</pre>
 *
 * <p>Built {@link #withDefinitions(Collection) with definitions} (the glossary the draft was written with), a draft
 * sentence "{@code <term> means <explanation>.}" is also compared with the term's definition as its source sentence.
 */
public final class Checks {

    private final Policy policy;
    private final List<Rule> rules;
    private final Map<String, String> synonyms;
    private final List<Definition> definitions;

    /**
     * Rule families that compare a draft sentence with its source sentences: these also compare a definition line
     * with its definition.
     */
    static final List<String> COMPARED_WITH_DEFINITIONS = List.of("accuracy.number.", "accuracy.direction",
            "accuracy.negation");

    public Checks(Policy policy) {
        this(policy, standardRules());
    }

    public Checks(Policy policy, List<Rule> rules) {
        this(policy, rules, List.of());
    }

    private Checks(Policy policy, List<Rule> rules, List<Definition> definitions) {
        this.policy = policy;
        this.rules = List.copyOf(rules);
        validate(policy, this.rules);
        this.synonyms = synonymStems(policy);
        this.definitions = List.copyOf(definitions);
    }

    /**
     * These checks with {@code definitions} as the reference for draft sentences that explain a term
     * ("HER2 means a protein that ..."): each such sentence is compared with its term's definition by the number,
     * direction and negation rules, and {@code accuracy.glossary.changed} notes an explanation that differs from it.
     * Replaces any definitions these checks had; the first definition of a written form wins.
     */
    public Checks withDefinitions(Collection<Definition> definitions) {
        return new Checks(policy, rules, List.copyOf(definitions));
    }

    /** The reference definitions (empty unless built {@link #withDefinitions(Collection) with definitions}). */
    public List<Definition> definitions() {
        return definitions;
    }

    /** Checks with the policy shipped in this library ({@value PolicyLoader#DEFAULT_RESOURCE}). */
    public static Checks withDefaultPolicy() {
        return new Checks(PolicyLoader.loadDefault());
    }

    public static List<Rule> standardRules() {
        return List.of(new NumberRule(), new DirectionRule(), new NegationRule(), new CertaintyRule(),
                new PopulationRule(), new EntityRule(), new DisclaimerRule(), new AdviceRule(),
                new RequiredSectionsRule(), new AnimalLabelRule(), new PromotionRule(), new PersonalDataRule(),
                new CopyingRule(), new ReadabilityRule(), new LinkRule(), new GlossaryRule());
    }

    public Policy policy() {
        return policy;
    }

    /** The policy as editors read it (version, and per rule its checker, severity, description and word lists). */
    public app.plainpaper.checks.policy.PolicyView policyView() {
        return app.plainpaper.checks.policy.PolicyView.of(policy);
    }

    /** Checks a full draft against its source. */
    public CheckReport check(Draft draft, Source source) {
        return run(draft.sections(), source, draft.metadata(), true);
    }

    /** Checks a bare plain text against a bare technical text (no sections, no metadata). */
    public CheckReport checkText(String plain, String technical) {
        return checkText(plain, Source.ofText(technical));
    }

    /** Checks a bare plain text against a source. Rules that need a full draft are skipped. */
    public CheckReport checkText(String plain, Source source) {
        return run(List.of(new NamedText("text", plain)), source, null, false);
    }

    private CheckReport run(List<NamedText> sections, Source source, DraftMetadata metadata, boolean fullDraft) {
        CheckContext ctx = new CheckContext(policy, sections, source, new SourceIndex(source, synonyms), metadata, fullDraft,
                definitions);
        List<CheckFinding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.needsFullDraft() && !fullDraft) {
                continue;
            }
            rule.check(ctx, findings);
        }
        findings.addAll(againstDefinitions(ctx, findings));
        return new CheckReport(policy.version(), findings);
    }

    /**
     * Each definition line whose explanation differs from its definition, checked against that definition alone, so
     * the rest of the draft aligns with the source exactly as without definitions. Findings the line already has
     * (same rule, same span) are not repeated.
     */
    private List<CheckFinding> againstDefinitions(CheckContext ctx, List<CheckFinding> found) {
        List<CheckFinding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        found.forEach(f -> seen.add(key(f)));
        for (DefinitionLine line : ctx.definitionLines()) {
            if (line.matchesDefinition()) {
                continue; // the line is its own reference: nothing to compare
            }
            CheckContext reference = ctx.againstDefinition(line, s -> new SourceIndex(s, synonyms));
            List<CheckFinding> fresh = new ArrayList<>();
            for (Rule rule : rules) {
                if (rule.ruleIds().stream().anyMatch(id -> COMPARED_WITH_DEFINITIONS.stream().anyMatch(id::startsWith))
                        && !(rule.needsFullDraft() && !ctx.fullDraft())) {
                    rule.check(reference, fresh);
                }
            }
            fresh.stream().filter(f -> seen.add(key(f))).forEach(out::add);
        }
        return out;
    }

    private static String key(CheckFinding f) {
        return f.ruleId() + "|" + f.section() + "|" + f.start() + "|" + f.end();
    }

    private static void validate(Policy policy, List<Rule> rules) {
        List<String> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Rule rule : rules) {
            for (String id : rule.ruleIds()) {
                known.add(id);
                if (policy.find(id).isEmpty()) {
                    errors.add("rule '" + id + "' is missing");
                }
            }
            for (Map.Entry<String, List<String>> e : rule.requiredLists().entrySet()) {
                policy.find(e.getKey()).ifPresent(r -> {
                    for (String list : e.getValue()) {
                        if (!r.lists().containsKey(list)) {
                            errors.add("rule '" + r.id() + "' needs a word list '" + list + "'");
                        }
                    }
                });
            }
        }
        for (RulePolicy r : policy.allRules()) {
            if (!known.contains(r.id())) {
                errors.add("rule '" + r.id() + "' is not a rule this version of the checks knows (known: "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyException("policy version " + policy.version() + " does not fit the checks:\n - "
                    + String.join("\n - ", errors));
        }
    }

    private static Map<String, String> synonymStems(Policy policy) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : policy.synonyms().entrySet()) {
            String canonical = Stems.of(e.getKey());
            for (String variant : e.getValue()) {
                out.put(Stems.of(variant), canonical);
            }
        }
        return out;
    }
}
