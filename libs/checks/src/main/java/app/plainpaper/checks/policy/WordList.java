package app.plainpaper.checks.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of words or phrases from the policy, matched case-insensitively on whole words.
 * A trailing {@code *} matches any word ending ("improv*" matches "improved", "improvement");
 * spaces match any run of whitespace.
 */
public final class WordList {

    private final List<String> entries;
    private final Pattern pattern;
    private final WordList exclusions;

    public WordList(List<String> entries) {
        this(entries, null);
    }

    private WordList(List<String> entries, WordList exclusions) {
        this.exclusions = exclusions;
        this.entries = List.copyOf(entries);
        List<String> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest phrase wins
        StringBuilder alt = new StringBuilder();
        for (String e : sorted) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(toRegex(e.strip()));
        }
        this.pattern = entries.isEmpty() ? null : Pattern.compile(
                "(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)(?:" + alt + ")(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String toRegex(String phrase) {
        StringBuilder sb = new StringBuilder();
        String[] words = phrase.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append("\\s+");
            }
            String w = words[i];
            boolean wildcard = w.endsWith("*");
            if (wildcard) {
                w = w.substring(0, w.length() - 1);
            }
            sb.append(Pattern.quote(w));
            if (wildcard) {
                sb.append("[\\p{L}\\p{N}'\u2019-]*");
            }
        }
        return sb.toString();
    }

    /** {@code list} without the matches that overlap a match of {@code exclusions} ("laboratory" but not "laboratory tests"). */
    public static WordList excluding(WordList list, WordList exclusions) {
        return new WordList(list.entries, exclusions);
    }

    public List<String> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<PhraseMatch> find(String text) {
        List<PhraseMatch> out = new ArrayList<>();
        if (pattern == null || text == null) {
            return out;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new PhraseMatch(m.group(), m.start(), m.end()));
        }
        if (exclusions != null && !out.isEmpty()) {
            List<PhraseMatch> excluded = exclusions.find(text);
            out.removeIf(x -> excluded.stream().anyMatch(e -> e.start() < x.end() && x.start() < e.end()));
        }
        return out;
    }

    public boolean containsIn(String text) {
        if (exclusions != null) {
            return !find(text).isEmpty();
        }
        return pattern != null && text != null && pattern.matcher(text).find();
    }
}
