package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.text.Readability;
import app.plainpaper.text.ReadabilityFigures;

import java.util.List;
import java.util.Map;

/**
 * Reading grade of the simple explanation (or of the whole text when a bare text is checked)
 * against the policy's target.
 */
public final class ReadabilityRule implements Rule {

    public static final String ID = "compliance.readability";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        RulePolicy rule = ctx.rule(ID);
        String wanted = rule.text("section", "simpleExplanation");
        double target = rule.number("maxGrade", 10);
        for (NamedText s : ctx.sections()) {
            if (ctx.fullDraft() && !s.section().equals(wanted)) {
                continue;
            }
            ReadabilityFigures f = Readability.of(s.text());
            if (f.words() > 0 && f.fleschKincaidGrade() > target) {
                out.add(ctx.finding(ID, Map.of("grade", String.format(java.util.Locale.ROOT, "%.1f", f.fleschKincaidGrade()),
                        "target", String.format(java.util.Locale.ROOT, "%.0f", target)), s.section(), 0, s.text().length(),
                        List.of()));
            }
        }
    }
}
