package app.plainpaper.desk.revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts: the longest common subsequence of their words (punctuation counts as a word),
 * reported as runs of equal, deleted and inserted words. Whitespace differences are not changes.
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
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    public static List<Run> diff(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        List<Run> runs = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(runs, Op.DELETE, String.join(" ", a));
            add(runs, Op.INSERT, String.join(" ", b));
            return runs;
        }
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                add(runs, Op.EQUAL, a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(runs, Op.DELETE, a.get(i++));
            } else {
                add(runs, Op.INSERT, b.get(j++));
            }
        }
        while (i < n) {
            add(runs, Op.DELETE, a.get(i++));
        }
        while (j < m) {
            add(runs, Op.INSERT, b.get(j++));
        }
        return runs;
    }

    public static boolean changed(List<Run> runs) {
        return runs.stream().anyMatch(r -> r.op() != Op.EQUAL);
    }

    private static void add(List<Run> runs, Op op, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op() == op) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(op, last.text() + " " + word));
        } else {
            runs.add(new Run(op, word));
        }
    }
}
