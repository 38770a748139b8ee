package app.plainpaper.drafting.plain;

import app.plainpaper.text.Words;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a draft sentence repeats a source sentence nearly word for word: more than 80% of the draft sentence's
 * words (lower case, all words) also occur in one source sentence.
 */
public final class NearCopy {

    public static final double THRESHOLD = 0.8;

    private NearCopy() {
    }

    public static double overlap(String draft, String source) {
        List<String> words = Words.of(draft);
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> sourceWords = new HashSet<>(Words.of(source));
        long common = words.stream().filter(sourceWords::contains).count();
        return (double) common / words.size();
    }

    public static boolean copies(String draft, Collection<String> sources) {
        return sources.stream().anyMatch(s -> overlap(draft, s) > THRESHOLD);
    }
}
