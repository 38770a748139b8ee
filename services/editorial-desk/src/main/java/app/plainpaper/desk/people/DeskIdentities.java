package app.plainpaper.desk.people;

import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.events.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.EnumSet;
import java.util.Set;

/** Turns the authenticated session into a desk identity: roles from its authorities, names from the profile. */
public class DeskIdentities {

    private final DeskPeople people;
    private final ReviewerProfiles profiles;

    public DeskIdentities(DeskPeople people, ReviewerProfiles profiles) {
        this.people = people;
        this.profiles = profiles;
    }

    public DeskIdentity of(Authentication authentication) {
        String username = authentication.getName();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                RoleNames.parse(name.substring(5)).ifPresent(roles::add);
            }
        }
        var configured = people.find(username);
        String displayName = configured.map(DeskUser::displayName).orElse(null);
        String credentials = configured.map(DeskUser::credentials).orElse(null);
        if (displayName == null && authentication.getPrincipal() instanceof OidcUser oidc) {
            displayName = oidc.getFullName();
        }
        var profile = profiles.find(username);
        if (profile.isPresent()) {
            displayName = profile.get().getDisplayName();
            credentials = profile.get().getCredentials();
        }
        return new DeskIdentity(username, roles, displayName == null ? username : displayName, credentials);
    }
}
