package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.text.Token;
import app.plainpaper.text.Words;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Long word-for-word runs copied from a source whose licence is not open. */
public final class CopyingRule implements Rule {

    public static final String ID = "compliance.copying";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("openLicences", "notOpen"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        RulePolicy rule = ctx.rule(ID);
        String licence = ctx.source().licence();
        if (isOpen(rule, licence)) {
            return;
        }
        int n = (int) rule.number("minWords", 30);
        List<String> source = Words.of(ctx.sourceIndex().fullText());
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + n <= source.size(); i++) {
            grams.add(String.join(" ", source.subList(i, i + n)));
        }
        if (grams.isEmpty()) {
            return;
        }
        for (NamedText s : ctx.sections()) {
            List<Token> tokens = Words.tokens(s.text());
            List<String> words = tokens.stream().map(Token::normalized).toList();
            int i = 0;
            while (i + n <= words.size()) {
                if (!grams.contains(String.join(" ", words.subList(i, i + n)))) {
                    i++;
                    continue;
                }
                int last = i + n - 1; // extend the run while windows keep matching
                while (last + 1 < words.size() && grams.contains(String.join(" ", words.subList(last + 2 - n, last + 2)))) {
                    last++;
                }
                out.add(ctx.finding(ID, Map.of("words", last - i + 1, "licence", licence == null ? "unknown" : licence),
                        s.section(), tokens.get(i).start(), tokens.get(last).end(), List.of()));
                i = last + 1;
            }
        }
    }

    static boolean isOpen(RulePolicy rule, String licence) {
        if (licence == null || licence.isBlank()) {
            return false;
        }
        return rule.list("openLicences").containsIn(licence) && !rule.list("notOpen").containsIn(licence);
    }
}
