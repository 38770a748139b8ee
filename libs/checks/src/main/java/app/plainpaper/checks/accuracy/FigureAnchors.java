package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.alignment.SourceSentence;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Figures that tie a draft sentence to the source clauses about the same subgroup or measure: "participants with
 * 70% to 99% stenosis" is about the clause of the source that names 70% and 99%, not about the clause beside it
 * that names 30%. Only distinctive figures anchor (in at most a few source sentences), and effect estimates,
 * confidence intervals, p-values and years never do: they are results, not what a result is about.
 */
final class FigureAnchors {

    /** A stretch of one source sentence between top-level commas or semicolons. */
    record Clause(int sentence, int start, int end) {
        boolean holds(int position) {
            return position >= start && position < end;
        }
    }

    /** The source clauses a draft sentence is anchored to, and the draft's figures that anchor it. */
    record Anchoring(List<Clause> clauses, List<NumberMention> draftFigures) {
        static final Anchoring NONE = new Anchoring(List.of(), List.of());

        boolean isEmpty() {
            return clauses.isEmpty();
        }
    }

    private static final Set<NumberMention.Kind> NOT_ANCHORS = Set.of(NumberMention.Kind.CI, NumberMention.Kind.P_VALUE,
            NumberMention.Kind.YEAR, NumberMention.Kind.DATE, NumberMention.Kind.RATIO);
    /** Clause breaks outside brackets; "(N = 1746, RR 1.27)" stays with its clause. */
    private static final Pattern BREAK = Pattern.compile("[,;]|\\s(?:but|whereas|while|although)\\s");

    private final List<SourceSentence> sentences;
    private final List<List<Clause>> clauses = new ArrayList<>();
    private final List<List<NumberMention>> figures = new ArrayList<>();
    private final Map<String, Integer> sentencesWithFigure = new HashMap<>();
    private final int maxSentences;

    FigureAnchors(List<SourceSentence> sentences, int maxSentences) {
        this.sentences = sentences;
        this.maxSentences = maxSentences;
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            clauses.add(clauses(i, text));
            List<NumberMention> own = sentences.get(i).numbers().stream().filter(FigureAnchors::anchors).toList();
            figures.add(own);
            Set<String> seen = new HashSet<>();
            own.forEach(n -> seen.add(key(n)));
            seen.forEach(k -> sentencesWithFigure.merge(k, 1, Integer::sum));
        }
    }

    /** The source clauses holding the most of the draft sentence's distinctive figures; none when no figure anchors. */
    Anchoring of(String draftSentence) {
        List<NumberMention> draft = Numbers.find(draftSentence).stream().filter(FigureAnchors::anchors)
                .filter(this::distinctive).toList();
        if (draft.isEmpty()) {
            return Anchoring.NONE;
        }
        double best = 0;
        List<Clause> anchored = new ArrayList<>();
        Set<NumberMention> used = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            for (Clause c : clauses.get(i)) {
                List<NumberMention> met = new ArrayList<>();
                double score = 0;
                for (NumberMention d : draft) {
                    var hit = figures.get(i).stream().filter(s -> c.holds(s.start()) && same(d, s)).findFirst();
                    if (hit.isPresent()) {
                        met.add(d);
                        // "less than 30%" is nearer "less than 30%" than "30% to 49%"
                        score += wordBefore(draftSentence, d.start()).equals(wordBefore(text, hit.get().start())) ? 1.5 : 1;
                    }
                }
                if (met.isEmpty() || score < best) {
                    continue;
                }
                if (score > best) {
                    best = score;
                    anchored.clear();
                    used.clear();
                }
                anchored.add(c);
                used.addAll(met);
            }
        }
        return anchored.isEmpty() ? Anchoring.NONE : new Anchoring(List.copyOf(anchored), List.copyOf(used));
    }

    /**
     * The clauses of the anchored clause's sentence from near to far: itself, then one on either side, and so on, so a
     * clause that only names the figure ("Four days later,") defers to the clause next to it.
     */
    List<List<Clause>> byDistance(Clause anchored) {
        List<Clause> all = clauses.get(anchored.sentence());
        int at = all.indexOf(anchored);
        List<List<Clause>> out = new ArrayList<>();
        for (int d = 0; d < all.size(); d++) {
            List<Clause> ring = new ArrayList<>();
            if (at - d >= 0) {
                ring.add(all.get(at - d));
            }
            if (d > 0 && at + d < all.size()) {
                ring.add(all.get(at + d));
            }
            if (!ring.isEmpty()) {
                out.add(ring);
            }
        }
        return out;
    }

    /** The clause of the draft sentence around {@code position}, as [start, end). */
    static int[] draftClause(String text, int position) {
        for (Clause c : clauses(-1, text)) {
            if (c.holds(position)) {
                return new int[] {c.start(), c.end()};
            }
        }
        return new int[] {0, text.length()};
    }

    private boolean distinctive(NumberMention d) {
        int n = sentencesWithFigure.getOrDefault(key(d), 0);
        if (d.unit() == null) {
            n = Math.max(n, unitless(d)); // a bare "4" meets "4 points": count every sentence with that value
        }
        return n > 0 && n <= maxSentences;
    }

    private int unitless(NumberMention d) {
        int n = 0;
        for (List<NumberMention> own : figures) {
            if (own.stream().anyMatch(s -> s.value() == d.value())) {
                n++;
            }
        }
        return n;
    }

    private static String wordBefore(String text, int position) {
        var m = WORD_BEFORE.matcher(text.substring(0, position));
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}<>≤≥=]+)\\W*$");

    private static boolean same(NumberMention draft, NumberMention source) {
        return draft.value() == source.value()
                && (draft.unit() == null || source.unit() == null || Objects.equals(draft.unit(), source.unit()));
    }

    private static boolean anchors(NumberMention n) {
        return !NOT_ANCHORS.contains(n.kind()) && !(n.kind() == NumberMention.Kind.OTHER && n.raw().contains("."));
    }

    private static String key(NumberMention n) {
        return n.value() + " " + n.unit();
    }

    private static List<Clause> clauses(int sentence, String text) {
        int[] depth = new int[text.length() + 1];
        for (int i = 0, d = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            d += ch == '(' || ch == '[' ? 1 : (ch == ')' || ch == ']') && d > 0 ? -1 : 0;
            depth[i + 1] = d;
        }
        List<Clause> out = new ArrayList<>();
        int start = 0;
        var m = BREAK.matcher(text);
        while (m.find()) {
            int i = m.start();
            boolean thousands = text.charAt(i) == ',' && i > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
            if (depth[i] == 0 && !thousands) {
                out.add(new Clause(sentence, start, i));
                start = m.end();
            }
        }
        out.add(new Clause(sentence, start, text.length()));
        return out;
    }
}
