package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckContext;
import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.NamedText;
import app.plainpaper.checks.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses and phone numbers (the policy's patterns). */
public final class PersonalDataRule implements Rule {

    public static final String ID = "compliance.personal-data";

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
            List<int[]> seen = new ArrayList<>();
            for (Pattern p : ctx.rule(ID).patterns()) {
                Matcher m = p.matcher(s.text());
                while (m.find()) {
                    int start = m.start();
                    int end = m.end();
                    if (seen.stream().anyMatch(r -> r[0] < end && start < r[1])) {
                        continue;
                    }
                    seen.add(new int[] {start, end});
                    String kind = m.group().contains("@") ? "e-mail address" : "phone number";
                    out.add(ctx.finding(ID, Map.of("kind", kind, "text", m.group()), s.section(), start, end, List.of()));
                }
            }
        }
    }
}
