package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.alignment.SourceIndex;
import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.RulePolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Direction of change (increase/decrease, better/worse). Each direction word in a draft sentence is compared
 * with the direction words of the aligned source sentences that are about the same thing (share a content
 * word nearby). If all of those go the other way, the draft has reversed the finding.
 */
public final class DirectionRule implements Rule {

    public static final String ID = "accuracy.direction";

    enum Axis { AMOUNT, QUALITY }

    record Move(Axis axis, boolean up, boolean negated, PhraseMatch word, Set<String> about) {
    }

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("up", "down", "better", "worse", "neutral", "negators", "notAbout"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        RulePolicy rule = ctx.rule(ID);
        double minAlignment = rule.number("minAlignment", 0.3);
        int maxSources = (int) rule.number("maxSourceSentences", 2);
        Set<String> notAbout = new HashSet<>();
        rule.list("notAbout").entries().forEach(w -> notAbout.add(app.plainpaper.checks.alignment.Stems.of(w)));
        List<app.plainpaper.checks.alignment.SourceSentence> all = ctx.sourceIndex().sentences();
        List<List<Move>> sourceMoves = all.stream().map(s -> moves(rule, ctx.sourceIndex(), s.text(), notAbout)).toList();
        int minShared = (int) rule.number("minSharedContext", 1);
        int minSharedUnaligned = (int) rule.number("minSharedContextUnaligned", 2);
        double fallbackAlignment = rule.number("fallbackMinAlignment", 0);
        for (DraftSentence ds : ctx.sentences()) {
            if (relationReversed(ctx, rule, ds, notAbout, out)) {
                continue;
            }
            List<Move> draft = moves(rule, ctx.sourceIndex(), ds.text(), notAbout);
            if (draft.isEmpty()) {
                continue;
            }
            Map<Integer, Double> alignment = new java.util.HashMap<>();
            // align without the direction words, so a reversed word does not weaken the match it is judged by
            ctx.sourceIndex().align(withoutDirectionWords(rule, ds.text()), maxSources, 0)
                    .forEach(a -> alignment.put(a.sentence().index(), a.score()));
            for (Move d : draft) {
                Move opposite = null;
                String where = null;
                int oppositeShared = 0;
                boolean agreed = false;
                for (int i = 0; i < all.size() && !agreed; i++) {
                    boolean aligned = alignment.getOrDefault(all.get(i).index(), 0.0) >= minAlignment;
                    int needed = aligned ? minShared : minSharedUnaligned;
                    for (Move s : sourceMoves.get(i)) {
                        int shared = shared(d.about(), s.about());
                        if (s.axis() != d.axis() || s.negated() != d.negated() || shared < needed) {
                            continue;
                        }
                        if (s.up() == d.up()) {
                            agreed = true;
                            break;
                        }
                        if (shared > oppositeShared) {
                            opposite = s;
                            oppositeShared = shared;
                            where = all.get(i).text();
                        }
                    }
                }
                if (!agreed && opposite == null && fallbackAlignment > 0) {
                    // no source statement shares this one's words: fall back to the best-aligned sentence
                    var best = ctx.aligned(ds).stream().findFirst().filter(a -> a.score() >= fallbackAlignment);
                    if (best.isPresent()) {
                        List<Move> sm = sourceMoves.get(all.indexOf(best.get().sentence()));
                        List<Move> sameAxis = sm.stream().filter(x -> x.axis() == d.axis() && x.negated() == d.negated()).toList();
                        if (!sameAxis.isEmpty() && sameAxis.stream().noneMatch(x -> x.up() == d.up())) {
                            opposite = sameAxis.get(0);
                            where = best.get().sentence().text();
                        }
                    }
                }
                if (!agreed && opposite != null) {
                    out.add(ctx.finding(ID, Map.of("draft", d.word().text(), "source", opposite.word().text()),
                            ds.section(), ds.start() + d.word().start(), ds.start() + d.word().end(), List.of(where)));
                    break; // one finding per sentence is enough
                }
            }
        }
    }

