package app.plainpaper.desk.api;

import app.plainpaper.checks.policy.PolicyLoader;
import app.plainpaper.checks.policy.PolicyView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checks policy the automated findings come from, for editors to read: each rule with its checker, severity,
 * what it looks for, its word lists and parameters (the read-only view libs/checks offers).
 */
@RestController
class PolicyController {

    private final PolicyView policy = PolicyView.of(PolicyLoader.loadDefault());

    @GetMapping("/api/policy")
    PolicyView policy() {
        return policy;
    }
}
