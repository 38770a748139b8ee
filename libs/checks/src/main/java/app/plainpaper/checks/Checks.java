package app.plainpaper.checks;

import app.plainpaper.checks.accuracy.CertaintyRule;
import app.plainpaper.checks.accuracy.DirectionRule;
import app.plainpaper.checks.accuracy.EntityRule;
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
 */
public final class Checks {

    private final Policy policy;
    private final List<Rule> rules;
    private final Map<String, String> synonyms;

    public Checks(Policy policy) {
        this(policy, standardRules());
    }

    public Checks(Policy policy, List<Rule> rules) {
        this.policy = policy;
        this.rules = List.copyOf(rules);
        validate(policy, this.rules);
        this.synonyms = synonymStems(policy);
    }

    /** Checks with the policy shipped in this library ({@value PolicyLoader#DEFAULT_RESOURCE}). */
    public static Checks withDefaultPolicy() {
        return new Checks(PolicyLoader.loadDefault());
    }

    public static List<Rule> standardRules() {
        return List.of(new NumberRule(), new DirectionRule(), new NegationRule(), new CertaintyRule(),
                new PopulationRule(), new EntityRule(), new DisclaimerRule(), new AdviceRule(),
                new RequiredSectionsRule(), new AnimalLabelRule(), new PromotionRule(), new PersonalDataRule(),
                new CopyingRule(), new ReadabilityRule(), new LinkRule());
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
        CheckContext ctx = new CheckContext(policy, sections, source, new SourceIndex(source, synonyms), metadata, fullDraft);
        List<CheckFinding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.needsFullDraft() && !fullDraft) {
                continue;
            }
            rule.check(ctx, findings);
        }
        return new CheckReport(policy.version(), findings);
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
