package app.plainpaper.checks;

import java.util.List;

/**
 * One problem found in a draft.
 *
 * @param ruleId          the policy rule that raised it, e.g. {@code accuracy.number.contradicted}
 * @param severity        taken from the policy
 * @param message         plain words for the editor
 * @param section         draft section name ({@code keyFindings[1]}), or {@code draft} for the draft as a whole
 * @param start           start of the offending span in that section's text (0 when not about a span)
 * @param end             end of the span, exclusive (0 when not about a span)
 * @param sourceSentences the source sentences the finding is about, if any
 * @param policyVersion   version of the policy that was applied
 */
public record CheckFinding(String ruleId, Severity severity, String message, String section, int start, int end,
                           List<String> sourceSentences, String policyVersion) {

    public CheckFinding {
        sourceSentences = sourceSentences == null ? List.of() : List.copyOf(sourceSentences);
    }
}
