package app.plainpaper.checks.alignment;

import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source split into sentences, ready to align draft sentences with: each draft sentence is
 * matched with the source sentences that share the most of its (IDF-weighted) content words.
 */
public final class SourceIndex {

    private final List<SourceSentence> sentences = new ArrayList<>();
    private final List<NumberMention> allNumbers = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, String> synonyms;
    private final String fullText;

    public SourceIndex(Source source, Map<String, String> synonyms) {
        this.synonyms = Map.copyOf(synonyms);
        this.fullText = source.fullText();
        int index = 0;
        List<SourceSection> parts = new ArrayList<>();
        if (!source.title().isBlank()) {
            parts.add(new SourceSection("title", source.title()));
        }
        parts.addAll(source.sections());
        for (SourceSection section : parts) {
            for (Sentence s : Sentences.split(section.text())) {
                List<NumberMention> numbers = Numbers.find(s.text());
                Set<String> stems = new java.util.LinkedHashSet<>(Stems.contentOf(s.text(), this.synonyms));
                stems.addAll(numberKeys(numbers));
                sentences.add(new SourceSentence(index++, section.label(), s.text(), stems, numbers));
                allNumbers.addAll(numbers);
                for (String stem : stems) {
                    documentFrequency.merge(stem, 1, Integer::sum);
                }
            }
        }
    }

    public List<SourceSentence> sentences() {
        return sentences;
    }

    public List<NumberMention> allNumbers() {
        return allNumbers;
    }

    public String fullText() {
        return fullText;
    }

    public Set<String> stemsOf(String text) {
        return Stems.contentOf(text, synonyms);
    }

    /** Numbers take part in alignment by value, so "ten studies" meets "10 studies". */
    private static Set<String> numberKeys(List<NumberMention> numbers) {
        Set<String> out = new java.util.HashSet<>();
        for (NumberMention m : numbers) {
            out.add("#" + (m.value() == Math.rint(m.value()) ? Long.toString((long) m.value()) : Double.toString(m.value())));
        }
        return out;
    }

    private double idf(String stem) {
        int df = documentFrequency.getOrDefault(stem, 0);
        return Math.log(1.0 + (sentences.size() + 1.0) / (df + 0.5));
    }

    /** Source sentences sharing content with {@code draftSentence}, best first, at most {@code limit}. */
    public List<ScoredSentence> align(String draftSentence, int limit, double minScore) {
        Set<String> d = new java.util.LinkedHashSet<>(stemsOf(draftSentence));
        d.addAll(numberKeys(Numbers.find(draftSentence)));
        if (d.isEmpty()) {
            return List.of();
        }
        double total = 0;
        for (String s : d) {
            total += idf(s);
        }
        List<ScoredSentence> scored = new ArrayList<>();
        for (SourceSentence s : sentences) {
            double shared = 0;
            for (String stem : d) {
                if (s.stems().contains(stem)) {
                    shared += idf(stem);
                }
            }
            double sourceTotal = 0;
            for (String stem : s.stems()) {
                sourceTotal += idf(stem);
            }
            // cosine-like, so a short source sentence contained in a long draft sentence still aligns
            double score = sourceTotal == 0 ? 0 : shared / Math.sqrt(total * sourceTotal);
            if (score >= minScore && score > 0) {
                scored.add(new ScoredSentence(s, score));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : List.copyOf(scored);
    }
}
