package app.plainpaper.checks.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The loaded policy as editors read it on the desk: plain, immutable data (strings, lists, maps) that any JSON
 * library serialises as it is. Built from a {@link Policy}; changing it changes nothing in the checks.
 *
 * @param version           the policy version every finding records
 * @param disclaimerVersion the disclaimer version drafts must carry
 * @param settings          policy-wide settings (alignment thresholds...), by name
 * @param synonyms          words the alignment treats as one: canonical word to its variants
 * @param rules             every rule, ordered by id
 */
public record PolicyView(String version, String disclaimerVersion, Map<String, Object> settings,
                         Map<String, List<String>> synonyms, List<RuleView> rules) {

    /**
     * One rule.
     *
     * @param id          e.g. {@code accuracy.number.contradicted}
     * @param checker     {@code accuracy} (accuracy-review service) or {@code compliance} (disclaimer-check service)
     * @param severity    {@code blocker}, {@code warning} or {@code info}
     * @param enabled     false when the policy switches the rule off
     * @param description what the rule checks, in plain words
     * @param message     what a finding says; {@code {placeholders}} are filled in by the rule
     * @param lists       the rule's word lists by name (a trailing {@code *} matches any ending)
     * @param patterns    its regular expressions, as written in the policy file
     * @param params      the numbers and strings that tune it
     */
    public record RuleView(String id, String checker, String severity, boolean enabled, String description,
                           String message, Map<String, List<String>> lists, List<String> patterns,
                           Map<String, Object> params) {
    }

    public PolicyView {
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        synonyms = java.util.Collections.unmodifiableMap(new TreeMap<>(synonyms));
        rules = List.copyOf(rules);
    }

    /** The view of {@code policy}. */
    public static PolicyView of(Policy policy) {
        List<RuleView> rules = new ArrayList<>();
        for (RulePolicy r : policy.allRules()) {
            Map<String, List<String>> lists = new TreeMap<>();
            r.lists().forEach((name, list) -> lists.put(name, List.copyOf(list.entries())));
            Map<String, Object> params = new LinkedHashMap<>(new TreeMap<>(r.params()));
            rules.add(new RuleView(r.id(), r.id().substring(0, Math.max(0, r.id().indexOf('.'))),
                    r.severity().name().toLowerCase(Locale.ROOT), r.enabled(), r.description(), r.message(),
                    java.util.Collections.unmodifiableMap(lists), r.patterns().stream().map(Pattern::pattern).toList(),
                    java.util.Collections.unmodifiableMap(params)));
        }
        rules.sort(Comparator.comparing(RuleView::id));
        Map<String, List<String>> synonyms = new TreeMap<>();
        policy.synonyms().forEach((k, v) -> synonyms.put(k, List.copyOf(v)));
        return new PolicyView(policy.version(), policy.setting("disclaimer.currentVersion", (String) null),
                new TreeMap<>(policy.settings()), synonyms, rules);
    }
}
