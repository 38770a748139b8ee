package app.plainpaper.desk.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The desk's browser pages: static HTML and ES modules under /desk, /css and /js, with the CSRF token and the signed-in
 * user filled in so that the scripts can send decisions from the session.
 */
@Controller
class DeskPages {

    @GetMapping("/")
    String home() {
        return "redirect:/desk/";
    }

    @GetMapping({"/desk", "/desk/"})
    ResponseEntity<String> queues(HttpServletRequest request, Authentication user) {
        return page("queues.html", request, user, Map.of());
    }

    @GetMapping("/desk/summaries/{summaryId}")
    ResponseEntity<String> review(@PathVariable String summaryId, HttpServletRequest request, Authentication user) {
        return page("review.html", request, user, Map.of("summaryId", summaryId));
    }

    @GetMapping("/desk/summaries/{summaryId}/history")
    ResponseEntity<String> history(@PathVariable String summaryId, HttpServletRequest request, Authentication user) {
        return page("history.html", request, user, Map.of("summaryId", summaryId));
    }

    @GetMapping("/desk/policy")
    ResponseEntity<String> policy(HttpServletRequest request, Authentication user) {
        return page("policy.html", request, user, Map.of());
    }

    private static ResponseEntity<String> page(String name, HttpServletRequest request, Authentication user,
            Map<String, String> extra) {
        Map<String, String> values = new LinkedHashMap<>(extra);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        values.put("csrfToken", csrf == null ? "" : csrf.getToken());
        values.put("csrfHeader", csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName());
        values.put("user", user == null ? "" : user.getName());
        values.put("roles", user == null ? "" : user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase().replace('_', '-'))
                .sorted().collect(Collectors.joining(" ")));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .body(PageTemplate.render(name, values));
    }
}
