package app.plainpaper.desk.revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts: the longest common subsequence of their words (punctuation counts as a word),
 * reported as runs of equal, deleted and inserted words. Whitespace differences are not changes. Each run keeps the
 * whitespace before its words as its text had it, so the equal and deleted runs read back the old text, and the
 * equal and inserted runs the new one.
 */
public final class WordDiff {

    /** Beyond this many word pairs the table would be too big; such texts are reported as replaced whole. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.,][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    public enum Op { EQUAL, DELETE, INSERT }

    public record Run(Op op, String text) {
    }

    private WordDiff() {
    }

    public static List<String> words(String text) {
        return tokens(text).stream().map(Token::word).toList();
    }

    /** A word and the whitespace before it. */
    private record Token(String space, String word) {
        String text() {
            return space + word;
        }
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = WORD.matcher(text);
        int end = 0;
        while (m.find()) {
            String between = text.substring(end, m.start());
            tokens.add(new Token(tokens.isEmpty() || between.isEmpty() ? "" : between.contains("\n") ? "\n" : " ", m.group()));
            end = m.end();
        }
        return tokens;
    }

    public static List<Run> diff(String before, String after) {
        List<Token> a = tokens(before);
        List<Token> b = tokens(after);
        List<Run> runs = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(token -> add(runs, Op.DELETE, token.text()));
            b.forEach(token -> add(runs, Op.INSERT, token.text()));
            return runs;
        }
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).word().equals(b.get(j).word()) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).word().equals(b.get(j).word())) {
                add(runs, Op.EQUAL, b.get(j++).text());
                i++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(runs, Op.DELETE, a.get(i++).text());
            } else {
                add(runs, Op.INSERT, b.get(j++).text());
            }
        }
        while (i < n) {
            add(runs, Op.DELETE, a.get(i++).text());
        }
        while (j < m) {
            add(runs, Op.INSERT, b.get(j++).text());
        }
        return runs;
    }

    public static boolean changed(List<Run> runs) {
        return runs.stream().anyMatch(r -> r.op() != Op.EQUAL);
    }

    private static void add(List<Run> runs, Op op, String text) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op() == op) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(op, last.text() + text));
        } else {
            runs.add(new Run(op, text));
        }
    }
}
