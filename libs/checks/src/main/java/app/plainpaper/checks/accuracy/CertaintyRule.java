package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.checks.alignment.ScoredSentence;
import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.RulePolicy;

import java.util.List;
import java.util.Map;

/**
 * How sure the draft sounds: hedged findings stated as certain, hype words, and cause-and-effect
 * language about observational studies.
 */
public final class CertaintyRule implements Rule {

    public static final String OVERSTATED = "accuracy.certainty.overstated";
    public static final String HYPE = "accuracy.certainty.hype";
    public static final String CAUSAL_OBSERVATIONAL = "accuracy.certainty.causal-observational";

    @Override
    public List<String> ruleIds() {
        return List.of(OVERSTATED, HYPE, CAUSAL_OBSERVATIONAL);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(OVERSTATED, List.of("hedges", "certain"), HYPE, List.of("hype", "negators", "exemptions"),
                CAUSAL_OBSERVATIONAL, List.of("causal", "observationalMarkers", "trialMarkers"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        boolean observational = ctx.enabled(CAUSAL_OBSERVATIONAL) && isObservational(ctx);
        for (DraftSentence ds : ctx.sentences()) {
            if (ctx.enabled(HYPE)) {
                RulePolicy hype = ctx.rule(HYPE);
                List<PhraseMatch> negators = hype.list("negators").find(ds.text());
                List<PhraseMatch> exempt = hype.list("exemptions").find(ds.text());
                for (PhraseMatch m : hype.list("hype").find(ds.text())) {
                    if (exempt.stream().anyMatch(x -> x.start() <= m.start() && m.end() <= x.end())) {
                        continue;
                    }
                    if (!Scope.negated(ds.text(), m.start(), negators, (int) hype.number("negationWindow", 4))) {
                        out.add(ctx.finding(HYPE, Map.of("word", m.text()), ds.section(), ds.start() + m.start(),
                                ds.start() + m.end(), List.of()));
                    }
                }
            }
            if (ctx.enabled(OVERSTATED)) {
                overstated(ctx, ds, out);
            }
            if (observational) {
                RulePolicy causal = ctx.rule(CAUSAL_OBSERVATIONAL);
                for (PhraseMatch m : causal.list("causal").find(ds.text())) {
                    out.add(ctx.finding(CAUSAL_OBSERVATIONAL, Map.of("word", m.text()), ds.section(),
                            ds.start() + m.start(), ds.start() + m.end(), List.of()));
                    break;
                }
            }
        }
    }

    private static void overstated(CheckContext ctx, DraftSentence ds, List<CheckFinding> out) {
        RulePolicy rule = ctx.rule(OVERSTATED);
        List<PhraseMatch> certain = rule.list("certain").find(ds.text());
        if (certain.isEmpty() || rule.list("hedges").containsIn(ds.text())) {
            return;
        }
        double minAlignment = rule.number("minAlignment", 0.3);
        for (ScoredSentence a : ctx.aligned(ds)) {
            if (a.score() < minAlignment) {
                break;
            }
            List<PhraseMatch> hedges = rule.list("hedges").find(a.sentence().text());
            if (!hedges.isEmpty() && rule.list("certain").find(a.sentence().text()).isEmpty()) {
                PhraseMatch c = certain.get(0);
                out.add(ctx.finding(OVERSTATED, Map.of("hedge", hedges.get(0).text(), "certain", c.text()), ds.section(),
                        ds.start() + c.start(), ds.start() + c.end(), List.of(a.sentence().text())));
            }
            return; // only the best-aligned sentence counts
        }
    }

    private static boolean isObservational(CheckContext ctx) {
        StudyDesign design = ctx.declaredDesign();
        if (design != null) {
            return design.isObservational();
        }
        RulePolicy rule = ctx.rule(CAUSAL_OBSERVATIONAL);
        String text = ctx.sourceIndex().fullText();
        return rule.list("observationalMarkers").containsIn(text) && !rule.list("trialMarkers").containsIn(text);
    }
}
