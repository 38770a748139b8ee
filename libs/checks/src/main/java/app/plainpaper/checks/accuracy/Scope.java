package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.WordList;

import java.util.List;
import java.util.regex.Pattern;

/** Whether a word is inside the scope of a negation: a negator a few words before it in the same clause. */
final class Scope {

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()\\[\\]]|\\.\\s|\\b(?:but|while|whereas|although|though|however|and then)\\b",
            Pattern.CASE_INSENSITIVE);

    private Scope() {
    }

    static boolean negated(String text, int position, List<PhraseMatch> negators, int maxWords) {
        for (PhraseMatch n : negators) {
            if (n.end() > position || n.start() == position) {
                continue;
            }
            String between = text.substring(n.end(), position);
            if (CLAUSE_BREAK.matcher(between).find()) {
                continue;
            }
            int words = between.isBlank() ? 0 : between.strip().split("\\s+").length;
            if (words <= maxWords) {
                return true;
            }
        }
        return false;
    }

    static boolean negated(String text, PhraseMatch word, WordList negators, int maxWords) {
        return negated(text, word.start(), negators.find(text), maxWords);
    }

    /** Matches of {@code list} that do not overlap any match of {@code exclusions}. */
    static List<PhraseMatch> without(List<PhraseMatch> matches, List<PhraseMatch> exclusions) {
        return matches.stream()
                .filter(m -> exclusions.stream().noneMatch(x -> x.start() < m.end() && m.start() < x.end()))
                .toList();
    }

    /** Up to {@code words} words on each side of the span, within the sentence. */
    static String wordsAround(String text, int start, int end, int words) {
        List<app.plainpaper.text.Token> tokens = app.plainpaper.text.Words.tokens(text);
        StringBuilder sb = new StringBuilder();
        int before = 0;
        for (int i = tokens.size() - 1; i >= 0 && before < words; i--) {
            if (tokens.get(i).end() <= start) {
                sb.append(tokens.get(i).text()).append(' ');
                before++;
            }
        }
        int after = 0;
        for (app.plainpaper.text.Token t : tokens) {
            if (t.start() >= end && after < words) {
                sb.append(t.text()).append(' ');
                after++;
            }
        }
        return sb.toString();
    }

    static String quote(String sentence) {
        String s = sentence.strip().replaceAll("\\s+", " ");
        return s.length() > 220 ? s.substring(0, 217) + "..." : s;
    }
}
