package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.alignment.SourceIndex;
import app.plainpaper.checks.alignment.SourceSentence;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.checks.policy.WordList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thresholds: "aged 65 or older", "more than 30%", "at least 12 weeks", "P &lt; 0.05". A draft threshold that turns
 * the source's threshold at the same figure around ("65 or younger", "less than 30%", "P &gt; 0.05") reverses who or
 * what the finding is about, which the direction words alone do not see (they treat "or more" and "less than" as no
 * finding). The phrases come from the policy, each with {@code {n}} where the figure stands.
 */
final class Thresholds {

    /** A threshold in a sentence: its figure, which side of it is meant, where, and the words around it. */
    record Threshold(double value, boolean percent, boolean above, int start, int end, String text, Set<String> about) {
    }

    private static final Pattern PERCENT = Pattern.compile("\\s*(?:%|per\\s?cent\\b)", Pattern.CASE_INSENSITIVE);
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d*\\.\\d+|\\d+)";

    private final RulePolicy policy;
    private final List<Pattern> above;
    private final List<Pattern> below;
    private final int contextWords;

    Thresholds(RulePolicy policy, WordList above, WordList below, int contextWords) {
        this.policy = policy;
        this.above = above.entries().stream().map(Thresholds::compile).toList();
        this.below = below.entries().stream().map(Thresholds::compile).toList();
        this.contextWords = contextWords;
    }

    /** The rule settings these phrases were compiled from. */
    RulePolicy policy() {
        return policy;
    }

    /** "{n} or more" -> a pattern whose group 1 is the figure; words need whole-word edges, symbols need none. */
    private static Pattern compile(String phrase) {
        StringBuilder regex = new StringBuilder();
        String[] parts = phrase.strip().split("\\{n}", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (i > 0) {
                regex.append(i == 1 && parts[0].strip().isEmpty() ? "" : "\\s*").append(NUMBER);
                // "12 years of age or older", "30% or more": a unit may stand between the figure and the words after it
                regex.append(part.isEmpty() ? "" : "(?:\\s*%|(?:\\s+\\p{L}+){1,3})?\\s*");
            }
            if (!part.isEmpty()) {
                regex.append(String.join("\\s+", java.util.Arrays.stream(part.split("\\s+")).map(Pattern::quote).toList()));
            }
        }
        String body = regex.toString();
        boolean startsWithWord = Character.isLetter(phrase.strip().charAt(0));
        boolean endsWithWord = Character.isLetter(phrase.strip().charAt(phrase.strip().length() - 1));
        return Pattern.compile((startsWithWord ? "(?<![\\p{L}\\p{N}])" : "(?<![\\p{N}.,])") + body
                + (endsWithWord ? "(?![\\p{L}\\p{N}])" : "(?![\\p{N}]|[.,]\\p{N})"), Pattern.CASE_INSENSITIVE);
    }

    List<Threshold> find(String text, SourceIndex index) {
        List<Threshold> candidates = new ArrayList<>();
        collect(text, above, true, index, candidates);
        collect(text, below, false, index, candidates);
        // the longest phrase wins where two overlap: "no more than 5" is at most 5, not "more than 5"
        candidates.sort(java.util.Comparator.comparingInt((Threshold t) -> t.end() - t.start()).reversed());
        List<Threshold> out = new ArrayList<>();
        for (Threshold t : candidates) {
            if (out.stream().noneMatch(o -> o.start() < t.end() && t.start() < o.end())) {
                out.add(t);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Threshold::start));
        return out;
    }

    private void collect(String text, List<Pattern> patterns, boolean isAbove, SourceIndex index, List<Threshold> out) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double value = Double.parseDouble(m.group(1).replace(",", ""));
                boolean percent = PERCENT.matcher(text).region(m.end(1), text.length()).lookingAt();
                out.add(new Threshold(value, percent, isAbove, m.start(), m.end(), m.group(),
                        index.stemsOf(around(text, m.start(), m.end()))));
            }
        }
    }

    /** The words around a threshold, without the threshold itself. */
    private String around(String text, int start, int end) {
        String before = text.substring(0, start);
        String after = text.substring(end);
        String[] b = before.strip().split("\\s+");
        String[] a = after.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(b, Math.max(0, b.length - contextWords), b.length)) + " "
                + String.join(" ", java.util.Arrays.copyOfRange(a, 0, Math.min(a.length, contextWords)));
    }

    /** A source threshold at the same figure, about the same thing, on the other side only; empty when any agrees. */
    Optional<SourceThreshold> reversed(Threshold draft, List<SourceSentence> sentences, List<List<Threshold>> sourceThresholds) {
        SourceThreshold opposite = null;
        for (int i = 0; i < sentences.size(); i++) {
            for (Threshold s : sourceThresholds.get(i)) {
                if (Math.abs(s.value() - draft.value()) > 1e-9 || s.percent() != draft.percent()) {
                    continue;
                }
                Set<String> shared = new HashSet<>(s.about());
                shared.retainAll(draft.about());
                if (s.above() == draft.above()) {
                    return Optional.empty();
                }
                if (!shared.isEmpty() && opposite == null) {
                    opposite = new SourceThreshold(s, sentences.get(i).text());
                }
            }
        }
        return Optional.ofNullable(opposite);
    }

    record SourceThreshold(Threshold threshold, String sentence) {
    }
}
