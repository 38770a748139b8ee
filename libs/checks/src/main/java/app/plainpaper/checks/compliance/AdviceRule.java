package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Directive medical advice to the reader. The policy's patterns are applied to each sentence on its own,
 * so "^" anchors at the start of a sentence (where an imperative stands).
 */
public final class AdviceRule implements Rule {

    public static final String ID = "compliance.advice";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        List<Pattern> patterns = ctx.rule(ID).patterns();
        for (DraftSentence ds : ctx.sentences()) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(ds.text());
                if (m.find()) {
                    out.add(ctx.finding(ID, Map.of("text", ds.text().strip()), ds.section(), ds.start() + m.start(),
                            ds.start() + Math.max(m.end(), m.start() + 1), List.of()));
                    break;
                }
            }
        }
    }
}
