package app.plainpaper.drafting.taxonomy;

import app.plainpaper.drafting.DataFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The site's categories (data file {@code taxonomy.tsv}) and how a paper falls into them: a MeSH term or keyword
 * listed for a category scores 3, a listed word in the title 2, each different listed word in the abstract 1.
 * Categories scoring at least {@link #THRESHOLD} are kept, best first, at most {@link #MAX_CATEGORIES}.
 */
public final class Taxonomy {

    public static final int THRESHOLD = 2;
    public static final int MAX_CATEGORIES = 4;

    /** A category and its words. */
    public record Category(String name, List<String> keywords) {
    }

    private record Keyword(String text, Pattern pattern) {
    }

    private final List<Category> categories;
    private final Map<String, List<Keyword>> keywords = new LinkedHashMap<>();

    public Taxonomy(List<Category> categories) {
        this.categories = List.copyOf(categories);
        for (Category c : categories) {
            List<Keyword> list = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String k : c.keywords()) {
                if (!seen.add(k.toLowerCase(Locale.ROOT))) {
                    continue; // "pain" and the MeSH heading "Pain" are one word for the abstract
                }
                boolean abbreviation = k.equals(k.toUpperCase(Locale.ROOT)) && k.chars().anyMatch(Character::isLetter);
                list.add(new Keyword(k, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])",
                        abbreviation ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
            keywords.put(c.name(), list);
        }
    }

    public static Taxonomy builtIn() {
        List<Category> categories = new ArrayList<>();
        for (String[] row : DataFile.rows("taxonomy.tsv", 2)) {
            categories.add(new Category(row[0], List.of(row[1].split("\\|")).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()));
        }
        return new Taxonomy(categories);
    }

    public List<Category> categories() {
        return categories;
    }

    /** The paper's categories, best first. */
    public List<String> categorise(String title, String abstractText, List<String> indexTerms) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Category c : categories) {
            int score = 0;
            for (Keyword k : keywords.get(c.name())) {
                if (indexTerms.stream().anyMatch(t -> t.strip().equalsIgnoreCase(k.text()))) {
                    score += 3;
                } else if (k.pattern().matcher(title).find()) {
                    score += 2;
                } else if (k.pattern().matcher(abstractText).find()) {
                    score += 1;
                }
            }
            if (score >= THRESHOLD) {
                scores.put(c.name(), score);
            }
        }
        List<String> names = new ArrayList<>(scores.keySet());
        // stable sort keeps the file's order among equal scores
        names.sort(Comparator.comparingInt((String n) -> scores.get(n)).reversed());
        return names.subList(0, Math.min(MAX_CATEGORIES, names.size()));
    }
}
