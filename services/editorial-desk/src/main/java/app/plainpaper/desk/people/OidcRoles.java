package app.plainpaper.desk.people;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the identity provider's roles to desk roles. Keycloak puts realm roles in {@code realm_access.roles}; the
 * realm in ops/keycloak also copies them into a flat {@code roles} claim of the ID token and user info.
 */
class OidcRoles implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            Map<String, Object> claims = Map.of();
            if (authority instanceof OidcUserAuthority oidc) {
                claims = oidc.getUserInfo() != null ? merge(oidc.getIdToken().getClaims(), oidc.getUserInfo().getClaims())
                        : oidc.getIdToken().getClaims();
            } else if (authority instanceof OAuth2UserAuthority oauth) {
                claims = oauth.getAttributes();
            }
            for (String role : roles(claims)) {
                RoleNames.parse(role).ifPresent(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
            }
        }
        return mapped;
    }

    static List<String> roles(Map<String, Object> claims) {
        List<String> roles = new java.util.ArrayList<>();
        if (claims.get("roles") instanceof Collection<?> flat) {
            flat.forEach(r -> roles.add(String.valueOf(r)));
        }
        if (claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> nested) {
            nested.forEach(r -> roles.add(String.valueOf(r)));
        }
        return roles;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
