package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DefinitionLine;
import app.plainpaper.checks.Rule;

import java.util.List;
import java.util.Map;

/**
 * A draft sentence that explains a defined term in other words than its definition ("HER2 means ..."). The number,
 * direction and negation rules compare such a line with the definition; this notes any change they cannot judge, so
 * an editor confirms it still says the same. Nothing without definitions.
 */
public final class GlossaryRule implements Rule {

    public static final String ID = "accuracy.glossary.changed";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        for (DefinitionLine line : ctx.definitionLines()) {
            if (!line.matchesDefinition()) {
                out.add(ctx.finding(ID, Map.of("term", line.written(), "explanation", line.definition().explanation()),
                        line.sentence().section(), line.explanationStart(), line.explanationEnd(),
                        List.of(line.reference())));
            }
        }
    }
}