    /**
     * Two direction words that qualify each other ("declined with increasing age", "increased the reduction"): the
     * finding is how they relate, same way or opposite. A draft relation about the same thing (shared context words)
     * as an aligned source relation, turned the other way ("declined with decreasing age"), is a reversal.
     */
    record Relation(Axis axis, boolean same, PhraseMatch second, Set<String> about) {
    }

    private static boolean relationReversed(CheckContext ctx, RulePolicy rule, DraftSentence ds, Set<String> notAbout,
                                            List<CheckFinding> out) {
        List<Relation> draft = relations(rule, ctx.sourceIndex(), ds.text(), notAbout);
        if (draft.isEmpty()) {
            return false;
        }
        int minShared = (int) rule.number("minSharedRelationContext", 2);
        double minAlignment = rule.number("minAlignment", 0.3);
        for (var a : ctx.sourceIndex().align(withoutDirectionWords(rule, ds.text()), (int) rule.number("maxSourceSentences", 2), minAlignment)) {
            List<Relation> source = relations(rule, ctx.sourceIndex(), a.sentence().text(), notAbout);
            for (Relation d : draft) {
                boolean agreed = false;
                Relation opposite = null;
                for (Relation r : source) {
                    if (r.axis() != d.axis() || shared(d.about(), r.about()) < minShared) {
                        continue;
                    }
                    if (r.same() == d.same()) {
                        agreed = true;
                    } else {
                        opposite = r;
                    }
                }
                if (!agreed && opposite != null) {
                    out.add(ctx.finding(ID, Map.of("draft", d.second().text(), "source", opposite.second().text()),
                            ds.section(), ds.start() + d.second().start(), ds.start() + d.second().end(),
                            List.of(a.sentence().text())));
                    return true;
                }
            }
        }
        return false;
    }

