package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftSentence;
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

    @Override
    public List<String> ruleIds() {
        return List.of(ANIMAL, SUBGROUP);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ANIMAL, List.of("human", "animal", "notAnimal", "findingVerbs", "futureHedges"),
                SUBGROUP, List.of("subgroupMarkers", "generalisers"));
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (ctx.enabled(ANIMAL)) {
            animal(ctx, out);
        }
        if (ctx.enabled(SUBGROUP)) {
            subgroup(ctx, out);
        }
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
            boolean countsPeople = app.plainpaper.text.Numbers.find(text).stream().anyMatch(n -> n.unit() != null
                    && n.kind() == app.plainpaper.text.NumberMention.Kind.COUNT && human.containsIn(n.unit()));
            if (people.isEmpty() || animal.containsIn(text)
                    || !(countsPeople || rule.list("findingVerbs").containsIn(text))
                    || rule.list("futureHedges").containsIn(text)) {
                continue;
            }
            String sourceWord = null;
            String sourceSentence = null;
            for (ScoredSentence a : ctx.aligned(ds)) {
                if (a.score() < minAlignment) {
                    break;
                }
                List<PhraseMatch> animals = animal.find(a.sentence().text());
                if (!animals.isEmpty() && humans(a.sentence().text(), human, animal).isEmpty()) {
                    sourceWord = animals.get(0).text();
                    sourceSentence = a.sentence().text();
                }
                break;
            }
            if (sourceWord == null && wholeSourceAnimal) {
                List<PhraseMatch> animals = animal.find(ctx.sourceIndex().fullText());
                sourceWord = animals.isEmpty() ? "animals or cells" : animals.get(0).text();
            }
            if (sourceWord != null) {
                PhraseMatch p = people.get(0);
                out.add(ctx.finding(ANIMAL, Map.of("draftWord", p.text(), "sourceWord", sourceWord), ds.section(),
                        ds.start() + p.start(), ds.start() + p.end(),
                        sourceSentence == null ? List.of() : List.of(sourceSentence)));
            }
        }
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
