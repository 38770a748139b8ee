package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.DraftMetadata;
import app.plainpaper.checks.Rule;

import java.util.List;
import java.util.Map;

/** The site's medical disclaimer is attached, in the version the policy names as current. */
public final class DisclaimerRule implements Rule {

    public static final String ID = "compliance.disclaimer";
    public static final String CURRENT_VERSION_SETTING = "disclaimer.currentVersion";

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
        DraftMetadata meta = ctx.metadata();
        String current = ctx.policy().setting(CURRENT_VERSION_SETTING, (String) null);
        String problem = null;
        if (meta == null || !meta.disclaimerAttached()) {
            problem = "The medical disclaimer is not attached. Attach the current disclaimer (version " + current + ").";
        } else if (current != null && !current.equals(meta.disclaimerVersion())) {
            problem = "The attached disclaimer is version " + meta.disclaimerVersion() + "; the current version is "
                    + current + ". Attach the current one.";
        }
        if (problem != null) {
            out.add(ctx.finding(ID, Map.of("problem", problem), "draft", 0, 0, List.of()));
        }
    }
}
