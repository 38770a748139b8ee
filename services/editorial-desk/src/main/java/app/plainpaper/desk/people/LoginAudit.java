package app.plainpaper.desk.people;

import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.desk.kafka.DeskRecords;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.DeskAuditKind;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.UUID;

/**
 * An audit record on desk.audit for each login and each failed login; the failures feed the lockout. A Basic-auth
 * API call authenticates on every request, so its successes are recorded only when they end a run of failures.
 */
public class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    private final DeskRecords records;
    private final LoginAttempts attempts;
    private final Clock clock;

    public LoginAudit(DeskRecords records, LoginAttempts attempts, Clock clock) {
        this.records = records;
        this.attempts = attempts;
        this.clock = clock;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String method = method(authentication);
        if ("basic".equals(method) && attempts.failures(authentication.getName()) == 0) {
            return;
        }
        record(authentication.getName(), DeskAuditKind.LOGIN, method, null);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.isBlank()) {
            username = "(none)";
        }
        String detail = event.getException() instanceof LockedException
                ? "account locked" : event.getException().getClass().getSimpleName();
        record(username, DeskAuditKind.LOGIN_FAILED, method(event.getAuthentication()), detail).ifPresent(until ->
                record(event.getAuthentication().getName(), DeskAuditKind.LOCKED, method(event.getAuthentication()),
                        "locked until " + until));
    }

    private java.util.Optional<java.time.Instant> record(String username, DeskAuditKind kind, String method, String detail) {
        DeskAudit audit = DeskAudit.newBuilder()
                .setAuditId(UUID.randomUUID().toString())
                .setUsername(username.length() > 200 ? username.substring(0, 200) : username)
                .setKind(kind)
                .setAt(clock.instant())
                .setMethod(method)
                .setRemoteAddress(request() == null ? null : request().getRemoteAddr())
                .setDetail(detail)
                .build();
        try {
            return records.audit(audit);
        } catch (RuntimeException e) {
            // The login itself is already decided; losing its audit record must be loud, not fatal.
            log.error("Could not record {} of {}: {}", kind, username, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static String method(Authentication authentication) {
        if (authentication instanceof OAuth2LoginAuthenticationToken
                || authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken) {
            return "oidc";
        }
        HttpServletRequest request = request();
        if (request != null) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return "basic";
            }
            if (request.getRequestURI().startsWith("/login/oauth2")) {
                return "oidc";
            }
        }
        return "form";
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
