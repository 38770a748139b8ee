package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;
import app.plainpaper.checks.links.Link;
import app.plainpaper.checks.links.Links;

import java.util.List;
import java.util.Map;

/** Links and DOIs are well formed. */
public final class LinkRule implements Rule {

    public static final String ID = "compliance.links";

    @Override
    public List<String> ruleIds() {
        return List.of(ID);
    }

    @Override
    public void check(CheckContext ctx, List<CheckFinding> out) {
        if (!ctx.enabled(ID)) {
            return;
        }
        for (NamedText s : ctx.sections()) {
            for (Link link : Links.find(s.text())) {
                if (!link.wellFormed()) {
                    out.add(ctx.finding(ID, Map.of("kind", link.kind() == Link.Kind.DOI ? "DOI" : "link", "text", link.raw(),
                            "problem", link.problem()), s.section(), link.start(), link.end(), List.of()));
                }
            }
        }
    }
}
