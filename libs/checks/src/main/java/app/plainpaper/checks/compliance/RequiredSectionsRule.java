package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.Draft;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;

import java.util.List;
import java.util.Map;

/** A draft states its evidence level and at least one limitation. */
public final class RequiredSectionsRule implements Rule {

    public static final String ID = "compliance.required-sections";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public boolean needsFullDraft() {
        return true;
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        List<NamedText> sections = ctx.sections();
        if (sections.stream().noneMatch(s -> s.section().equals(Draft.EVIDENCE_LEVEL))) {
            out.add(ctx.finding(ID, Map.of("problem", "The evidence level is missing. Say how strong the evidence is."),
                    Draft.EVIDENCE_LEVEL, 0, 0, List.of()));
        }
        if (sections.stream().noneMatch(s -> s.section().startsWith(Draft.LIMITATIONS + "["))) {
            out.add(ctx.finding(ID, Map.of("problem", "No limitation is given. Add at least one limitation of the study."),
                    Draft.LIMITATIONS, 0, 0, List.of()));
        }
    }
}
