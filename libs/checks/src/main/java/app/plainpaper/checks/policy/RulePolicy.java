package app.plainpaper.checks.policy;

import app.plainpaper.checks.Severity;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule's settings from the policy file.
 *
 * @param id          rule id, e.g. {@code compliance.advice}
 * @param severity    severity of its findings
 * @param enabled     false switches the rule off
 * @param description what the rule checks, for editors
 * @param message     what the finding says; {@code {placeholders}} are filled in by the rule
 * @param lists       named word lists
 * @param patterns    regular expressions (case-insensitive), compiled and checked on load
 * @param params      numbers and strings that tune the rule
 */
public record RulePolicy(String id, Severity severity, boolean enabled, String description, String message,
                         Map<String, WordList> lists, List<Pattern> patterns, Map<String, Object> params) {

    public WordList list(String name) {
        WordList l = lists.get(name);
        if (l == null) {
            throw new PolicyException("rule '" + id + "' has no word list '" + name + "'");
        }
        return l;
    }

    public double number(String name, double fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public String text(String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v.toString();
    }

    /** The message with {@code {key}} replaced by the given values. */
    public String format(Map<String, ?> values) {
        String out = message;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }
}
