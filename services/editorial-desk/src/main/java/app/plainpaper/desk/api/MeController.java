package app.plainpaper.desk.api;

import app.plainpaper.desk.people.DeskIdentities;
import app.plainpaper.desk.people.DeskIdentity;
import app.plainpaper.desk.people.RoleNames;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api")
class MeController {

    private final DeskIdentities identities;

    MeController(DeskIdentities identities) {
        this.identities = identities;
    }

    /** Who is logged in, their roles, and the CSRF token their session must send with every POST/PUT. */
    @GetMapping("/me")
    Map<String, Object> me(Authentication authentication, CsrfToken csrf) {
        DeskIdentity user = identities.of(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("displayName", user.displayName());
        body.put("credentials", user.credentials());
        body.put("roles", user.roles().stream().map(RoleNames::api).sorted().toList());
        body.put("csrf", csrf(csrf));
        return body;
    }

    /** The CSRF token of this (possibly anonymous) session, for the login form. */
    @GetMapping("/csrf")
    Map<String, Object> csrf(CsrfToken csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headerName", csrf.getHeaderName());
        body.put("parameterName", csrf.getParameterName());
        body.put("token", csrf.getToken());
        return body;
    }
}
