package app.plainpaper.drafting.sections;

import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SectionReadability;
import app.plainpaper.text.NumberMention;
import app.plainpaper.text.Numbers;
import app.plainpaper.text.Readability;
import app.plainpaper.text.ReadabilityFigures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Readability figures per section, and numbers in a text that its source does not contain. */
public final class SectionFigures {

    private SectionFigures() {
    }

    public static List<SectionReadability> readability(String simpleExplanation, List<KeyFindingText> findings,
                                                       String researchSummary, List<ImplicationText> implications,
                                                       List<String> limitations) {
        List<SectionReadability> out = new ArrayList<>();
        out.add(figures("simpleExplanation", simpleExplanation));
        out.add(figures("keyFindings", String.join(" ", findings.stream().map(KeyFindingText::text).toList())));
        out.add(figures("researchSummary", researchSummary));
        out.add(figures("practicalImplications",
                String.join(" ", implications.stream().map(ImplicationText::text).toList())));
        out.add(figures("limitations", String.join(" ", limitations)));
        return out;
    }

    static SectionReadability figures(String section, String text) {
        if (text == null || text.isBlank()) {
            return new SectionReadability(section, 0, 0, 0);
        }
        ReadabilityFigures f = Readability.of(text);
        return new SectionReadability(section, round(f.fleschKincaidGrade()), round(f.meanSentenceLength()), f.words());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Numbers written in {@code text} whose value appears nowhere in {@code source}, as written. */
    public static List<String> numbersNotIn(String text, String source) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<Double> known = new java.util.HashSet<>();
        for (NumberMention m : Numbers.find(source)) {
            known.add(m.value());
        }
        Set<String> out = new LinkedHashSet<>();
        for (NumberMention m : Numbers.find(text)) {
            if (!known.contains(m.value())) {
                out.add(m.raw());
            }
        }
        return new ArrayList<>(out);
    }
}
