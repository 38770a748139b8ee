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
    private static final String SIGNIFICANT = "significant";

    private static final Pattern STRONG_BREAK = Pattern.compile(
            "[;:]|\\s(?:but|whereas|while|although|though|however|except|yet)\\s", Pattern.CASE_INSENSITIVE);
    /** "differences were not detected": a negation right after a finding, across an auxiliary only. */
    private static final Pattern AUXILIARY = Pattern.compile(
            "\\s*(?:were|was|is|are|did|does|do|has|have|had|been)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAK_BREAK = Pattern.compile("[,()\\[\\]]|\\.\\s");

    /** A stretch of a sentence, with each finding word's state: negated, plain, or both (ambiguous). */
    record Segment(int start, int end, Set<String> stems, List<PhraseMatch> negations,
                   Map<String, Set<Boolean>> findings, Set<Double> years, List<Mention> mentions) {
    }

    /**
     * One finding word as it stands: its comparable key, whether it is negated, its kind of change and the content
     * words around it in its clause (what it is about: "improve overall survival", "effect on overall survival").
     */
    record Mention(PhraseMatch word, String key, boolean negated, Change change, Set<String> about) {
    }

    /** What a finding word says changed: generic words (difference, effect, change) agree with any specific one. */
    enum Change { GENERIC, UP, DOWN, BETTER, WORSE }

    /** The direction rule's threshold phrases ("30% or greater"), compiled once for the policy in use. */
    private volatile Thresholds thresholds;

    private Thresholds thresholds(CheckContext ctx) {
        RulePolicy direction = ctx.policy().find(DirectionRule.ID).orElse(null);
        if (direction == null) {
            return null;
        }
        Thresholds t = thresholds;
        if (t == null || t.policy() != direction) {
            t = new Thresholds(direction, direction.list("thresholdAbove"), direction.list("thresholdBelow"),
                    (int) direction.number("thresholdContextWords", 6));
            thresholds = t;
        }
        return t;
    }

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("negators", "nullFindings", "notNegation", "findings", "notFindings",
                "negationPassesThrough", "mustBeNegated", "genericFindings", "upFindings", "downFindings",
                "betterFindings", "worseFindings", "hedges", "universal", "openQuestions", "doubts", "notSpecific"));
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
        List<app.plainpaper.checks.alignment.SourceSentence> sourceSentences = ctx.sourceIndex().sentences();
        Thresholds thresholds = thresholds(ctx);
        List<List<Segment>> allSource = sourceSentences.stream()
                .map(s -> segments(rule, ctx.sourceIndex(), s.text())).toList();
        boolean noSignificance = deniesAllSignificance(rule, sourceSentences, allSource);
        // words that most source sentences use (the drug, "treatment") do not tell what a finding is about
        Map<String, Integer> sentenceCount = new java.util.HashMap<>();
        for (List<Segment> sentence : allSource) {
            Set<String> seen = new HashSet<>();
            sentence.forEach(seg -> seen.addAll(seg.stems()));
            seen.forEach(w -> sentenceCount.merge(w, 1, Integer::sum));
        }
        int common = Math.max(2, (int) Math.ceil(rule.number("aboutMaxSentenceShare", 0.3) * sourceSentences.size()));
        Set<String> commonWords = new HashSet<>();
        sentenceCount.forEach((w, c) -> {
            if (c > common) {
                commonWords.add(w);
            }
        });
        // what the source measured, read only when a draft sentence needs it
        java.util.function.Supplier<List<Measure>> measured = memoize(() -> measures(ctx, rule, sourceSentences, allSource,
                sentenceCount));
        for (DraftSentence ds : ctx.sentences()) {
            if (unnegatedClaim(ctx, rule, ds, out)) {
                continue;
            }
            List<ScoredSentence> aligned = ctx.aligned(ds).stream().filter(a -> a.score() >= minAlignment)
                    .limit(maxSources).toList();
            List<Segment> draft = segments(rule, ctx.sourceIndex(), ds.text());
            int before = out.size();
            List<List<Segment>> source = aligned.stream().map(a -> allSource.get(a.sentence().index())).toList();
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
                String bText = source.get(bestSentence) == null ? "" : aligned.get(bestSentence).sentence().text();
                boolean turned = stated(ds.text(), d).entrySet().stream().anyMatch(e -> {
                    Set<Boolean> other = stated(bText, b).get(e.getKey());
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
            if (out.size() == before && noSignificance) {
                significanceClaim(ctx, rule, ds, draft, sourceSentences, allSource).ifPresent(out::add);
            }
            if (out.size() == before) {
                turnedSentence(ctx, rule, ds, draft, ctx.aligned(ds), allSource).ifPresent(out::add);
            }
            if (out.size() == before) {
                turnedMention(ctx, rule, ds, draft, sourceSentences, allSource, commonWords, thresholds).ifPresent(out::add);
            }
            if (out.size() == before) {
                deniedMeasure(ctx, rule, ds, draft, measured.get()).ifPresent(out::add);
            }
            if (out.size() == before && !aligned.isEmpty() && rule.number("checkNegatedChanges", 1) > 0) {
                // "did not reduce pain" where the source says "reduced pain"
                DirectionRule.negatedMove(ctx, ds, (int) rule.number("negatedChangeWindow", 6)).ifPresent(n -> out.add(ctx.finding(ID,
                        Map.of("draft", Scope.quote(ds.text()), "source", Scope.quote(n.sourceSentence())), ds.section(),
                        ds.start() + n.draft().word().start(), ds.start() + n.draft().word().end(),
                        List.of(n.sourceSentence()))));
            }
        }
    }

    /** A change sized by a threshold ("reduced by at least 30%", "improved by 50% or more"): a responder definition. */
    private static final Pattern RESPONDERS = Pattern.compile(
            "(?i)^\\s+by\\s+(?:(?:at least|more than|over|≥)\\s*\\d+(?:\\.\\d+)?\\s*%|\\d+(?:\\.\\d+)?\\s*%\\s+or\\s+(?:more|greater|above))");

    /**
     * A finding word turned around against what the same words are about anywhere in the source, even when the
     * sentence as a whole aligns better elsewhere: "this treatment does improve overall survival" against "no
     * statistically significant effect on overall survival"; "did not increase frequency of nausea, diarrhoea and
     * rash" against "Nausea, diarrhoea and rash occurred significantly more often". Generic findings (difference,
     * effect, change) meet any specific change; specific ones meet only their own kind. No source mention of the
     * same thing may state it the draft's way.
     */
    private static java.util.Optional<CheckFinding> turnedMention(CheckContext ctx, RulePolicy rule, DraftSentence ds,
                                                                  List<Segment> draft,
                                                                  List<app.plainpaper.checks.alignment.SourceSentence> sentences,
                                                                  List<List<Segment>> source, Set<String> commonWords,
                                                                  Thresholds thresholds) {
        int minAbout = (int) rule.number("minSharedAbout", 2);
        Anchors anchors = Anchors.of(rule, ctx.sourceIndex(), thresholds, ds.text(), sentences);
        for (Segment d : draft) {
            String segmentText = ds.text().substring(d.start(), d.end());
            if (rule.list("notFindings").containsIn(segmentText)) {
                continue;
            }
            for (Mention m : d.mentions()) {
                if (!m.negated() && RESPONDERS.matcher(ds.text().substring(m.word().end())).find()) {
                    continue; // "said their pain was reduced by at least 30%" says who responded, not that a group did better
                }
                if (m.about().size() < minAbout || !m.negated() && hedged(rule, ds.text(), m.word())
                        || rule.list("openQuestions").containsIn(ds.text().substring(d.start(), m.word().start()))) {
                    continue;
                }
                Mention against = null;
                String againstSentence = null;
                boolean agreed = false;
                for (int i = 0; i < source.size() && !agreed; i++) {
                    for (Segment s : source.get(i)) {
                        for (Mention o : s.mentions()) {
                            if (!comparable(m, o) || sharedCount(m.about(), o.about(), commonWords) < minAbout
                                    && !anchors.same(ds.text(), m.word(), i, sentences.get(i).text(), o.word())) {
                                continue;
                            }
                            boolean negated = o.negated() || downplayed(sentences.get(i).text(), s, o);
                            if (negated == m.negated()) {
                                agreed = true;
                            } else if (against == null && (negated || !hedged(rule, sentences.get(i).text(), o.word()))
                                    && !rule.list("openQuestions").containsIn(sentences.get(i).text().substring(s.start(), o.word().start()))
                                    && !rule.list("notFindings").containsIn(sentences.get(i).text().substring(s.start(), s.end()))) {
                                // a hedged claim, an open question or a research need in the source contradicts nothing
                                against = o;
                                againstSentence = sentences.get(i).text();
                            }
                        }
                    }
                }
                if (!agreed && against != null) {
                    return java.util.Optional.of(ctx.finding(ID, Map.of("draft", Scope.quote(segmentText),
                                    "source", Scope.quote(againstSentence)), ds.section(),
                            ds.start() + m.word().start(), ds.start() + m.word().end(), List.of(againstSentence)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Thresholds that tie a draft clause to the source clause about the same outcome: "any reduction in pain intensity
     * of 30% or above" and "pain relief of 30% or greater over baseline, we observed no evidence of a difference" name
     * the same responders. The figure, its side and percent sign must agree, the threshold must be specific (in at most
     * {@code specificMaxSentences} source sentences, no P value) and share a word around it, and each finding word must
     * stand within {@code thresholdClauseWords} words of its threshold with no clause break between.
     */
    private record Anchors(List<Thresholds.Threshold> draft, List<List<Thresholds.Threshold>> source, int maxWords) {

        static Anchors of(RulePolicy rule, SourceIndex index, Thresholds thresholds, String draftText,
                          List<app.plainpaper.checks.alignment.SourceSentence> sentences) {
            if (thresholds == null) {
                return new Anchors(List.of(), List.of(), 0);
            }
            List<Thresholds.Threshold> draft = thresholds.find(draftText, index).stream()
                    .filter(t -> !P_VALUE_BEFORE.matcher(draftText.substring(0, t.start())).find()).toList();
            if (draft.isEmpty()) {
                return new Anchors(List.of(), List.of(), 0);
            }
            List<List<Thresholds.Threshold>> source = sentences.stream().map(s -> thresholds.find(s.text(), index).stream()
                    .filter(t -> !P_VALUE_BEFORE.matcher(s.text().substring(0, t.start())).find()).toList()).toList();
            int maxSentences = (int) rule.number("specificMaxSentences", 2);
            List<Thresholds.Threshold> specific = draft.stream().filter(d -> source.stream()
                    .filter(l -> l.stream().anyMatch(t -> sameFigure(d, t))).count() <= maxSentences).toList();
            return new Anchors(specific, source, (int) rule.number("thresholdClauseWords", 10));
        }

        boolean same(String draftText, PhraseMatch draftWord, int sentence, String sourceText, PhraseMatch sourceWord) {
            for (Thresholds.Threshold d : draft) {
                if (!near(draftText, d, draftWord)) {
                    continue;
                }
                for (Thresholds.Threshold t : source.get(sentence)) {
                    if (sameFigure(d, t) && near(sourceText, t, sourceWord)
                            && t.about().stream().anyMatch(d.about()::contains)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean near(String text, Thresholds.Threshold t, PhraseMatch word) {
            String between = word.end() <= t.start() ? text.substring(word.end(), t.start())
                    : t.end() <= word.start() ? text.substring(t.end(), word.start()) : "";
            String clause = between.replaceAll("\\([^()]*\\)", " ");
            return !CLAUSE_END.matcher(clause).find() && !NEW_SUBJECT.matcher(clause).find()
                    && (clause.isBlank() || clause.strip().split("\\s+").length <= maxWords);
        }

        private static boolean sameFigure(Thresholds.Threshold a, Thresholds.Threshold b) {
            return Math.abs(a.value() - b.value()) < 1e-9 && a.percent() == b.percent() && a.above() == b.above();
        }
    }

    private static final Pattern P_VALUE_BEFORE = Pattern.compile("(?i)\\bp\\s*$");
    /** "... of 30% or above and there was no observable reduction": a new subject starts a new clause. */
    private static final Pattern NEW_SUBJECT = Pattern.compile("(?i)\\b(?:and|but)\\s+there\\s+(?:is|are|was|were)\\b");

    /**
     * What the source measured about one specific thing: a clear change (an effect estimate whose CI excludes the
     * null, or a change called significant), or, with {@code change} null, a null or unclear result (a CI across the
     * null, "no difference", "did not reduce") that lets any draft statement about that thing stand.
     */
    record Measure(String about, Change change, String sentence) {
    }

    /**
     * A negated finding about something the source measured as clearly changed: "no increased side effects,
     * particularly nausea" against "The Relative Risk (RR) of nausea was greater with theophylline (RR 7.7; 95%CI 1.5
     * to 39.9)". The finding word and the source statement must share a word specific to that statement (see
     * {@link #measures}); a generic negation ("no difference", "no effect") meets any clear change, "no increase" only
     * an increase, "no reduction" only a reduction. A draft negation that doubts ("insufficient evidence of", "may not")
     * claims nothing, and a source that also reports a null or unclear result about the same thing lets it stand.
     */
    private static java.util.Optional<CheckFinding> deniedMeasure(CheckContext ctx, RulePolicy rule, DraftSentence ds,
                                                                  List<Segment> draft, List<Measure> measured) {
        if (measured.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Segment d : draft) {
            String segmentText = ds.text().substring(d.start(), d.end());
            if (rule.list("notFindings").containsIn(segmentText)) {
                continue;
            }
            for (Mention m : d.mentions()) {
                String before = ds.text().substring(d.start(), m.word().start());
                if (!m.negated() || m.change() == Change.BETTER || m.change() == Change.WORSE
                        || rule.list("doubts").containsIn(before) || rule.list("hedges").containsIn(before)
                        || rule.list("openQuestions").containsIn(before)) {
                    continue;
                }
                List<Measure> about = measured.stream().filter(x -> m.about().contains(x.about())).toList();
                if (about.stream().anyMatch(x -> x.change() == null)) {
                    continue;
                }
                java.util.Optional<Measure> against = about.stream()
                        .filter(x -> m.change() == Change.GENERIC || x.change() == m.change()).findFirst();
                if (against.isPresent()) {
                    return java.util.Optional.of(ctx.finding(ID, Map.of("draft", Scope.quote(segmentText),
                                    "source", Scope.quote(against.get().sentence())), ds.section(),
                            ds.start() + m.word().start(), ds.start() + m.word().end(), List.of(against.get().sentence())));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * What the source measured about its specific words: words used in at most {@code specificMaxSentences} source
     * sentences and not in {@code notSpecific} (outcome, trial, placebo...). A word is measured by the effect estimate
     * that follows it in its clause (the next confidence interval after it, within {@code measureWords} words, asides
     * in brackets left out): a clear one (DirectionRule's reading) gives its direction, any other reading none. Source
     * finding words about the word give a change when called significant and plain, none when negated.
     */
    private static List<Measure> measures(CheckContext ctx, RulePolicy rule,
                                          List<app.plainpaper.checks.alignment.SourceSentence> sentences,
                                          List<List<Segment>> source, Map<String, Integer> sentenceCount) {
        int maxSentences = (int) rule.number("specificMaxSentences", 2);
        int maxWords = (int) rule.number("measureWords", 10);
        SourceIndex index = ctx.sourceIndex();
        Set<String> generic = new HashSet<>();
        rule.list("notSpecific").entries().forEach(w -> generic.addAll(index.stemsOf(w.replace("*", ""))));
        java.util.function.Predicate<String> specific = w -> sentenceCount.getOrDefault(w, 0) <= maxSentences
                && !generic.contains(w) && !w.startsWith("#") && w.chars().anyMatch(Character::isLetter);
        RulePolicy estimateRule = ctx.policy().find(DirectionRule.ID).orElse(rule);
        List<Measure> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            Set<String> findingStems = new HashSet<>();
            rule.list("findings").find(text).forEach(f -> findingStems.addAll(index.stemsOf(f.text())));
            List<DirectionRule.Move> clear = DirectionRule.estimates(estimateRule, index, text, generic, findingStems)
                    .stream().filter(e -> !e.negated()).toList();
            List<NumberMention> bounds = Numbers.find(text).stream()
                    .filter(n -> n.kind() == NumberMention.Kind.CI && n.unit() == null).toList();
            for (app.plainpaper.text.Token t : app.plainpaper.text.Words.tokens(text)) {
                Set<String> stems = new HashSet<>(index.stemsOf(t.text()));
                stems.removeIf(specific.negate());
                if (stems.isEmpty() || inParentheses(text, t.start())) {
                    continue;
                }
                NumberMention bound = bounds.stream().filter(b -> b.start() >= t.end()).findFirst().orElse(null);
                if (bound == null || !sameClause(text.substring(t.end(), bound.start()), maxWords)) {
                    continue;
                }
                Change change = clear.stream()
                        .filter(e -> e.word().start() <= bound.start() && bound.start() < e.word().end())
                        .findFirst().map(e -> e.up() ? Change.UP : Change.DOWN).orElse(null);
                stems.forEach(w -> out.add(new Measure(w, change, text)));
            }
            for (Segment s : source.get(i)) {
                String segmentText = text.substring(s.start(), s.end());
                for (Mention o : s.mentions()) {
                    String before = text.substring(s.start(), o.word().start());
                    Change change;
                    if (o.negated()) {
                        change = null;
                    } else if (SIGNIFICANT_BEFORE.matcher(before).find() && !hedged(rule, text, o.word())
                            && !rule.list("openQuestions").containsIn(before) && !rule.list("notFindings").containsIn(segmentText)) {
                        change = o.change();
                    } else {
                        continue;
                    }
                    o.about().stream().filter(specific).forEach(w -> out.add(new Measure(w, change, text)));
                }
            }
        }
        return out;
    }

    /** "significantly more often", "a significant reduction", "statistically significantly reduced". */
    private static final Pattern SIGNIFICANT_BEFORE = Pattern.compile("(?i)\\bsignificant(?:ly)?\\s+(?:\\S+\\s+)?$");
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?i)[;:]|\\.\\s|\\b(?:but|whereas|while|although|though|however|except|yet)\\b");

    /** Whether an estimate this far after a word is in its clause: no clause break, few words, asides left out. */
    private static boolean sameClause(String between, int maxWords) {
        String clause = between;
        for (String previous = null; !clause.equals(previous); ) {
            previous = clause;
            clause = clause.replaceAll("\\([^()]*\\)", " ");
        }
        clause = clause.replaceAll("[(\\[][^()\\[\\]]*$", " "); // the estimate's own opening bracket
        return !CLAUSE_END.matcher(clause).find() && (clause.isBlank() || clause.strip().split("\\s+").length <= maxWords);
    }

    private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked") T t = (T) value[0];
            return t;
        };
    }

    /**
     * A sentence that clearly restates one source sentence (same design, counts, periods) and claims a change where
     * that sentence reports only a null result ("was inconclusive", "no difference"), or the reverse: "did clearly
     * reduce the number of people with persistent pain at three to 55 months (3 RCTs, 123 participants)" against
     * "... three to 55 months ... was inconclusive (OR 0.20, 95% CI 0.04 to 1.09; 123 participants)".
     */
    private static java.util.Optional<CheckFinding> turnedSentence(CheckContext ctx, RulePolicy rule, DraftSentence ds,
                                                                   List<Segment> draft, List<ScoredSentence> aligned,
                                                                   List<List<Segment>> source) {
        if (aligned.isEmpty() || aligned.get(0).score() < rule.number("clearAlignment", 0.4)
                || aligned.size() > 1 && aligned.get(0).score() < rule.number("clearAlignmentMargin", 1.3) * aligned.get(1).score()) {
            return java.util.Optional.empty();
        }
        Boolean draftNegated = polarity(rule, ds.text(), draft);
        String sourceText = aligned.get(0).sentence().text();
        Boolean sourceNegated = polarity(rule, sourceText, source.get(aligned.get(0).sentence().index()));
        if (draftNegated == null || sourceNegated == null || draftNegated.equals(sourceNegated)) {
            return java.util.Optional.empty();
        }
        Mention at = draft.stream().flatMap(d -> d.mentions().stream()).findFirst().orElseThrow();
        return java.util.Optional.of(ctx.finding(ID, Map.of("draft", Scope.quote(ds.text()), "source", Scope.quote(sourceText)),
                ds.section(), ds.start() + at.word().start(), ds.start() + at.word().end(), List.of(sourceText)));
    }

    /**
     * Whether every change a sentence states is negated (true) or none is (false); null when it states none, states
     * both, hedges a claim, asks an open question or speaks of research needs.
     */
    private static Boolean polarity(RulePolicy rule, String text, List<Segment> segments) {
        Boolean out = null;
        for (Segment s : segments) {
            for (Mention m : s.mentions()) {
                if (!m.negated() && hedged(rule, text, m.word())
                        || rule.list("openQuestions").containsIn(text.substring(s.start(), m.word().start()))) {
                    return null;
                }
                if (out != null && out != m.negated()) {
                    return null;
                }
                out = m.negated();
            }
        }
        return out != null && rule.list("notFindings").containsIn(text) ? null : out;
    }

    private static boolean comparable(Mention a, Mention b) {
        return a.change() == b.change() || a.change() == Change.GENERIC || b.change() == Change.GENERIC;
    }

    /** "may reduce", "might improve": a hedged claim does not state the change. */
    private static boolean hedged(RulePolicy rule, String text, PhraseMatch word) {
        String before = text.substring(Math.max(0, word.start() - 30), word.start());
        return rule.list("hedges").find(before).stream().anyMatch(h -> before.substring(h.end()).strip().split("\\s+").length <= 2);
    }

    /** Words two mentions share, leaving out those most source sentences use (the drug, "treatment"). */
    private static int sharedCount(Set<String> a, Set<String> b, Set<String> commonWords) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x) && !commonWords.contains(x)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the source says that nothing was significant ("Statistically significant differences were not detected
     * in any of the comparisons and outcomes"), never states a significant result and reports no change at all.
     */
    private static boolean deniesAllSignificance(RulePolicy rule, List<app.plainpaper.checks.alignment.SourceSentence> sentences,
                                                 List<List<Segment>> source) {
        boolean denied = false;
        for (int i = 0; i < source.size(); i++) {
            for (Segment s : source.get(i)) {
                if (s.mentions().stream().anyMatch(m -> !m.negated())) {
                    return false; // a source that reports a change somewhere may call it significant in other words
                }
                Set<Boolean> state = s.findings().get(SIGNIFICANT);
                if (state == null) {
                    continue;
                }
                if (state.contains(false)) {
                    return false;
                }
                denied |= rule.list("universal").containsIn(sentences.get(i).text().substring(s.start(), s.end()));
            }
        }
        return denied;
    }

    /** A draft that states a significant result where the source says none was significant. */
    private static java.util.Optional<CheckFinding> significanceClaim(CheckContext ctx, RulePolicy rule, DraftSentence ds,
                                                                      List<Segment> draft,
                                                                      List<app.plainpaper.checks.alignment.SourceSentence> sentences,
                                                                      List<List<Segment>> source) {
        for (Segment d : draft) {
            String segmentText = ds.text().substring(d.start(), d.end());
            if (!Set.of(false).equals(d.findings().get(SIGNIFICANT)) || rule.list("notFindings").containsIn(segmentText)) {
                continue;
            }
            for (int i = 0; i < source.size(); i++) {
                for (Segment s : source.get(i)) {
                    String sourceText = sentences.get(i).text().substring(s.start(), s.end());
                    if (Set.of(true).equals(s.findings().get(SIGNIFICANT)) && rule.list("universal").containsIn(sourceText)) {
                        PhraseMatch at = rule.list("findings").find(segmentText).stream()
                                .filter(f -> f.text().toLowerCase(java.util.Locale.ROOT).startsWith(SIGNIFICANT)).findFirst()
                                .orElse(new PhraseMatch(segmentText, 0, segmentText.length()));
                        return java.util.Optional.of(ctx.finding(ID, Map.of("draft", Scope.quote(segmentText),
                                        "source", Scope.quote(sourceText)), ds.section(),
                                ds.start() + d.start() + at.start(), ds.start() + d.start() + at.end(),
                                List.of(sentences.get(i).text())));
                    }
                }
            }
        }
        return java.util.Optional.empty();
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
                            String inner = key(y.text(), index);
                            if (inner.equals(SIGNIFICANT)) {
                                keys.computeIfAbsent(SIGNIFICANT, z -> new HashSet<>()).add(true); // "no significant difference"
                            } else {
                                k = inner;
                            }
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
                    for (int i = 0; i < findingsHere.size(); i++) {
                        PhraseMatch x = findingsHere.get(i);
                        if (n.start() >= x.end() && after > 0 && AUXILIARY.matcher(text.substring(x.end(), n.start())).matches()) {
                            negatedBy.merge(x, 1, Integer::sum);
                            // "significant differences were not detected": the qualifier right before goes with it
                            for (int j = i - 1; j >= 0; j--) {
                                PhraseMatch q = findingsHere.get(j);
                                if (!rule.list("negationPassesThrough").containsIn(q.text())
                                        || !text.substring(q.end(), findingsHere.get(j + 1).start()).isBlank()) {
                                    break;
                                }
                                negatedBy.merge(q, 1, Integer::sum);
                            }
                        }
                    }
                }
                List<PhraseMatch> masked = new ArrayList<>(findings);
                masked.addAll(nulls);
                masked.addAll(negations);
                List<app.plainpaper.text.Token> tokens = app.plainpaper.text.Words.tokens(text.substring(from, to));
                List<Mention> mentions = new ArrayList<>();
                int objectWords = (int) rule.number("objectWords", 3);
                for (PhraseMatch x : findingsHere) {
                    boolean negated = negatedBy.getOrDefault(x, 0) % 2 == 1;
                    if (!negated && objectOf(rule, text, x, findingsHere, nullsHere, objectWords)) {
                        continue; // "no difference in pain relief": relief is what was measured, not a claim
                    }
                    keys.computeIfAbsent(key(x.text(), index), z -> new HashSet<>()).add(negated);
                    Change change = change(rule, x.text());
                    if (change != null) {
                        mentions.add(new Mention(x, key(x.text(), index), negated, change,
                                about(index, text, from, tokens, x, masked)));
                    }
                }
                for (PhraseMatch x : nullsHere) {
                    if (text.startsWith(",", x.end())) {
                        continue; // "Similarly, ATRA and chemotherapy...": links sentences, compares nothing
                    }
                    mentions.add(new Mention(x, DIFFERENCE, true, Change.GENERIC, about(index, text, from, tokens, x, masked)));
                }
                Set<Double> years = new HashSet<>();
                for (NumberMention y : Numbers.find(text.substring(from, to))) {
                    if (y.kind() == NumberMention.Kind.YEAR || y.kind() == NumberMention.Kind.DATE) {
                        years.add(y.value());
                    }
                }
                out.add(new Segment(from, to, stems, here, keys, years, mentions));
            }
            if (!found) {
                break;
            }
            from = m.end();
        }
        return out;
    }

    private static final Pattern WORDS_ONLY = Pattern.compile("^\\s+(?:[\\p{L}-]+\\s+)*$");
    private static final Pattern NOT_AN_OBJECT = Pattern.compile("(?i)\\b(?:and|or|nor|but|not|no|was|were|is|are|than|with|without)\\b");

    /**
     * Whether a finding word only names what another finding word right before it is about: "no difference in pain
     * *relief*", "did not improve pain *relief*", "increased weight *loss*". Such a word is the outcome measured, not a
     * claim of its own, whatever the other word says of it. Qualifiers ("significantly") govern nothing.
     */
    private static boolean objectOf(RulePolicy rule, String text, PhraseMatch x, List<PhraseMatch> findings,
                                    List<PhraseMatch> nulls, int maxWords) {
        List<PhraseMatch> governors = new ArrayList<>(nulls);
        findings.stream().filter(g -> change(rule, g.text()) != null
                && !rule.list("negationPassesThrough").containsIn(g.text())).forEach(governors::add);
        for (PhraseMatch g : governors) {
            if (g.end() > x.start() || g == x) {
                continue;
            }
            String between = text.substring(g.end(), x.start());
            if (WORDS_ONLY.matcher(between).matches() && between.strip().split("\\s+").length <= maxWords
                    && !NOT_AN_OBJECT.matcher(between).find()) {
                return true;
            }
        }
        return false;
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
            String between = text.substring(negator.end(), x.start()).replaceAll("\\([^()]*\\)", " ");
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


    /** The kind of change a finding word states, from its first word; null when it states none (risk, evidence...). */
    /**
     * What a segment states of each finding word, with {@linkplain #downplayed downplayed} changes read as not changed.
     */
    private static Map<String, Set<Boolean>> stated(String text, Segment segment) {
        Map<String, Set<Boolean>> out = null;
        for (Mention m : segment.mentions()) {
            if (Set.of(false).equals(segment.findings().get(m.key())) && downplayed(text, segment, m)) {
                if (out == null) {
                    out = new java.util.HashMap<>(segment.findings());
                }
                out.put(m.key(), Set.of(true));
            }
        }
        return out == null ? segment.findings() : out;
    }

    /**
     * A change played down after "no difference" in the same clause ("no evidence of a difference in total pain score,
     * as there was only a reduction of 1 point") is the size of that null result, not a claim. A change joined on with
     * "and", "but"..., or listed after it without "only", is a claim of its own.
     */
    private static boolean downplayed(String text, Segment segment, Mention m) {
        if (m.change() == Change.GENERIC || m.negated()
                || !ONLY.matcher(text.substring(Math.max(0, m.word().start() - 20), m.word().start())).find()) {
            return false;
        }
        for (Mention none : segment.mentions()) {
            if (none.change() == Change.GENERIC && none.negated() && m.word().start() >= none.word().end()
                    && !JOINED.matcher(text.substring(none.word().end(), m.word().start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ONLY = Pattern.compile("(?i)\\b(?:only|just|merely|a mere)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?$");
    private static final Pattern JOINED = Pattern.compile("(?i)[;]|\\b(?:and|but|while|whereas|yet|although)\\b");

    private static Change change(RulePolicy rule, String finding) {
        String first = finding.strip().split("\\s+")[0];
        for (Change c : Change.values()) {
            String list = c.name().toLowerCase(java.util.Locale.ROOT) + "Findings";
            if (rule.list(list).find(first).stream().anyMatch(m -> m.start() == 0)
                    || rule.list(list).find(finding).stream().anyMatch(m -> m.start() == 0)) {
                return c;
            }
        }
        return null;
    }

    /**
     * What a finding word is about: up to three content words before it and four after, in its clause and outside
     * brackets, leaving out finding words and negators ("no statistically significant effect on overall survival (OS)"
     * is about "overall survival").
     */
    private static Set<String> about(SourceIndex index, String text, int offset, List<app.plainpaper.text.Token> tokens,
                                     PhraseMatch word, List<PhraseMatch> masked) {
        Set<String> out = new HashSet<>();
        int at = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (offset + tokens.get(i).start() >= word.start()) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return out;
        }
        int taken = 0;
        int edge = word.start();
        for (int i = at - 1; i >= 0 && taken < 3; i--) {
            app.plainpaper.text.Token t = tokens.get(i);
            if (offset + t.end() > edge) {
                continue; // the token holding the word ("non-significant")
            }
            if (BRACKET.matcher(text.substring(offset + t.end(), edge)).find()) {
                break;
            }
            edge = offset + t.start();
            taken += aboutWord(index, offset, t, masked, out);
        }
        taken = 0;
        edge = word.end();
        for (int i = at; i < tokens.size() && taken < 4; i++) {
            app.plainpaper.text.Token t = tokens.get(i);
            if (offset + t.start() < word.end()) {
                continue;
            }
            if (BRACKET.matcher(text.substring(edge, offset + t.start())).find()) {
                break;
            }
            edge = offset + t.end();
            taken += aboutWord(index, offset, t, masked, out);
        }
        return out;
    }

    private static final Pattern BRACKET = Pattern.compile("[()\\[\\]]");

    private static int aboutWord(SourceIndex index, int offset, app.plainpaper.text.Token t, List<PhraseMatch> masked,
                                 Set<String> out) {
        int s = offset + t.start();
        int e = offset + t.end();
        if (masked.stream().anyMatch(m -> m.start() < e && s < m.end())) {
            return 0;
        }
        Set<String> stems = index.stemsOf(t.text());
        out.addAll(stems);
        return stems.isEmpty() ? 0 : 1;
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
        // an aside in brackets ("the disease diagnosis (UC or CD) differed") neither breaks the clause nor counts
        String between = text.substring(from, to).replaceAll("\\([^()]*\\)", " ");
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
