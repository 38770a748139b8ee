package app.plainpaper.checks;

import java.util.List;
import java.util.Map;

/** A check. Its settings (severity, word lists, patterns) come from the policy under its rule ids. */
public interface Rule {

    /** Policy rule ids this check raises findings under. */
    List<String> ruleIds();

    /** Word lists each rule id needs from the policy, so a bad policy fails on load rather than mid-check. */
    default Map<String, List<String>> requiredLists() {
        return Map.of();
    }

    /** Whether the check needs a full draft (sections and metadata) rather than a bare text. */
    default boolean needsFullDraft() {
        return false;
    }

    void check(CheckContext context, List<CheckFinding> findings);
}