    static List<Relation> relations(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout) {
        List<PhraseMatch> neutral = rule.list("neutral").find(text);
        List<PhraseMatch> negators = rule.list("negators").find(text);
        int window = (int) rule.number("negationWindow", 3);
        int nested = (int) rule.number("nestedWords", 4);
        int around = (int) rule.number("contextWords", 3);
        List<Object[]> words = new ArrayList<>();
        Set<String> directionStems = new HashSet<>();
        for (String list : List.of("up", "down", "better", "worse")) {
            Axis axis = list.equals("up") || list.equals("down") ? Axis.AMOUNT : Axis.QUALITY;
            boolean up = list.equals("up") || list.equals("better");
            for (PhraseMatch m : Scope.without(rule.list(list).find(text), neutral)) {
                if (!Scope.negated(text, m.start(), negators, window)) {
                    words.add(new Object[] {axis, up, m});
                }
                directionStems.addAll(index.stemsOf(m.text()));
            }
        }
        words.sort(java.util.Comparator.comparingInt(w -> ((PhraseMatch) w[2]).start()));
        List<Relation> out = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            Object[] a = words.get(i);
            Object[] b = words.get(i + 1);
            PhraseMatch pa = (PhraseMatch) a[2];
            PhraseMatch pb = (PhraseMatch) b[2];
            if (a[0] != b[0] || wordsBetween(text, pa, pb) > nested || pa.end() > pb.start()) {
                continue;
            }
            Set<String> about = new HashSet<>(index.stemsOf(Scope.wordsAround(text, pa.start(), pb.end(), around)));
            about.removeAll(directionStems);
            about.removeAll(notAbout);
            out.add(new Relation((Axis) a[0], a[1] == b[1], pb, about));
        }
        return out;
    }

    /** A change the source states plainly ("reduced pain") that the draft negates ("did not reduce pain"), or the reverse. */
    private static final java.util.regex.Pattern OPEN_QUESTION =
            java.util.regex.Pattern.compile("(?i)\\b(?:whether|if)\\b[^,;.]*$");

    record NegatedMove(Move draft, Move source, String sourceSentence) {
    }

    static java.util.Optional<NegatedMove> negatedMove(CheckContext ctx, DraftSentence ds, int window) {
        if (ctx.policy().find(ID).isEmpty()) {
            return java.util.Optional.empty();
        }
        RulePolicy rule = ctx.rule(ID);
        Set<String> notAbout = new HashSet<>();
        rule.list("notAbout").entries().forEach(w -> notAbout.add(app.plainpaper.checks.alignment.Stems.of(w)));
        double minAlignment = rule.number("minAlignment", 0.3);
        int minShared = (int) rule.number("minSharedContext", 1);
        int minSharedUnaligned = (int) rule.number("minSharedContextUnaligned", 2);
        Map<Integer, Double> alignment = new java.util.HashMap<>();
        ctx.aligned(ds).forEach(a -> alignment.put(a.sentence().index(), a.score()));
        List<Move> draft = moves(rule, ctx.sourceIndex(), ds.text(), notAbout, window);
        for (Move d : draft) {
            String before = ds.text().substring(Math.max(0, d.word().start() - 60), d.word().start());
            if (OPEN_QUESTION.matcher(before).find()) {
                continue; // "insufficient evidence to conclude whether they reduce": a question, not a claim
            }
            NegatedMove found = null;
            boolean agreed = false;
            for (app.plainpaper.checks.alignment.SourceSentence s : ctx.sourceIndex().sentences()) {
                int needed = alignment.getOrDefault(s.index(), 0.0) >= minAlignment ? minShared : minSharedUnaligned;
                for (Move m : moves(rule, ctx.sourceIndex(), s.text(), notAbout, window)) {
                    if (m.axis() != d.axis() || m.up() != d.up() || shared(d.about(), m.about()) < needed) {
                        continue;
                    }
                    if (m.negated() == d.negated()) {
                        agreed = true;
                    } else if (found == null) {
                        found = new NegatedMove(d, m, s.text());
                    }
                }
            }
            if (!agreed && found != null) {
                return java.util.Optional.of(found);
            }
        }
        return java.util.Optional.empty();
    }

    static String withoutDirectionWords(RulePolicy rule, String text) {
        StringBuilder sb = new StringBuilder(text);
        for (String list : List.of("up", "down", "better", "worse")) {
            for (PhraseMatch m : rule.list(list).find(text)) {
                for (int i = m.start(); i < m.end(); i++) {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static int wordsBetween(String text, PhraseMatch a, PhraseMatch b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        if (to <= from) {
            return 0;
        }
        String between = text.substring(from, to).strip();
        return between.isEmpty() ? 0 : between.split("\\s+").length;
    }

    private static int shared(Set<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    /** Direction words that are not negated or neutral, each with the content stems around it (what moved). */
    static List<Move> moves(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout) {
        return moves(rule, index, text, notAbout, (int) rule.number("negationWindow", 3));
    }

    static List<Move> moves(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout, int window) {
        List<PhraseMatch> neutral = rule.list("neutral").find(text);
        List<PhraseMatch> negators = rule.list("negators").find(text);
        int around = (int) rule.number("contextWords", 3);
        List<PhraseMatch> allDirectionWords = new ArrayList<>();
        for (String list : List.of("up", "down", "better", "worse")) {
            allDirectionWords.addAll(rule.list(list).find(text));
        }
        Set<String> directionStems = new HashSet<>();
        allDirectionWords.forEach(m -> directionStems.addAll(index.stemsOf(m.text())));
        List<Move> out = new ArrayList<>();
        for (String list : List.of("up", "down", "better", "worse")) {
            Axis axis = list.equals("up") || list.equals("down") ? Axis.AMOUNT : Axis.QUALITY;
            boolean up = list.equals("up") || list.equals("better");
            for (PhraseMatch m : Scope.without(rule.list(list).find(text), neutral)) {
                boolean negated = Scope.negated(text, m.start(), negators, window);
                Set<String> about = new HashSet<>(index.stemsOf(Scope.wordsAround(text, m.start(), m.end(), around)));
                about.removeAll(directionStems);
                about.removeAll(notAbout);
                out.add(new Move(axis, up, negated, m, about));
            }
        }
        // "increased the reduction": opposite words next to each other qualify one another; leave them out
        int nested = (int) rule.number("nestedWords", 4);
        List<Move> kept = new ArrayList<>();
        for (Move a : out) {
            boolean tangled = out.stream().anyMatch(b -> b != a && b.axis() == a.axis() && b.up() != a.up()
                    && wordsBetween(text, a.word(), b.word()) <= nested);
            if (!tangled) {
                kept.add(a);
            }
        }
        return kept;
    }
}
