package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.alignment.ScoredSentence;
import app.plainpaper.checks.alignment.SourceIndex;
import app.plainpaper.checks.alignment.Stems;
import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.checks.policy.WordList;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Negated findings. Sentences are cut into segments at strong breaks (";", "but", "whereas"...); each draft
 * segment is paired with the source segment sharing most of its content words. A segment is negative when it
 * holds an odd number of negations ("no", "did not", "similar", "no significant difference"), so "did not show
 * a difference" and "showed no difference" agree. When the two disagree, the negation on the negative side must
 * bear on a finding word (difference, effect, improved, associated...) that the other side also states.
 */
public final class NegationRule implements Rule {

    public static final String ID = "accuracy.negation";
    private static final String DIFFERENCE = "differ";

    private static final Pattern STRONG_BREAK = Pattern.compile(
            "[;:]|\\s(?:but|whereas|while|although|though|however|except|yet)\\s", Pattern.CASE_INSENSITIVE);
    /** "differences were not detected": a negation right after a finding, across an auxiliary only. */
    private static final Pattern AUXILIARY = Pattern.compile(
            "\\s*(?:were|was|is|are|did|does|do|has|have|had|been)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAK_BREAK = Pattern.compile("[,()\\[\\]]|\\.\\s");

    /** A stretch of a sentence, with each finding word's state: negated, plain, or both (ambiguous). */
    record Segment(int start, int end, Set<String> stems, List<PhraseMatch> negations,
                   Map<String, Set<Boolean>> findings, Set<Double> years) {
    }

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("negators", "nullFindings", "notNegation", "findings", "notFindings",
                "negationPassesThrough", "mustBeNegated"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        RulePolicy rule = ctx.rule(ID);
        double minAlignment = rule.number("minAlignment", 0.3);
        int maxSources = (int) rule.number("maxSourceSentences", 2);
        int minShared = (int) rule.number("minSharedWords", 3);
        double minShare = rule.number("minSharedFraction", 0.5);
        double vetoShare = rule.number("vetoSharedFraction", 0.8);
        for (DraftSentence ds : ctx.sentences()) {
            if (unnegatedClaim(ctx, rule, ds, out)) {
                continue;
            }
            List<ScoredSentence> aligned = ctx.aligned(ds).stream().filter(a -> a.score() >= minAlignment)
                    .limit(maxSources).toList();
            if (aligned.isEmpty()) {
                continue;
            }
            List<Segment> draft = segments(rule, ctx.sourceIndex(), ds.text());
            int before = out.size();
            List<List<Segment>> source = aligned.stream()
                    .map(a -> segments(rule, ctx.sourceIndex(), a.sentence().text())).toList();
            for (Segment d : draft) {
                if (d.stems().size() < minShared
                        || rule.list("notFindings").containsIn(ds.text().substring(d.start(), d.end()))) {
                    continue;
                }
                Segment best = null;
                int bestShared = 0;
                int bestSentence = -1;
                List<Segment> candidates = new ArrayList<>();
                for (int i = 0; i < source.size(); i++) {
                    for (Segment s : source.get(i)) {
                        int shared = 0;
                        for (String w : d.stems()) {
                            if (s.stems().contains(w)) {
                                shared++;
                            }
                        }
                        double fraction = (double) shared / Math.max(1, Math.min(d.stems().size(), s.stems().size()));
                        if (shared >= minShared && fraction >= minShare) {
                            candidates.add(s);
                            if (shared > bestShared) {
                                best = s;
                                bestShared = shared;
                                bestSentence = i;
                            }
                        }
                    }
                }
                if (best == null) {
                    continue;
                }
                if (!d.years().isEmpty() && !best.years().isEmpty() && !d.years().equals(best.years())) {
                    continue; // different searches or periods: not the same statement
                }
                final Segment b = best;
                final int bestSharedFinal = bestShared;
                // a finding word whose state differs from the best-matching source segment, and that no other
                // matching source segment states the draft's way
                boolean turned = d.findings().entrySet().stream().anyMatch(e -> {
                    Set<Boolean> other = b.findings().get(e.getKey());
                    return other != null && e.getValue().size() == 1 && other.size() == 1 && !e.getValue().equals(other)
                            && candidates.stream().filter(c -> shared(d, c) >= vetoShare * bestSharedFinal)
                            .noneMatch(c -> e.getValue().equals(c.findings().get(e.getKey())));
                });
                if (!turned) {
                    continue;
                }
                PhraseMatch at = d.negations().isEmpty() ? null : d.negations().get(0);
                int start = ds.start() + (at != null ? at.start() : d.start());
                int end = ds.start() + (at != null ? at.end() : d.end());
                String sourceText = aligned.get(bestSentence).sentence().text();
                out.add(ctx.finding(ID, Map.of("draft", Scope.quote(ds.text().substring(d.start(), d.end())),
                                "source", Scope.quote(sourceText.substring(best.start(), best.end()))),
                        ds.section(), start, end, List.of(sourceText)));
                break; // one finding per sentence
            }
            if (out.size() == before && rule.number("checkNegatedChanges", 1) > 0) {
                // "did not reduce pain" where the source says "reduced pain"
                DirectionRule.negatedMove(ctx, ds, (int) rule.number("negatedChangeWindow", 6)).ifPresent(n -> out.add(ctx.finding(ID,
                        Map.of("draft", Scope.quote(ds.text()), "source", Scope.quote(n.sourceSentence())), ds.section(),
                        ds.start() + n.draft().word().start(), ds.start() + n.draft().word().end(),
                        List.of(n.sourceSentence()))));
            }
        }
    }

    /** "it cannot prove cause and effect" turned into "it can prove cause and effect": true only negated, whatever the source. */
    private static boolean unnegatedClaim(CheckContext ctx, RulePolicy rule, DraftSentence ds, List<CheckFinding> out) {
        List<PhraseMatch> negators = negations(rule, ds.text());
        for (PhraseMatch claim : rule.list("mustBeNegated").find(ds.text())) {
            if (!Scope.negated(ds.text(), claim.start(), negators, (int) rule.number("mustBeNegatedWindow", 3))
                    && negators.stream().noneMatch(n -> n.start() < claim.end() && claim.start() < n.end())) {
                out.add(ctx.finding(ID, Map.of("draft", Scope.quote(ds.text()),
                                "source", "nothing that allows \"" + claim.text() + "\"; research can state it only negated"),
                        ds.section(), ds.start() + claim.start(), ds.start() + claim.end(), List.of()));
                return true;
            }
        }
        return false;
    }

    private static int shared(Segment a, Segment b) {
        int n = 0;
        for (String w : a.stems()) {
            if (b.stems().contains(w)) {
                n++;
            }
        }
        return n;
    }

    static List<Segment> segments(RulePolicy rule, SourceIndex index, String text) {
        List<PhraseMatch> negations = negations(rule, text);
        List<PhraseMatch> findings = rule.list("findings").find(text);
        List<PhraseMatch> nulls = rule.list("nullFindings").find(text);
        int scope = (int) rule.number("negationScopeWords", 12);
        int after = (int) rule.number("negationAfterWords", 2);
        List<Segment> out = new ArrayList<>();
        Matcher m = STRONG_BREAK.matcher(text);
        int from = 0;
        while (true) {
            boolean found = m.find();
            int to = found ? m.start() : text.length();
            if (to > from) {
                final int f = from;
                final int t = to;
                List<PhraseMatch> here = negations.stream().filter(n -> n.start() >= f && n.end() <= t).toList();
                Set<String> stems = new HashSet<>(index.stemsOf(text.substring(from, to)));
                here.forEach(n -> stems.removeAll(index.stemsOf(n.text())));
                Map<String, Set<Boolean>> keys = new java.util.HashMap<>();
                List<PhraseMatch> nullsHere = nulls.stream().filter(x -> x.start() >= f && x.end() <= t).toList();
                for (PhraseMatch x : nullsHere) {
                    // "no effect" is about effect; "similar", "no difference" are about difference
                    String k = DIFFERENCE;
                    for (PhraseMatch y : findings) {
                        if (y.start() >= x.start() && y.end() <= x.end()) {
                            k = key(y.text(), index);
                        }
                    }
                    keys.computeIfAbsent(k, z -> new HashSet<>()).add(true);
                }
                List<PhraseMatch> findingsHere = findings.stream()
                        .filter(x -> x.start() >= f && x.end() <= t && !inParentheses(text, x.start())
                                && nullsHere.stream().noneMatch(nl -> nl.start() <= x.start() && x.end() <= nl.end()))
                        .sorted(java.util.Comparator.comparingInt(PhraseMatch::start)).toList();
                Map<PhraseMatch, Integer> negatedBy = new java.util.IdentityHashMap<>();
                for (PhraseMatch n : here) {
                    if (nullsHere.stream().anyMatch(nl -> nl.start() <= n.start() && n.end() <= nl.end())) {
                        continue;
                    }
                    for (PhraseMatch x : scopeOf(rule, text, n, findingsHere, scope)) {
                        negatedBy.merge(x, 1, Integer::sum);
                    }
                    // "differences were not detected": a negation right after a finding, across an auxiliary only
                    for (PhraseMatch x : findingsHere) {
                        if (n.start() >= x.end() && after > 0 && AUXILIARY.matcher(text.substring(x.end(), n.start())).matches()) {
                            negatedBy.merge(x, 1, Integer::sum);
                        }
                    }
                }
                for (PhraseMatch x : findingsHere) {
                    keys.computeIfAbsent(key(x.text(), index), z -> new HashSet<>()).add(negatedBy.getOrDefault(x, 0) % 2 == 1);
                }
                Set<Double> years = new HashSet<>();
                for (NumberMention y : Numbers.find(text.substring(from, to))) {
                    if (y.kind() == NumberMention.Kind.YEAR || y.kind() == NumberMention.Kind.DATE) {
                        years.add(y.value());
                    }
                }
                out.add(new Segment(from, to, stems, here, keys, years));
            }
            if (!found) {
                break;
            }
            from = m.end();
        }
        return out;
    }

    /**
     * The finding words a negator bears on. A negation binds the first finding word after it in its clause ("not
     * linked to changes": linked, not changes), passing through words that only qualify what follows ("no evidence
     * of", "not significantly", "did not clearly"); the binding carries over "or"/"nor" ("did not improve pain or
     * function") and to a finding preceded by "any" anywhere later in the clause ("no evidence ... to have any
     * effect").
     */
    private static List<PhraseMatch> scopeOf(RulePolicy rule, String text, PhraseMatch negator, List<PhraseMatch> findings,
                                             int maxWords) {
        WordList passThrough = rule.list("negationPassesThrough");
        List<PhraseMatch> out = new ArrayList<>();
        int from = negator.end();
        PhraseMatch previous = null;
        boolean bound = false;
        for (PhraseMatch x : findings) {
            if (x.start() < negator.end()) {
                continue;
            }
            String between = text.substring(negator.end(), x.start());
            if (WEAK_BREAK.matcher(between).find() && !between.matches("(?s)[^.;]*,\\s*(?:or|nor)\\s+\\S*\\s*$")) {
                break;
            }
            boolean anyBefore = ANY_BEFORE.matcher(text.substring(Math.max(negator.end(), x.start() - 40), x.start())).find();
            if (!bound) {
                if (!inScope(text, from, x.start(), maxWords) && !anyBefore) {
                    break;
                }
                out.add(x);
                previous = x;
                from = x.end();
                bound = !passThrough.containsIn(x.text());
                continue;
            }
            String gap = text.substring(previous.end(), x.start());
            if (anyBefore || OR_JOIN.matcher(gap).matches() || passThrough.containsIn(previous.text()) && inScope(text, previous.end(), x.start(), 2)) {
                out.add(x);
                previous = x;
            }
        }
        return out;
    }

    /** "any" (or "a significant", "an important") right before a finding word: a negative-polarity marker. */
    private static final Pattern ANY_BEFORE = Pattern.compile("(?i)\\bany\\s+(?:\\S+\\s+){0,2}$");
    private static final Pattern OR_JOIN = Pattern.compile("(?is)[^.;]{0,40}?\\b(?:or|nor)\\b(?:\\s+\\S+){0,3}\\s*");

    /** Statistical details in brackets ("mean difference 900") say nothing about the direction of the finding. */
    private static boolean inParentheses(String text, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static boolean inScope(String text, int from, int to, int maxWords) {
        String between = text.substring(from, to);
        if (WEAK_BREAK.matcher(between).find()) {
            return false;
        }
        return between.isBlank() || between.strip().split("\\s+").length <= maxWords;
    }

    /** Finding words as comparable keys: "differences", "differed", "similar" all mean "differ". */
    private static String key(String finding, SourceIndex index) {
        String first = finding.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        Set<String> mapped = index.stemsOf(first);
        String stem = mapped.isEmpty() ? Stems.of(first) : mapped.iterator().next();
        return stem.startsWith("differ") || stem.startsWith("similar") || stem.startsWith("compar") ? DIFFERENCE : stem;
    }

    /** Negators and null findings, overlapping matches merged, "not only" and the like left out. */
    static List<PhraseMatch> negations(RulePolicy rule, String text) {
        List<PhraseMatch> notNegation = rule.list("notNegation").find(text);
        List<PhraseMatch> all = new ArrayList<>(rule.list("nullFindings").find(text));
        for (PhraseMatch n : rule.list("negators").find(text)) {
            if (all.stream().noneMatch(x -> x.start() < n.end() && n.start() < x.end())) {
                all.add(n);
            }
        }
        List<PhraseMatch> kept = new ArrayList<>(Scope.without(all, notNegation));
        kept.sort(java.util.Comparator.comparingInt(PhraseMatch::start));
        return kept;
    }
}
