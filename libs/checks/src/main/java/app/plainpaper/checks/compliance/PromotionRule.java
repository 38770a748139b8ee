package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.policy.PhraseMatch;

import java.util.List;
import java.util.Map;

/** Promotional or sensational wording. */
public final class PromotionRule implements Rule {

    public static final String ID = "compliance.promotion";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("promotional"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        for (NamedText s : ctx.sections()) {
            for (PhraseMatch m : ctx.rule(ID).list("promotional").find(s.text())) {
                out.add(ctx.finding(ID, Map.of("word", m.text()), s.section(), m.start(), m.end(), List.of()));
            }
        }
    }
}
