package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.checks.alignment.ScoredSentence;
import app.plainpaper.checks.policy.PhraseMatch;
import app.plainpaper.checks.policy.RulePolicy;
import app.plainpaper.checks.policy.WordList;

import java.util.List;
import java.util.Map;

/**
 * Who the finding is about. A result from animals, cells or the laboratory presented as a result in people
 * is a blocker; a subgroup's result presented for everyone is a warning.
 */
public final class PopulationRule implements Rule {

    public static final String ANIMAL = "accuracy.population.animal";
    public static final String SUBGROUP = "accuracy.population.subgroup";
    public static final String UNLABELLED = "accuracy.population.unlabelled";

    @Override
    public List<String> ruleIds() {
        return List.of(ANIMAL, SUBGROUP, UNLABELLED);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ANIMAL, List.of("human", "animal", "notAnimal", "findingVerbs", "futureHedges"),
                SUBGROUP, List.of("subgroupMarkers", "generalisers"), UNLABELLED, List.of("animalOrLab"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (ctx.enabled(ANIMAL)) {
            animal(ctx, out);
        }
        if (ctx.enabled(SUBGROUP)) {
            subgroup(ctx, out);
        }
        if (ctx.enabled(UNLABELLED) && ctx.enabled(ANIMAL)) {
            unlabelled(ctx, out);
        }
    }

    /**
     * A source of undeclared design that speaks only of animals or cells, summarised without a word of them: readers
     * take every result for a result in people (compliance.animal-label asks the same of declared designs).
     */
    private static void unlabelled(CheckContext ctx, List<CheckFinding> out) {
        if (ctx.declaredDesign() != null || ctx.sections().isEmpty()) {
            return;
        }
        RulePolicy rule = ctx.rule(UNLABELLED);
        WordList human = ctx.rule(ANIMAL).list("human");
        WordList animal = WordList.excluding(ctx.rule(ANIMAL).list("animal"), ctx.rule(ANIMAL).list("notAnimal"));
        String source = ctx.sourceIndex().fullText();
        List<PhraseMatch> animals = animal.find(source);
        if (animals.size() < rule.number("minAnimalWords", 2) || !isAnimalSource(ctx, human, animal)) {
            return;
        }
        WordList label = rule.list("animalOrLab");
        if (ctx.sections().stream().map(NamedText::text).anyMatch(t -> label.containsIn(t) || animal.containsIn(t))) {
            return;
        }
        out.add(ctx.finding(UNLABELLED, Map.of("sourceWord", animals.get(0).text()), ctx.sections().get(0).section(), 0, 0,
                List.of()));
    }

    private static void animal(CheckContext ctx, List<CheckFinding> out) {
        RulePolicy rule = ctx.rule(ANIMAL);
        WordList human = rule.list("human");
        WordList animal = WordList.excluding(rule.list("animal"), rule.list("notAnimal"));
        boolean wholeSourceAnimal = isAnimalSource(ctx, human, animal);
        double minAlignment = rule.number("minAlignment", 0.25);
        for (DraftSentence ds : ctx.sentences()) {
            String text = ds.text();
            List<PhraseMatch> people = humans(text, human, animal);
            if (people.isEmpty() || animal.containsIn(text)) {
                continue;
            }
            ScoredSentence top = ctx.aligned(ds).stream().findFirst().filter(a -> a.score() >= minAlignment).orElse(null);
            List<PhraseMatch> topAnimals = top == null ? List.of() : animal.find(top.sentence().text());
            boolean topOnlyAnimal = !topAnimals.isEmpty() && humans(top.sentence().text(), human, animal).isEmpty();
            List<PhraseMatch> hedges = rule.list("futureHedges").find(text);
            List<PhraseMatch> unhedged = people.stream().filter(p -> !hedged(text, p, hedges)).toList();
            // "human spinal cord" where the matching source sentence says "rodent spinal cord": the species itself changed
            if (topOnlyAnimal && !unhedged.isEmpty()) {
                PhraseMatch[] swap = speciesSwap(ctx, text, unhedged, top.sentence().text(), topAnimals);
                if (swap != null) {
                    out.add(ctx.finding(ANIMAL, Map.of("draftWord", swap[0].text(), "sourceWord", swap[1].text()), ds.section(),
                            ds.start() + swap[0].start(), ds.start() + swap[0].end(), List.of(top.sentence().text())));
                    continue;
                }
            }
            List<app.plainpaper.text.NumberMention> peopleCounts = app.plainpaper.text.Numbers.find(text).stream()
                    .filter(n -> n.unit() != null && n.kind() == app.plainpaper.text.NumberMention.Kind.COUNT
                            && human.containsIn(n.unit())).toList();
            WordList verbs = rule.list("findingVerbs");
            // a human word in an aside states a finding only if the aside itself does ("(844,206 participants)")
            List<PhraseMatch> stated = unhedged.stream().filter(p -> {
                int[] aside = parenthesis(text, p.start());
                return aside == null ? !peopleCounts.isEmpty() || verbs.containsIn(text)
                        : verbs.containsIn(text.substring(aside[0], aside[1]))
                        || peopleCounts.stream().anyMatch(n -> n.start() > aside[0] && n.end() <= aside[1]);
            }).toList();
            if (stated.isEmpty()) {
                continue;
            }
            String sourceWord = null;
            String sourceSentence = null;
            if (topOnlyAnimal) {
                sourceWord = topAnimals.get(0).text();
                sourceSentence = top.sentence().text();
            }
            if (sourceWord == null && wholeSourceAnimal) {
                List<PhraseMatch> animals = animal.find(ctx.sourceIndex().fullText());
                sourceWord = animals.isEmpty() ? "animals or cells" : animals.get(0).text();
            }
            if (sourceWord != null) {
                PhraseMatch p = stated.get(0);
                out.add(ctx.finding(ANIMAL, Map.of("draftWord", p.text(), "sourceWord", sourceWord), ds.section(),
                        ds.start() + p.start(), ds.start() + p.end(),
                        sourceSentence == null ? List.of() : List.of(sourceSentence)));
            }
        }
    }

    /**
     * A human word of the draft right before the word that an animal word of the source sentence qualifies
     * ("human HSL" against "rodent HSL"): the draft names another species for the same thing.
     */
    private static PhraseMatch[] speciesSwap(CheckContext ctx, String draft, List<PhraseMatch> people, String source,
                                             List<PhraseMatch> animals) {
        for (PhraseMatch a : animals) {
            String sourceNoun = nextWord(source, a.end());
            if (sourceNoun == null) {
                continue;
            }
            for (PhraseMatch p : people) {
                String draftNoun = nextWord(draft, p.end());
                if (draftNoun != null && !ctx.sourceIndex().stemsOf(draftNoun).isEmpty()
                        && ctx.sourceIndex().stemsOf(draftNoun).equals(ctx.sourceIndex().stemsOf(sourceNoun))) {
                    return new PhraseMatch[] {p, a};
                }
            }
        }
        return null;
    }

    /** The word right after {@code from}, when only spaces separate them. */
    private static String nextWord(String text, int from) {
        java.util.regex.Matcher w = NEXT_WORD.matcher(text.substring(from, Math.min(text.length(), from + 40)));
        return w.find() ? w.group(1) : null;
    }

    private static final java.util.regex.Pattern NEXT_WORD = java.util.regex.Pattern.compile("^ +([\\p{L}][\\p{L}-]*)");

    /**
     * A hedge ("could", "before", "whether") that governs a human word: the sentence speaks of what people might see
     * later. Two kinds of hedge do not: one in a relative clause after the human word ("participants had cancer that
     * could not be removed"), and one on the other side of a parenthesis ("whether albumin (fluid to increase the
     * woman's blood volume) can reduce OHSS": the aside states a fact).
     */
    private static boolean hedged(String text, PhraseMatch person, List<PhraseMatch> hedges) {
        int[] aside = parenthesis(text, person.start());
        for (PhraseMatch h : hedges) {
            if (!java.util.Arrays.equals(aside, parenthesis(text, h.start()))) {
                continue;
            }
            if (h.start() >= person.end() && RELATIVE.matcher(text.substring(person.end(), h.start())).find()) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern RELATIVE =
            java.util.regex.Pattern.compile("\\b(?:that|which|who|whom|whose)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The span of the innermost parenthesis around {@code at}, or null outside any. */
    private static int[] parenthesis(String text, int at) {
        int open = text.lastIndexOf('(', at);
        if (open < 0) {
            return null;
        }
        int close = text.indexOf(')', open);
        return close < 0 || close < at ? null : new int[] {open, close};
    }

    /** Human words, leaving out those that describe animals ("adult rats", "male mice"). */
    static List<PhraseMatch> humans(String text, WordList human, WordList animal) {
        List<PhraseMatch> animals = animal.find(text);
        return human.find(text).stream().filter(h -> animals.stream().noneMatch(
                a -> a.start() >= h.end() && text.substring(h.end(), a.start()).isBlank())).toList();
    }

    /** Declared ANIMAL_OR_LAB, or (design unknown) a source that speaks of animals or cells and never of people. */
    static boolean isAnimalSource(CheckContext ctx, WordList human, WordList animal) {
        StudyDesign design = ctx.declaredDesign();
        if (design != null) {
            return design == StudyDesign.ANIMAL_OR_LAB;
        }
        String text = ctx.sourceIndex().fullText();
        int animals = animal.find(text).size();
        int people = humans(text, human, animal).size();
        return animals > 0 && animals >= rule(ctx).number("animalToHumanRatio", 3) * people;
    }

    private static RulePolicy rule(CheckContext ctx) {
        return ctx.rule(ANIMAL);
    }

    private static void subgroup(CheckContext ctx, List<CheckFinding> out) {
        RulePolicy rule = ctx.rule(SUBGROUP);
        WordList markers = rule.list("subgroupMarkers");
        double minAlignment = rule.number("minAlignment", 0.35);
        for (DraftSentence ds : ctx.sentences()) {
            List<PhraseMatch> general = rule.list("generalisers").find(ds.text());
            if (general.isEmpty() || markers.containsIn(ds.text())) {
                continue;
            }
            for (ScoredSentence a : ctx.aligned(ds)) {
                if (a.score() < minAlignment) {
                    break;
                }
                List<PhraseMatch> found = markers.find(a.sentence().text());
                if (!found.isEmpty()) {
                    PhraseMatch g = general.get(0);
                    out.add(ctx.finding(SUBGROUP, Map.of("marker", found.get(0).text()), ds.section(),
                            ds.start() + g.start(), ds.start() + g.end(), List.of(a.sentence().text())));
                }
                break;
            }
        }
    }
}
