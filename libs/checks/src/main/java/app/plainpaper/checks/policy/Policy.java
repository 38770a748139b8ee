package app.plainpaper.checks.policy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned set of rule settings. Every report records the version it was checked against.
 *
 * @param version  policy version, e.g. "1"
 * @param settings policy-wide settings (disclaimer version, alignment thresholds...)
 * @param synonyms words treated as one when aligning draft and source sentences: canonical word to variants
 * @param rules    rules by id
 */
public record Policy(String version, Map<String, Object> settings, Map<String, java.util.List<String>> synonyms,
                     Map<String, RulePolicy> rules) {

    public RulePolicy rule(String id) {
        RulePolicy r = rules.get(id);
        if (r == null) {
            throw new PolicyException("policy " + version + " has no rule '" + id + "'");
        }
        return r;
    }

    public Optional<RulePolicy> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Collection<RulePolicy> allRules() {
        return rules.values();
    }

    public double setting(String name, double fallback) {
        Object v = settings.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public String setting(String name, String fallback) {
        Object v = settings.get(name);
        return v == null ? fallback : v.toString();
    }
}
