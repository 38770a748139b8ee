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

    /**
     * A direction word and what it is about. {@code head} is the stem of the word right after it ("lower *body*"),
     * {@code fixed} marks a source word inside a fixed phrase ("lower body", "longer-term") that is no finding: it
     * only meets a draft word with the same head, turned the other way ("higher body").
     */
    record Move(Axis axis, boolean up, boolean negated, PhraseMatch word, Set<String> about, String head, boolean fixed,
                boolean estimate) {
    }

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("up", "down", "better", "worse", "neutral", "negators", "notAbout", "linkedBy", "terms",
                "thresholdAbove", "thresholdBelow", "adverse"));
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
        int window = (int) rule.number("negationWindow", 3);
        List<List<Move>> sourceMoves = all.stream().map(s -> moves(rule, ctx.sourceIndex(), s.text(), notAbout, window, true)).toList();
        int minShared = (int) rule.number("minSharedContext", 1);
        int minSharedUnaligned = (int) rule.number("minSharedContextUnaligned", 2);
        double fallbackAlignment = rule.number("fallbackMinAlignment", 0);
        Thresholds thresholds = thresholds(rule);
        List<List<Thresholds.Threshold>> sourceThresholds = all.stream()
                .map(s -> thresholds.find(s.text(), ctx.sourceIndex())).toList();
        FigureAnchors anchors = new FigureAnchors(all, (int) rule.number("anchorMaxSentences", 2));
        // words most source sentences use (the drug) do not say which outcome an estimate is about
        Set<String> common = commonStems(all, rule.number("aboutMaxSentenceShare", 0.3));
        Adverse adverse = Adverse.of(rule.list("adverse").entries());
        for (DraftSentence ds : ctx.sentences()) {
            Set<Integer> agreedWords = new HashSet<>();
            if (thresholdReversed(ctx, thresholds, sourceThresholds, ds, out)
                    || relationReversed(ctx, rule, ds, notAbout, out, agreedWords) || doseReversed(ctx, rule, ds, out)) {
                continue;
            }
            List<Move> draft = moves(rule, ctx.sourceIndex(), ds.text(), notAbout).stream()
                    .filter(m -> !agreedWords.contains(m.word().start())).toList();
            if (draft.isEmpty()) {
                continue;
            }
            FigureAnchors.Anchoring anchoring = anchors.of(ds.text());
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
                        if (s.estimate() && s.negated() && !HEDGED.matcher(ds.text().substring(0, d.word().start())).find()) {
                            continue;
                        }
                        int shared = s.fixed() ? (d.head() != null && d.head().equals(s.head()) ? FIXED_PHRASE : 0)
                                : shared(d.about(), s.about());
                        if (s.axis() != d.axis() || s.negated() != d.negated() || shared < needed) {
                            continue;
                        }
                        if (s.up() == d.up()) {
                            if (s.estimate() && shared(d.about(), s.about(), common) == 0) {
                                continue; // "RR 1.85" for treatment response is no agreement on the risk of death
                            }
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
                if (!agreed && !anchoring.isEmpty() && anchoredTo(ctx.sourceIndex(), ds.text(), d, anchoring, all)) {
                    // the figures say which source clause this is about: what that clause says decides
                    Anchored verdict = anchoredVerdict(d, anchors, anchoring, sourceMoves, all, adverse);
                    if (verdict != null && verdict.agrees()) {
                        agreed = true;
                        opposite = null;
                    } else if (verdict != null) {
                        opposite = verdict.opposite();
                        where = verdict.sentence();
                    }
                }
                if (!agreed && opposite == null && fallbackAlignment > 0) {
                    // no source statement shares this one's words: fall back to the best-aligned sentence, aligned with
                    // the direction words or, failing that, without them (so a reversed word does not weaken its match)
                    List<Integer> best = new ArrayList<>();
                    ctx.aligned(ds).stream().findFirst().filter(a -> a.score() >= fallbackAlignment)
                            .ifPresent(a -> best.add(a.sentence().index()));
                    alignment.entrySet().stream().max(Map.Entry.comparingByValue())
                            .filter(a -> a.getValue() >= fallbackAlignment - 1e-9).ifPresent(a -> best.add(a.getKey()));
                    for (int at : best.stream().map(b -> indexOf(all, b)).distinct().toList()) {
                        List<Move> sameAxis = sourceMoves.get(at).stream()
                                .filter(x -> !x.fixed() && !x.estimate() && x.axis() == d.axis() && x.negated() == d.negated()).toList();
                        if (!sameAxis.isEmpty() && sameAxis.stream().noneMatch(x -> x.up() == d.up())) {
                            opposite = sameAxis.get(0);
                            where = all.get(at).text();
                            break;
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

    private static final int FIXED_PHRASE = 100;

    /**
     * Things it is bad to have more of (pain, risk, deaths): a change in their amount is also a change for better or
     * worse, so "pain decreased by 4 fewer points" meets "improvement" and "increased the risk" meets "harm".
     */
    record Adverse(Set<String> exact, List<String> prefixes) {
        static Adverse of(List<String> entries) {
            Set<String> exact = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            for (String e : entries) {
                String w = e.toLowerCase(java.util.Locale.ROOT);
                if (w.endsWith("*")) {
                    prefixes.add(app.plainpaper.checks.alignment.Stems.of(w.substring(0, w.length() - 1)));
                } else {
                    exact.add(app.plainpaper.checks.alignment.Stems.of(w));
                }
            }
            return new Adverse(Set.copyOf(exact), List.copyOf(prefixes));
        }

        boolean about(Set<String> stems) {
            return stems.stream().anyMatch(s -> exact.contains(s) || prefixes.stream().anyMatch(s::startsWith));
        }
    }

    /** The move, and for a change in the amount of something adverse the same change read as better or worse. */
    private static List<Move> readings(Move m, Adverse adverse) {
        if (m.axis() != Axis.AMOUNT || m.fixed() || !adverse.about(m.about())) {
            return List.of(m);
        }
        return List.of(m, new Move(Axis.QUALITY, !m.up(), m.negated(), m.word(), m.about(), m.head(), false, m.estimate()));
    }

    record Anchored(boolean agrees, Move opposite, String sentence) {
    }

    /**
     * The draft's move is about what its figures anchor when the figure stands in the same clause as the move, or the
     * move's context words are in the anchored source sentence.
     */
    private static boolean anchoredTo(SourceIndex index, String text, Move d, FigureAnchors.Anchoring anchoring,
                                      List<app.plainpaper.checks.alignment.SourceSentence> all) {
        int[] clause = FigureAnchors.draftClause(text, d.word().start());
        if (anchoring.draftFigures().stream().anyMatch(f -> f.start() >= clause[0] && f.start() < clause[1])) {
            return true;
        }
        return anchoring.clauses().stream().anyMatch(c -> shared(d.about(), all.get(c.sentence()).stems()) > 0);
    }

    /**
     * What the anchored source clauses say about the same axis: agreement anywhere agrees; otherwise the first move the
     * other way. A clause without a move of that axis defers to the nearest clause of its sentence that has one; null
     * when none has.
     */
    private static Anchored anchoredVerdict(Move d, FigureAnchors anchors, FigureAnchors.Anchoring anchoring,
                                            List<List<Move>> sourceMoves,
                                            List<app.plainpaper.checks.alignment.SourceSentence> all, Adverse adverse) {
        List<Move> draft = readings(d, adverse);
        Move opposite = null;
        String where = null;
        for (FigureAnchors.Clause anchored : anchoring.clauses()) {
            for (List<FigureAnchors.Clause> ring : anchors.byDistance(anchored)) {
                boolean met = false;
                for (Move s : sourceMoves.get(anchored.sentence())) {
                    if (s.fixed() || (s.estimate() && s.negated()) || ring.stream().noneMatch(c -> c.holds(s.word().start()))) {
                        continue;
                    }
                    for (Move sr : readings(s, adverse)) {
                        for (Move dr : draft) {
                            if (sr.axis() != dr.axis() || sr.negated() != dr.negated()) {
                                continue;
                            }
                            met = true;
                            if (sr.up() == dr.up()) {
                                return new Anchored(true, null, null);
                            }
                            if (opposite == null) {
                                opposite = sr;
                                where = all.get(anchored.sentence()).text();
                            }
                        }
                    }
                }
                if (met) {
                    break;
                }
            }
        }
        return opposite == null ? null : new Anchored(false, opposite, where);
    }

    /** The threshold phrases compiled once for the policy this rule is used with, not on every check. */
    private volatile Thresholds thresholds;

    private Thresholds thresholds(RulePolicy rule) {
        Thresholds t = thresholds;
        if (t == null || t.policy() != rule) {
            t = new Thresholds(rule, rule.list("thresholdAbove"), rule.list("thresholdBelow"),
                    (int) rule.number("thresholdContextWords", 6));
            thresholds = t;
        }
        return t;
    }

    /** "65 or younger" where the source says "65 or older" (and nowhere "65 or younger"), "P > 0.05" for "P < 0.05". */
    private static boolean thresholdReversed(CheckContext ctx, Thresholds thresholds, List<List<Thresholds.Threshold>> source,
            DraftSentence ds, List<CheckFinding> out) {
        for (Thresholds.Threshold t : thresholds.find(ds.text(), ctx.sourceIndex())) {
            var opposite = thresholds.reversed(t, ctx.sourceIndex().sentences(), source);
            if (opposite.isPresent()) {
                out.add(ctx.finding(ID, Map.of("draft", t.text(), "source", opposite.get().threshold().text()),
                        ds.section(), ds.start() + t.start(), ds.start() + t.end(), List.of(opposite.get().sentence())));
                return true;
            }
        }
        return false;
    }

    /** "higher doses of ibuprofen", "lower-dose aspirin": a comparison of doses, checked against the figures. */
    private static final java.util.regex.Pattern DOSE_COMPARISON = java.util.regex.Pattern.compile(
            "\\b(higher|lower|larger|smaller|greater)[- ]dos(?:e|es|ing)(?:\\s+of)?\\s+([\\p{L}][\\p{L}\\p{N}-]*)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * "Others involved higher doses of ibuprofen" after "ibuprofen 400 mg": the draft's one dose of that drug is the
     * reference; if every dose of the drug the source gives (same unit) is at or below it, and one is below, the
     * other doses were lower, not higher (and the reverse).
     */
    private static boolean doseReversed(CheckContext ctx, RulePolicy rule, DraftSentence ds, List<CheckFinding> out) {
        var m = DOSE_COMPARISON.matcher(ds.text());
        List<PhraseMatch> negators = rule.list("negators").find(ds.text());
        while (m.find()) {
            if (Scope.negated(ds.text(), m.start(), negators, (int) rule.number("negationWindow", 3))) {
                continue;
            }
            boolean up = !List.of("lower", "smaller").contains(m.group(1).toLowerCase(java.util.Locale.ROOT));
            String drug = app.plainpaper.checks.alignment.Stems.of(m.group(2));
            Set<String> reference = new HashSet<>();
            double r = Double.NaN;
            for (DraftSentence other : ctx.sentences()) {
                for (var n : app.plainpaper.text.Numbers.find(other.text())) {
                    if (n.kind() == app.plainpaper.text.NumberMention.Kind.DOSE && near(other.text(), n, drug)) {
                        reference.add(n.value() + " " + n.unit());
                        r = n.value();
                    }
                }
            }
            if (reference.size() != 1) {
                continue;
            }
            String unit = reference.iterator().next().substring(reference.iterator().next().indexOf(' ') + 1);
            boolean beyond = false;
            String other = null;
            String otherDose = null;
            for (var s : ctx.sourceIndex().sentences()) {
                for (var n : s.numbers()) {
                    if (n.kind() != app.plainpaper.text.NumberMention.Kind.DOSE || !String.valueOf(n.unit()).equals(unit)
                            || !near(s.text(), n, drug)) {
                        continue;
                    }
                    if (up ? n.value() > r : n.value() < r) {
                        beyond = true;
                    } else if (n.value() != r && other == null) {
                        other = s.text();
                        otherDose = m.group(2) + " " + n.raw();
                    }
                }
            }
            if (!beyond && other != null) {
                out.add(ctx.finding(ID, Map.of("draft", m.group(), "source", otherDose), ds.section(),
                        ds.start() + m.start(1), ds.start() + m.end(1), List.of(other)));
                return true;
            }
        }
        return false;
    }

    /** Whether the drug is named within three words of the figure ("ibuprofen 400 mg", "400 mg of ibuprofen"). */
    private static boolean near(String text, app.plainpaper.text.NumberMention n, String drug) {
        String around = Scope.wordsAround(text, n.start(), n.end(), 3);
        for (app.plainpaper.text.Token t : app.plainpaper.text.Words.tokens(around)) {
            if (app.plainpaper.checks.alignment.Stems.of(t.text()).equals(drug)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<app.plainpaper.checks.alignment.SourceSentence> all, int sentenceIndex) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).index() == sentenceIndex) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Two direction words that qualify each other ("declined with increasing age", "increased the reduction"): the
     * finding is how they relate, same way or opposite. A draft relation about the same thing (shared context words)
     * as an aligned source relation, turned the other way ("declined with decreasing age"), is a reversal.
     */
    record Relation(Axis axis, boolean same, PhraseMatch first, PhraseMatch second, Set<String> about, boolean linked) {
    }

    private static boolean relationReversed(CheckContext ctx, RulePolicy rule, DraftSentence ds, Set<String> notAbout,
                                            List<CheckFinding> out, Set<Integer> agreedWords) {
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
                        if (d.linked() && r.linked()) {
                            // "lower age was linked to larger changes" says what "higher age ... smaller changes" says
                            agreedWords.add(d.first().start());
                            agreedWords.add(d.second().start());
                        }
                    } else {
                        opposite = r;
                    }
                }
                if (!agreed && opposite != null) {
                    out.add(ctx.finding(ID, Map.of("draft", d.first().text() + " ... " + d.second().text(),
                                    "source", opposite.first().text() + " ... " + opposite.second().text()),
                            ds.section(), ds.start() + d.second().start(), ds.start() + d.second().end(),
                            List.of(a.sentence().text())));
                    return true;
                }
            }
        }
        return false;
    }

    static List<Relation> relations(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout) {
        List<PhraseMatch> neutral = new ArrayList<>(rule.list("neutral").find(text));
        neutral.addAll(rule.list("terms").find(text));
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
            if (a[0] != b[0] || pa.end() > pb.start()) {
                continue;
            }
            boolean linked = linked(rule, text, pa, pb);
            if (wordsBetween(text, pa, pb) > nested && !linked) {
                continue;
            }
            Set<String> about = new HashSet<>(index.stemsOf(Scope.wordsAround(text, pa.start(), pb.end(), around)));
            about.removeAll(directionStems);
            about.removeAll(notAbout);
            out.add(new Relation((Axis) a[0], a[1] == b[1], pa, pb, about, linked));
        }
        return out;
    }

    /**
     * "Longer telomere length was linked to higher risk": two direction words on either side of an association
     * ("associated with", "linked to"...) in one clause qualify each other however long the subject is.
     */
    private static boolean linked(RulePolicy rule, String text, PhraseMatch a, PhraseMatch b) {
        String between = text.substring(a.end(), b.start());
        if (CLAUSE.matcher(between).find() || wordsBetween(text, a, b) > (int) rule.number("linkedWords", 12)) {
            return false;
        }
        return !rule.list("linkedBy").find(between).isEmpty();
    }

    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile(
            "[,;:()]|\\b(?:but|while|whereas|although|and)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

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
                if (d.negated() && statesNull(ctx.sourceIndex(), s.text(), d.about(), notAbout)) {
                    agreed = true; // "did not improve overall survival" = "no significant effect on overall survival"
                }
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

    private static final java.util.regex.Pattern NULL_FINDING = java.util.regex.Pattern.compile(
            "(?i)\\bno\\s+(?:(?:statistically|clinically|clear|clearly|significant|important|evidence of an?|meaningful)\\s+)*"
                    + "(?:difference|effect|change|impact|benefit)\\s+(?:in|on|to|for)\\s+((?:[\\p{L}\\p{N}'-]+\\s*){1,3})");

    /**
     * Whether the source states a null finding ("no significant effect on overall survival") about what a negated change
     * is about: every content word of its object is among the change's words.
     */
    private static boolean statesNull(SourceIndex index, String text, Set<String> about, Set<String> notAbout) {
        var m = NULL_FINDING.matcher(text);
        while (m.find()) {
            Set<String> object = new HashSet<>(index.stemsOf(m.group(1)));
            object.removeAll(notAbout);
            if (!object.isEmpty() && about.containsAll(object)) {
                return true;
            }
        }
        return false;
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

    private static Set<String> commonStems(List<app.plainpaper.checks.alignment.SourceSentence> sentences, double share) {
        int limit = Math.max(2, (int) Math.ceil(share * sentences.size()));
        Map<String, Integer> count = new java.util.HashMap<>();
        sentences.forEach(s -> s.stems().forEach(w -> count.merge(w, 1, Integer::sum)));
        Set<String> out = new HashSet<>();
        count.forEach((w, c) -> {
            if (c > limit) {
                out.add(w);
            }
        });
        return out;
    }

    private static int shared(Set<String> a, Set<String> b, Set<String> common) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x) && !common.contains(x)) {
                n++;
            }
        }
        return n;
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
        return moves(rule, index, text, notAbout, window, false);
    }

    /** "decreased by 4 more points": a comparative that says how large the change was, relative to a comparator. */
    /**
     * A direction word in what a null finding is about ("little or no difference to whether the disease gets worse",
     * "no effect on pain getting better") names the outcome measured: it is read as not changed, not as a change.
     */
    private static final java.util.regex.Pattern NULL_OUTCOME = java.util.regex.Pattern.compile(
            "(?i)\\b(?:no|little or no|little to no|no clear|no significant|no important)\\s+(?:difference|effect|change|impact)"
                    + "\\s+(?:in|to|on|for)\\b(?:(?!\\b(?:but|and|while|whereas|although|though|yet)\\b)[^,;:.()])*$");

    /**
     * A direction word that defines a scale ("0 to 100, where 0 = no pain reduction", "higher value reflects better
     * quality of life") says what the scale's ends mean, not what a treatment did: no source reading to reverse. (The
     * negation check still reads "0 = no pain reduction" as a negated change; left as it was.)
     */
    private static final java.util.regex.Pattern SCALE_ANCHOR = java.util.regex.Pattern.compile(
            "(?i)(?:\\d\\s*=\\s*|\\b(?:higher|lower|high|low)\\s+(?:values?|scores?|numbers?)\\s+(?:reflects?|means?|indicates?|shows?)\\s+)"
                    + "(?:[\\p{L}-]+\\s+){0,2}$");

    private static final java.util.regex.Pattern BY_AMOUNT = java.util.regex.Pattern.compile(
            "^\\s+by\\s+(?:(?:about|around|approximately|nearly|almost|an average of|on average)\\s+)?[\\d.,]+\\s*%?\\s+"
                    + "(?:[\\p{L}-]+\\s+)?(more|greater|larger|fewer|less|smaller)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** "fewer milk than standard volumes": a comparative with its "than", about the things it compares. */
    private static final java.util.regex.Pattern THAN = java.util.regex.Pattern.compile(
            "^((?:\\s+[\\p{L}-]+){0,3}?)\\s+than\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern NEXT_WORD = java.util.regex.Pattern.compile("^[\\s-]+([\\p{L}][\\p{L}\\p{N}'-]*)");

    /**
     * @param fixed also return the words of fixed phrases ("lower body") as {@link Move#fixed()} moves: for the
     *              source, so a draft that turns the phrase round ("higher body") meets it
     */
    static List<Move> moves(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout, int window, boolean fixed) {
        List<PhraseMatch> neutral = rule.list("neutral").find(text);
        List<PhraseMatch> terms = rule.list("terms").find(text);
        neutral = new ArrayList<>(neutral);
        neutral.addAll(terms); // "lower body" names a part of the body, it is no direction
        List<PhraseMatch> negators = rule.list("negators").find(text);
        int around = (int) rule.number("contextWords", 3);
        List<PhraseMatch> allDirectionWords = new ArrayList<>();
        for (String list : List.of("up", "down", "better", "worse")) {
            allDirectionWords.addAll(rule.list(list).find(text));
        }
        Set<String> directionStems = new HashSet<>();
        allDirectionWords.forEach(m -> directionStems.addAll(index.stemsOf(m.text())));
        // comparatives that only size another change ("by 4 more points") are part of that change
        Set<Integer> sizing = new HashSet<>();
        for (PhraseMatch m : allDirectionWords) {
            var by = BY_AMOUNT.matcher(text.substring(m.end()));
            if (by.find()) {
                sizing.add(m.end() + by.start(1));
            }
        }
        List<Move> out = new ArrayList<>();
        Map<Move, Integer> comparisonEnds = new java.util.IdentityHashMap<>();
        for (String list : List.of("up", "down", "better", "worse")) {
            Axis axis = list.equals("up") || list.equals("down") ? Axis.AMOUNT : Axis.QUALITY;
            boolean up = list.equals("up") || list.equals("better");
            for (PhraseMatch m : rule.list(list).find(text)) {
                boolean isNeutral = neutral.stream().anyMatch(x -> x.start() < m.end() && m.start() < x.end());
                if (sizing.contains(m.start()) || (isNeutral && !fixed) 
                        || (fixed && SCALE_ANCHOR.matcher(text.substring(0, m.start())).find())) {
                    continue;
                }
                String head = head(text, m);
                if (isNeutral) {
                    // only a term the direction word begins ("lower body"), not "more research" or "20 or more months"
                    boolean term = terms.stream().anyMatch(x -> x.start() == m.start());
                    if (head != null && term) {
                        out.add(new Move(axis, up, false, m, Set.of(), head, true, false));
                    }
                    continue;
                }
                boolean negated = Scope.negated(text, m.start(), negators, window)
                        || NULL_OUTCOME.matcher(text.substring(0, m.start())).find();
                boolean moveUp = up;
                int end = m.end();
                var by = BY_AMOUNT.matcher(text.substring(m.end()));
                boolean sized = by.find();
                if (sized) {
                    // "decreased by 4 fewer points" is a smaller decrease than the comparator's: relatively, up
                    String comparative = by.group(1).toLowerCase(java.util.Locale.ROOT);
                    moveUp = up == List.of("more", "greater", "larger").contains(comparative);
                    end = m.end() + by.end(1);
                }
                String context;
                var than = THAN.matcher(text.substring(m.end()));
                int thanEnd = -1;
                if (sized || !than.find()) {
                    context = Scope.wordsAround(text, m.start(), end, around);
                } else {
                    // a comparison is about what it compares, not about the words before it
                    thanEnd = m.end() + than.end();
                    context = text.substring(m.end(), thanEnd) + " " + after(text, thanEnd, around);
                }
                Set<String> about = new HashSet<>(index.stemsOf(context));
                about.removeAll(directionStems);
                int dash = m.text().lastIndexOf('-');
                if (dash > 0 && dash < m.text().length() - 1) {
                    about.addAll(index.stemsOf(m.text().substring(dash + 1))); // "high-volume" is about volume
                }
                about.removeAll(notAbout);
                // a sized change is quoted whole: "decreased by 4 fewer points"
                PhraseMatch word = sized ? new PhraseMatch(text.substring(m.start(), end), m.start(), end) : m;
                Move move = new Move(axis, moveUp, negated, word, about, head, false, false);
                out.add(move);
                if (thanEnd >= 0) {
                    comparisonEnds.put(move, thanEnd);
                }
            }
        }
        // "increased the reduction": opposite words next to each other qualify one another; leave them out
        int nested = (int) rule.number("nestedWords", 4);
        List<Move> kept = new ArrayList<>();
        for (Move a : out) {
            // a compound adjective ("high-volume") names a kind of thing, it does not qualify a change next to it
            boolean tangled = !a.fixed() && !compound(a) && out.stream().anyMatch(b -> b != a && !b.fixed() && !compound(b)
                    && b.axis() == a.axis()
                    && b.up() != a.up() && wordsBetween(text, a.word(), b.word()) <= nested
                    && !beyondComparison(comparisonEnds, a, b) && !beyondComparison(comparisonEnds, b, a));
            if (!tangled) {
                kept.add(a);
            }
        }
        if (fixed) {
            kept.addAll(estimates(rule, index, text, notAbout, directionStems));
        }
        return kept;
    }

    /**
     * Effect estimates as directions: a ratio (RR, OR, HR) whose CI lies below 1 says fewer or lower, above 1 more or
     * higher, about what the clause before it names. A CI that crosses 1 gives no clear direction; when the estimate
     * still leans far one way (ratio at most 1/{@code estimateLean} or at least {@code estimateLean}) it reads as "did not
     * clearly" go that way, and is met only by a draft's hedged negation ("did not clearly increase").
     */
    static List<Move> estimates(RulePolicy rule, SourceIndex index, String text, Set<String> notAbout, Set<String> directionStems) {
        double lean = rule.number("estimateLean", 2);
        int contextWords = (int) rule.number("estimateContextWords", 10);
        List<app.plainpaper.text.NumberMention> numbers = app.plainpaper.text.Numbers.find(text);
        List<Move> out = new ArrayList<>();
        int clauseStart = 0;
        for (int i = 0; i < numbers.size(); i++) {
            var ratio = numbers.get(i);
            // a difference (MD, SMD, RD) has its null at 0, a ratio at 1
            boolean difference = ratio.kind() != app.plainpaper.text.NumberMention.Kind.RATIO
                    && DIFFERENCE.matcher(text.substring(Math.max(0, ratio.start() - 40), ratio.start())).find();
            if (!difference && (ratio.kind() != app.plainpaper.text.NumberMention.Kind.RATIO || ratio.unit() != null
                    || ratio.value() <= 0)) {
                continue;
            }
            double none = difference ? 0 : 1;
            List<app.plainpaper.text.NumberMention> bounds = new ArrayList<>();
            for (int j = i + 1; j < numbers.size() && bounds.size() < 2; j++) {
                var n = numbers.get(j);
                if (n.kind() == app.plainpaper.text.NumberMention.Kind.RATIO) {
                    break;
                }
                if (n.kind() == app.plainpaper.text.NumberMention.Kind.CI && n.unit() == null) {
                    bounds.add(n);
                }
            }
            if (bounds.size() < 2 || bounds.get(1).start() - ratio.end() > 60) {
                continue;
            }
            double lo = Math.min(bounds.get(0).value(), bounds.get(1).value());
            double hi = Math.max(bounds.get(0).value(), bounds.get(1).value());
            double point = ratio.value();
            boolean up;
            boolean unclear = lo <= none && hi >= none;
            if (!unclear) {
                up = lo > none;
                if (up != point > none) {
                    continue; // a point estimate outside its own CI: misread
                }
            } else if (difference) {
                clauseStart = bounds.get(1).end(); // how far a difference leans depends on its scale: no reading
                continue;
            } else if (point <= 1 / lean) {
                up = false;
            } else if (point >= lean) {
                up = true;
            } else {
                clauseStart = bounds.get(1).end();
                continue;
            }
            // what moved is named in the clause before the estimate, not in its asides ("(i.e. chest radiograph)")
            String clause = text.substring(Math.min(clauseStart, ratio.start()), ratio.start());
            for (String previous = null; !clause.equals(previous); ) {
                previous = clause;
                clause = clause.replaceAll("\\([^()]*\\)", " ");
            }
            clause = clause.replaceAll("\\([^()]*$", " ");
            // "with a risk ratio (RR) of 1.85" names the estimate, not a risk that moved
            clause = ESTIMATE_NAME.matcher(clause).replaceAll(" ");
            Set<String> about = new HashSet<>(index.stemsOf(Scope.wordsAround(clause, clause.length(), clause.length(), contextWords)));
            about.removeAll(directionStems);
            about.removeAll(notAbout);
            about.removeAll(ESTIMATE_WORDS);
            PhraseMatch word = new PhraseMatch(text.substring(ratio.start(), bounds.get(1).end()), ratio.start(), bounds.get(1).end());
            out.add(new Move(Axis.AMOUNT, up, unclear, word, about, null, false, true));
            clauseStart = bounds.get(1).end();
        }
        return out;
    }

    /** The label right before a difference estimate: "(SMD -0.13", "mean difference (MD) -4.2", "RD: -0.05". */
    private static final java.util.regex.Pattern DIFFERENCE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:S?W?MD|RD|(?:standardi[sz]ed |weighted )?mean difference|risk difference)(?:\\s*\\((?:S?W?MD|RD)\\))?"
                    + "\\s*[:=]?\\s*$");

    private static final java.util.regex.Pattern ESTIMATE_NAME = java.util.regex.Pattern.compile(
            "(?i)\\b(?:relative risk|risk ratio|risk difference|hazard ratio|odds ratio|rate ratio)s?\\b");

    /** Words of an estimate's clause that are not what moved: the estimate's own name, and when it was measured. */
    private static final Set<String> ESTIMATE_WORDS = Set.of("rr", "or", "hr", "ci", "ratio", "odd", "hazard", "confidenc",
            "interval", "fixed-effect", "random-effect", "n", "md", "smd", "wmd", "rd", "mean", "differenc", "standardis", "standardiz", "day", "week", "month", "year", "hour", "after", "follow-up");

    /** "did not clearly increase": a negation that keeps the direction it doubts (not "did not increase"). */
    private static final java.util.regex.Pattern HEDGED = java.util.regex.Pattern.compile(
            "(?i)\\b(?:clearly|clear|significantly|significant|statistically|meaningfully|meaningful|reliably|convincingly)\\s+$");

    private static boolean compound(Move m) {
        return COMPOUND.matcher(m.word().text()).find();
    }

    private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile("(?i)^(?:high|low)-\\p{L}");

    /** "fewer milk than standard volumes gain weight": a word after a closed comparison does not qualify it. */
    private static boolean beyondComparison(Map<Move, Integer> comparisonEnds, Move comparison, Move other) {
        Integer end = comparisonEnds.get(comparison);
        return end != null && other.word().start() >= end;
    }

    /** The content word right after a direction word ("lower *body*"), as a stem; null if a stop word follows. */
    private static String head(String text, PhraseMatch m) {
        var next = NEXT_WORD.matcher(text.substring(m.end()));
        if (!next.find()) {
            return null;
        }
        String w = next.group(1).toLowerCase(java.util.Locale.ROOT);
        return app.plainpaper.text.Words.STOP_WORDS.contains(w) ? null : app.plainpaper.checks.alignment.Stems.of(w);
    }

    /** Up to {@code words} words after {@code from}. */
    private static String after(String text, int from, int words) {
        return Scope.wordsAround(text.substring(from), 0, 0, words);
    }
}
