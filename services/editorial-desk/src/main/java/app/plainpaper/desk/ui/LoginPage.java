package app.plainpaper.desk.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Map;

/** The sign-in form (Spring Security's loginPage): the CSRF token in a hidden field, a failed sign-in announced. */
@Controller
class LoginPage {

    @GetMapping("/login")
    ResponseEntity<String> login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String status = request.getParameter("error") != null
                ? "Sign-in failed: the user name or password is wrong, or the account is locked for a while after too many failed attempts."
                : request.getParameter("logout") != null ? "You are signed out." : "";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .body(PageTemplate.render("login.html", Map.of(
                        "csrfToken", csrf == null ? "" : csrf.getToken(),
                        "csrfParameter", csrf == null ? "_csrf" : csrf.getParameterName(),
                        "status", status,
                        "statusHidden", status.isEmpty() ? "hidden" : "",
                        "invalid", request.getParameter("error") != null ? "true" : "false")));
    }
}
