package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.checks.policy.WordList;

import java.util.List;
import java.util.Map;

/** An animal or laboratory study says so somewhere in the draft. */
public final class AnimalLabelRule implements Rule {

    public static final String ID = "compliance.animal-label";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public Map<String, List<String>> requiredLists() {
        return Map.of(ID, List.of("animalOrLab"));
    }

    @Override
    public boolean needsFullDraft() {
        return true;
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID) || ctx.declaredDesign() != StudyDesign.ANIMAL_OR_LAB) {
            return;
        }
        WordList words = ctx.rule(ID).list("animalOrLab");
        boolean labelled = ctx.sections().stream().map(NamedText::text).anyMatch(words::containsIn);
        if (!labelled) {
            out.add(ctx.finding(ID, Map.of(), "draft", 0, 0, List.of()));
        }
    }
}
