package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.text.Token;
import app.plainpaper.text.Words;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drugs, genes, proteins and conditions named in the draft but not in the source: gene/protein-like tokens
 * (IL-6, TNF-α, MCP-2), acronyms, and words with drug or condition endings (-mab, -nib, -itis...).
 */
public final class EntityRule implements Rule {

    public static final String ID = "accuracy.entity.unsupported";

    private static final Map<String, String> GREEK = Map.of("α", "alpha", "β", "beta", "γ", "gamma", "δ", "delta",
            "κ", "kappa", "μ", "mu", "ω", "omega");

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("drugSuffixes", "conditionSuffixes", "exceptions"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        RulePolicy rule = ctx.rule(ID);
        String source = normalise(ctx.sourceIndex().fullText());
        Set<String> exceptions = new HashSet<>();
        rule.list("exceptions").entries().forEach(e -> exceptions.add(e.toLowerCase(Locale.ROOT)));
        List<String> suffixes = new java.util.ArrayList<>(rule.list("drugSuffixes").entries());
        suffixes.addAll(rule.list("conditionSuffixes").entries());
        int minLength = (int) rule.number("minLength", 7);
        for (DraftSentence ds : ctx.sentences()) {
            Set<String> reported = new HashSet<>();
            for (Pattern p : rule.patterns()) {
                Matcher m = p.matcher(ds.text());
                while (m.find()) {
                    if (!exceptions.contains(m.group().toLowerCase(Locale.ROOT))) {
                        report(ctx, ds, m.group(), m.start(), m.end(), source, reported, out);
                    }
                }
            }
            for (Token t : Words.tokens(ds.text())) {
                String w = t.normalized();
                if (w.length() < minLength || !t.hasLetter() || exceptions.contains(w) || exceptions.contains(singular(w))) {
                    continue;
                }
                String base = singular(w);
                if (suffixes.stream().anyMatch(s -> base.endsWith(s.toLowerCase(Locale.ROOT)))) {
                    report(ctx, ds, t.text(), t.start(), t.end(), source, reported, out);
                }
            }
        }
    }

    private static void report(CheckContext ctx, DraftSentence ds, String entity, int start, int end, String source,
                               Set<String> reported, List<CheckFinding> out) {
        String key = normalise(entity);
        if (key.length() < 2 || reported.contains(key) || source.contains(key) || source.contains(normalise(singular(entity)))) {
            return;
        }
        reported.add(key);
        out.add(ctx.finding(ID, Map.of("entity", entity), ds.section(), ds.start() + start, ds.start() + end, List.of()));
    }

    private static String singular(String w) {
        return w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("is") ? w.substring(0, w.length() - 1) : w;
    }

    /** Lower case, Greek letters spelled out, hyphens and spaces removed: "TNF-α" and "TNF alpha" meet. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> g : GREEK.entrySet()) {
            s = s.replace(g.getKey(), g.getValue());
        }
        return s.replaceAll("[\\s\\-\u2010\u2011\u2013]+", "");
    }
}
