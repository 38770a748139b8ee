package app.plainpaper.desk.api;

import app.plainpaper.checks.policy.Policy;
import app.plainpaper.checks.policy.PolicyLoader;
import app.plainpaper.checks.policy.RulePolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks policy the automated findings come from, for editors to read: each rule, its severity and what it looks for. */
@RestController
class PolicyController {

    private final Policy policy = PolicyLoader.loadDefault();

    @GetMapping("/api/policy")
    Map<String, Object> policy() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", policy.version());
        body.put("rules", policy.allRules().stream().sorted(Comparator.comparing(RulePolicy::id)).map(PolicyController::rule).toList());
        return body;
    }

    private static Map<String, Object> rule(RulePolicy rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rule.id());
        view.put("severity", rule.severity() == null ? null : rule.severity().name().toLowerCase());
        view.put("enabled", rule.enabled());
        view.put("description", rule.description());
        view.put("message", rule.message());
        Map<String, List<String>> lists = new LinkedHashMap<>();
        rule.lists().forEach((name, words) -> lists.put(name, words.entries()));
        view.put("lists", lists);
        view.put("params", rule.params());
        return view;
    }
}
