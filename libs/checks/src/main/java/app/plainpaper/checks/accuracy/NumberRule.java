package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.alignment.ScoredSentence;
import app.plainpaper.checks.alignment.SourceSentence;
import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.NumberMention.Kind;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Token;
import app.plainpaper.text.Words;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Numbers in the draft against the source. A number the source states somewhere is fine; one that gives
 * another value for a quantity an aligned source sentence states (same kind, unit and context words) is a
 * contradiction; anything else is unverified, for an editor to confirm.
 */
public final class NumberRule implements Rule {

    public static final String CONTRADICTED = "accuracy.number.contradicted";
    public static final String UNVERIFIED = "accuracy.number.unverified";

    private static final Set<String> PEOPLE = Set.of("patients", "participants", "people", "individuals", "adults",
            "subjects", "persons", "volunteers", "men", "women", "children", "infants", "babies", "newborns", "neonates",
            "girls", "boys", "adolescents", "mothers");
    private static final Set<Kind> MEASURED = java.util.EnumSet.of(Kind.DURATION, Kind.DOSE, Kind.PERCENT);
    private static final Set<String> STUDIES = Set.of("studies", "trials", "rcts", "reviews");

    @Override
    public List<String> ruleIds() {
        return List.of(CONTRADICTED, UNVERIFIED);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(UNVERIFIED, List.of("approximators"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        RulePolicy contradicted = ctx.rule(CONTRADICTED);
        RulePolicy unverified = ctx.rule(UNVERIFIED);
        List<NumberMention> sourceNumbers = ctx.sourceIndex().allNumbers();
        for (DraftSentence ds : ctx.sentences()) {
            List<NumberMention> mentions = Numbers.find(ds.text());
            if (mentions.isEmpty()) {
                continue;
            }
            List<PhraseMatch> approximators = unverified.list("approximators").find(ds.text());
            for (NumberMention m : mentions) {
                if (sourceNumbers.stream().anyMatch(s -> sameValue(m, s, 0) && compatibleUnits(m, s))) {
                    continue;
                }
                boolean approximate = isApproximate(ds.text(), m, approximators) || m.raw().matches("(?i).*\\b(thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)$");
                boolean near = approximate && sourceNumbers.stream().anyMatch(
                        s -> sameValue(m, s, unverified.number("approximateTolerance", 0.1)) && compatibleUnits(m, s));
                Contradiction c = null;
                boolean fraction = m.raw().matches("(?i).*\\b(thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)$");
                NumberMention partner = rangePartner(ds.text(), m, mentions);
                if (ctx.enabled(CONTRADICTED) && !fraction && canContradict(m)) {
                    if (partner != null) {
                        c = near ? null : rangeContradiction(ctx, ds, m, partner, mentions);
                    } else {
                        c = totalContradiction(ctx, ds.text(), m, mentions);
                        if (c == null) {
                            c = findContradiction(ctx, contradicted, ds, m, mentions,
                                    approximate ? contradicted.number("approximateMargin", 0.25) : 0);
                        }
                        // "less than 45%" is near the source's "49%", but the source's "less than 30%" is the same statement
                        if (c != null && near && c.overlap <= support(ctx, contradicted, ds, m, mentions,
                                unverified.number("approximateTolerance", 0.1))) {
                            c = null;
                        }
                    }
                }
                if (c == null && near) {
                    continue;
                }
                int start = ds.start() + m.start();
                int end = ds.start() + m.end();
                if (c != null) {
                    out.add(ctx.finding(CONTRADICTED, Map.of("draft", m.raw(), "source", "\"" + c.source.raw() + "\""),
                            ds.section(), start, end, List.of(c.sentence.text())));
                } else if (ctx.enabled(UNVERIFIED)) {
                    out.add(ctx.finding(UNVERIFIED, Map.of("draft", m.raw()), ds.section(), start, end, List.of()));
                }
            }
        }
    }

    /**
     * The other end of the range {@code m} is part of ("54 to 74 participants", "aged 25-44 years"), or null. A range
     * is usually the writer's summary of several figures; only a source range that shares one end can judge it.
     */
    private static NumberMention rangePartner(String sentence, NumberMention m, List<NumberMention> all) {
        for (NumberMention o : all) {
            if (o == m) {
                continue;
            }
            String between = o.end() <= m.start() ? sentence.substring(o.end(), m.start())
                    : m.end() <= o.start() ? sentence.substring(m.end(), o.start()) : null;
            if (between != null && between.matches("\\s*(?:-|\u2013|to|and)\\s*")
                    && (o.end() <= m.start() ? sentence.substring(0, o.start()) : sentence.substring(0, m.start()))
                    .matches("(?is).*\\b(?:from|between|ranged?|ranging|aged)\\s*$")) {
                return o;
            }
        }
        return null;
    }

    /**
     * "aged 38-44 years" against the source's "aged 25-44 years": a range that keeps one end of a source range of
     * the same quantity, in the same words, and moves the other gives another value for that end.
     */
    private static Contradiction rangeContradiction(CheckContext ctx, DraftSentence ds, NumberMention m,
                                                    NumberMention partner, List<NumberMention> mentions) {
        boolean mIsLow = m.start() < partner.start();
        Set<String> draftContext = context(ctx, ds.text(), mIsLow ? m : partner, 3);
        for (SourceSentence s : ctx.sourceIndex().sentences()) {
            List<NumberMention> ns = s.numbers();
            for (int i = 0; i + 1 < ns.size(); i++) {
                NumberMention low = ns.get(i);
                NumberMention high = ns.get(i + 1);
                if (!s.text().substring(low.end(), high.start()).matches("\\s*(?:-|\u2013|to)\\s*")) {
                    continue;
                }
                NumberMention sameEnd = mIsLow ? high : low;
                NumberMention otherEnd = mIsLow ? low : high;
                if (sameValue(partner, sameEnd, 0) && sameQuantity(m, otherEnd) && sameQuantity(partner, sameEnd)
                        && context(ctx, s.text(), low, 3).stream().anyMatch(draftContext::contains)) {
                    return new Contradiction(s, otherEnd, 1, 0);
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern PART_OF = java.util.regex.Pattern.compile("\\s+(?:of|out of)\\s+$");

    /**
     * "96 of 180 studies": the total of a part the source gives (96 studies) is the source's only larger figure of
     * the same quantity (120 studies).
     */
    private static Contradiction totalContradiction(CheckContext ctx, String sentence, NumberMention m,
                                                    List<NumberMention> mentions) {
        if (m.kind() != Kind.COUNT || m.unit() == null) {
            return null;
        }
        NumberMention part = null;
        for (NumberMention o : mentions) {
            if (o.end() <= m.start() && PART_OF.matcher(sentence.substring(o.end(), m.start())).find()
                    && sentence.substring(o.end(), m.start()).length() <= 8) {
                part = o;
            }
        }
        if (part == null || part.value() >= m.value() || part.unit() != null && !sameQuantity(part, m)) {
            return null;
        }
        double partValue = part.value();
        boolean partInSource = ctx.sourceIndex().allNumbers().stream()
                .anyMatch(x -> x.value() == partValue && sameQuantity(x, m));
        if (!partInSource) {
            return null;
        }
        SourceSentence where = null;
        NumberMention total = null;
        for (SourceSentence s : ctx.sourceIndex().sentences()) {
            for (NumberMention x : s.numbers()) {
                if (x.unit() != null && sameQuantity(x, m) && x.value() > partValue) {
                    if (total != null && !sameValue(total, x, 0)) {
                        return null; // several larger figures: which one is the total is not clear
                    }
                    total = x;
                    where = s;
                }
            }
        }
        return total == null ? null : new Contradiction(where, total, 1, 0);
    }

    private record Contradiction(SourceSentence sentence, NumberMention source, int overlap, double score) {
    }

    private static boolean canContradict(NumberMention m) {
        if (m.kind() == Kind.DATE || m.kind() == Kind.YEAR) {
            return false; // search dates and the like are only unverified
        }
        return m.unit() == null || !m.unit().startsWith("per "); // natural frequencies are derived, not quoted
    }

    private Contradiction findContradiction(CheckContext ctx, RulePolicy policy, DraftSentence ds, NumberMention m,
                                            List<NumberMention> sameSentence, double margin) {
        double minAlignment = policy.number("minAlignment", 0.2);
        int window = (int) policy.number("contextWindow", 6);
        double strongAlignment = policy.number("strongAlignment", 0.4);
        Set<String> draftContext = context(ctx, ds.text(), m, window);
        Contradiction best = null;
        Map<SourceSentence, Double> alignment = new java.util.HashMap<>();
        // align without the figure being judged, so a wrong value does not weaken the match it is judged by
        String masked = ds.text().substring(0, m.start()) + " ".repeat(m.end() - m.start()) + ds.text().substring(m.end());
        ctx.sourceIndex().align(masked, (int) ctx.policy().setting("alignment.maxSourceSentences", 3), 0)
                .forEach(a -> alignment.put(a.sentence(), a.score()));
        // any source sentence may hold the figure: context words around the numbers decide
        for (SourceSentence s : ctx.sourceIndex().sentences()) {
            double score = alignment.getOrDefault(s, 0.0);
            for (NumberMention candidate : s.numbers()) {
                if (!sameQuantity(m, candidate)) {
                    continue;
                }
                // an approximate figure ("about 30") contradicts only a clearly different one
                if (margin > 0 && Math.abs(m.value() - candidate.value()) <= margin * Math.abs(candidate.value())) {
                    continue;
                }
                // the draft gives this source figure elsewhere in the sentence: not the same quantity, unless the source
                // states it more often than the draft does ("30 patients and 30 controls" -> "40 patients and 30 controls")
                long inDraft = sameSentence.stream().filter(o -> o != m && sameValue(o, candidate, 0) && sameQuantity(o, candidate)).count();
                long anyInDraft = sameSentence.stream().filter(o -> o != m && sameValue(o, candidate, 0)).count();
                long inSource = s.numbers().stream().filter(o -> sameValue(o, candidate, 0) && sameQuantity(o, candidate)).count();
                if (anyInDraft > 0 && inDraft >= inSource || anyInDraft > inDraft) {
                    continue;
                }
                // "7% risk" and "30% stenosis": a percentage is of the thing named right after it
                if ("%".equals(m.unit()) && differentNounsAfter(ctx, ds.text(), m, s.text(), candidate)) {
                    continue;
                }
                int overlap = evidence(ctx, policy, ds, m, sameSentence, s, candidate, draftContext, window);
                int needed = m.kind() == Kind.DOSE && m.unit() != null
                        ? (int) policy.number("minContextOverlapDose", 1)
                        : m.unit() != null && (m.kind() == Kind.COUNT || m.kind() == Kind.DURATION)
                        ? (int) policy.number("minContextOverlapWithUnit", 1)
                        : (int) policy.number("minContextOverlap", 2);
                if (score < minAlignment) {
                    needed++; // outside the aligned sentences the context must say more
                } else if (score >= strongAlignment) {
                    needed = Math.max(1, needed - 1); // a close paraphrase of this sentence
                }
                if (overlap < needed) {
                    continue;
                }
                if (best == null || overlap > best.overlap || overlap == best.overlap && score > best.score) {
                    best = new Contradiction(s, candidate, overlap, score);
                }
            }
        }
        return best;
    }

    /** How much says that the source figure is the one the draft figure gives: shared words and figures around them. */
    private static int evidence(CheckContext ctx, RulePolicy policy, DraftSentence ds, NumberMention m,
                                List<NumberMention> sameSentence, SourceSentence s, NumberMention candidate,
                                Set<String> draftContext, int window) {
        Set<String> sourceContext = context(ctx, s.text(), candidate, window);
        int overlap = 0;
        for (String w : draftContext) {
            if (sourceContext.contains(w)) {
                overlap++;
            }
        }
        // other figures of the draft sentence that this source sentence also gives identify the statement
        // ("four trials ... 204 participants" against "Four trials, recruiting 136 participants")
        boolean sole = soleFigure(ctx, candidate);
        if (overlap > 0 || sole) {
            overlap += anchors(m, sameSentence, s.numbers(), candidate);
        }
        if (sole) {
            overlap++; // the source gives one value for this kind of quantity: the draft's must be it
        }
        if (sameNeighbour(ds.text(), m, s.text(), candidate)) {
            overlap += (int) policy.number("neighbourWeight", 1); // "ibuprofen 600 mg" against "ibuprofen 400 mg"
        }
        return overlap;
    }

    /** The best evidence for a source figure near the draft's approximate one ("about 50%" for "49%"). */
    private static int support(CheckContext ctx, RulePolicy policy, DraftSentence ds, NumberMention m,
                               List<NumberMention> sameSentence, double tolerance) {
        int window = (int) policy.number("contextWindow", 6);
        Set<String> draftContext = context(ctx, ds.text(), m, window);
        int best = 0;
        for (SourceSentence s : ctx.sourceIndex().sentences()) {
            for (NumberMention candidate : s.numbers()) {
                if (sameValue(m, candidate, tolerance) && compatibleUnits(m, candidate)) {
                    best = Math.max(best, evidence(ctx, policy, ds, m, sameSentence, s, candidate, draftContext, window));
                }
            }
        }
        return best;
    }

    /** Figures of the draft sentence (besides {@code m}) whose value the source sentence also gives; CI levels aside. */
    private static int anchors(NumberMention m, List<NumberMention> draftSentence, List<NumberMention> sourceSentence,
                               NumberMention candidate) {
        int n = 0;
        Set<Double> seen = new HashSet<>();
        for (NumberMention o : draftSentence) {
            // only figures of the same kind: "three months" in both says little about "1293 participants"
            if (o == m || o.kind() != m.kind() || o.kind() == Kind.DURATION || o.value() == 95 && "%".equals(o.unit())
                    || !seen.add(o.value())) {
                continue;
            }
            if (sourceSentence.stream().anyMatch(x -> x != candidate && sameValue(o, x, 0))) {
                n++;
            }
        }
        return Math.min(n, 1);
    }

    private static boolean differentNounsAfter(CheckContext ctx, String draft, NumberMention m, String source, NumberMention c) {
        Set<String> a = ctx.sourceIndex().stemsOf(wordsAfter(draft, m.end()));
        Set<String> b = ctx.sourceIndex().stemsOf(wordsAfter(source, c.end()));
        return !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains);
    }

    /** Up to two words right after a figure, within its clause. */
    private static String wordsAfter(String text, int from) {
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("^\\s*([\\p{L}][\\p{L}-]*)(?:\\s+([\\p{L}][\\p{L}-]*))?")
                .matcher(text.substring(from, Math.min(text.length(), from + 40)));
        return w.find() ? w.group(1) + " " + (w.group(2) == null ? "" : w.group(2)) : "";
    }

    /** Whether the source gives a single value for this kind and unit of quantity (one total, one duration). */
    private static boolean soleFigure(CheckContext ctx, NumberMention candidate) {
        if (candidate.unit() == null || candidate.kind() != Kind.COUNT && candidate.kind() != Kind.DURATION) {
            return false;
        }
        return ctx.sourceIndex().allNumbers().stream().filter(x -> sameQuantity(x, candidate) && x.unit() != null)
                .allMatch(x -> sameValue(x, candidate, 0));
    }

    /** The same content word right before both figures ("ibuprofen 400 mg", "ibuprofen 600 mg"). */
    private static boolean sameNeighbour(String draft, NumberMention m, String source, NumberMention candidate) {
        String a = wordBefore(draft, m.start());
        if (a != null && a.length() > 3 && a.equalsIgnoreCase(wordBefore(source, candidate.start()))) {
            return true;
        }
        // "44-year-old female" and "29-year-old female", "9 weeks postoperatively" and "6 weeks postoperatively"
        String after = firstWordAfter(draft, m);
        return after != null && after.length() >= 3 && after.equalsIgnoreCase(firstWordAfter(source, candidate));
    }

    /** The first word after the figure and its unit. */
    private static String firstWordAfter(String text, NumberMention m) {
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("^[\\s-]*([\\p{L}][\\p{L}-]*)(?:\\s+([\\p{L}][\\p{L}-]*))?")
                .matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 50)));
        if (!w.find()) {
            return null;
        }
        String first = w.group(1);
        if (m.unit() != null && (first.equalsIgnoreCase(m.unit()) || m.raw().toLowerCase(java.util.Locale.ROOT).endsWith(first.toLowerCase(java.util.Locale.ROOT)))) {
            return w.group(2);
        }
        return m.unit() != null && m.unit().startsWith(first.toLowerCase(java.util.Locale.ROOT)) ? w.group(2) : first;
    }

    private static String wordBefore(String text, int at) {
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("([\\p{L}][\\p{L}-]*)\\s*$").matcher(text.substring(Math.max(0, at - 40), at));
        return w.find() ? w.group(1) : null;
    }

    /** Content stems near the number, without other numbers. */
    private static Set<String> context(CheckContext ctx, String sentence, NumberMention m, int window) {
        List<Token> tokens = Words.tokens(sentence);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.end() > m.start() && t.start() < m.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return Set.of();
        }
        StringBuilder around = new StringBuilder();
        for (int i = Math.max(0, first - window); i <= Math.min(tokens.size() - 1, last + window); i++) {
            if (i >= first && i <= last) {
                continue;
            }
            Token t = tokens.get(i);
            if (t.hasLetter() && !t.text().chars().anyMatch(Character::isDigit)) {
                around.append(t.text()).append(' ');
            }
        }
        Set<String> out = new HashSet<>(ctx.sourceIndex().stemsOf(around.toString()));
        if (m.unit() != null) {
            out.removeAll(ctx.sourceIndex().stemsOf(m.unit()));
        }
        return out;
    }

    private static boolean isApproximate(String sentence, NumberMention m, List<PhraseMatch> approximators) {
        for (PhraseMatch a : approximators) {
            if (a.end() <= m.start() && sentence.substring(a.end(), m.start()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    static boolean sameQuantity(NumberMention a, NumberMention b) {
        if (b.kind() == Kind.DATE || b.kind() == Kind.YEAR) {
            return false;
        }
        // "133 (127 cohort and 6 case-control) studies": a count whose noun the number finder could not reach
        if (a.kind() == Kind.COUNT && b.kind() == Kind.OTHER && b.unit() == null
                || b.kind() == Kind.COUNT && a.kind() == Kind.OTHER && a.unit() == null) {
            return true;
        }
        if (a.kind() != b.kind()) {
            return false;
        }
        return Objects.equals(unitClass(a.unit()), unitClass(b.unit()));
    }

    private static String unitClass(String unit) {
        if (unit == null) {
            return null;
        }
        if (PEOPLE.contains(unit)) {
            return "people";
        }
        if (STUDIES.contains(unit)) {
            return "studies";
        }
        return unit;
    }

    static boolean compatibleUnits(NumberMention a, NumberMention b) {
        if (a.unit() == null && b.unit() == null) {
            return true;
        }
        if (a.unit() == null || b.unit() == null) {
            // "9 weeks" is not the bare "8.9" of a table of values: a measured quantity needs its own kind
            NumberMention withUnit = a.unit() == null ? b : a;
            NumberMention without = a.unit() == null ? a : b;
            return !MEASURED.contains(withUnit.kind()) || without.kind() == withUnit.kind();
        }
        return Objects.equals(unitClass(a.unit()), unitClass(b.unit())) || asPercent(a) != null && asPercent(b) != null;
    }

    /** The value as a percentage where the mention is one (50%, 5 in 10), else null. */
    private static Double asPercent(NumberMention m) {
        if ("%".equals(m.unit())) {
            return m.value();
        }
        if (m.unit() != null && m.unit().startsWith("per ")) {
            return m.value() * 100.0 / Double.parseDouble(m.unit().substring(4));
        }
        return null;
    }

    /**
     * Whether the source value is what the draft wrote, allowing for the draft rounding it to its own
     * precision (58 for 58.4), or within a relative tolerance for approximate figures.
     */
    static boolean sameValue(NumberMention draft, NumberMention source, double relativeTolerance) {
        double d = draft.value();
        double s = source.value();
        Double dp = asPercent(draft);
        Double sp = asPercent(source);
        if (dp != null && sp != null && !Objects.equals(draft.unit(), source.unit())) {
            d = dp;
            s = sp;
        }
        double tolerance = Math.pow(10, -decimals(draft.raw()));
        if (dp != null && sp != null && !Objects.equals(draft.unit(), source.unit())) {
            tolerance = Math.max(tolerance, 1.0);
        }
        if (Math.abs(d - s) < tolerance - 1e-9 || Math.abs(d - s) < 1e-9) {
            return true;
        }
        return relativeTolerance > 0 && Math.abs(d - s) <= relativeTolerance * Math.abs(s);
    }

    private static int decimals(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d*\\.(\\d+)").matcher(raw);
        return m.find() ? m.group(1).length() : 0;
    }
}
