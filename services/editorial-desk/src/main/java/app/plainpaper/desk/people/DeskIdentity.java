package app.plainpaper.desk.people;

import app.plainpaper.events.Actor;
import app.plainpaper.events.Role;

import java.util.Set;

/** Who is at the desk in this request: taken from the session (or the Basic/OIDC login), never from a request body. */
public record DeskIdentity(String username, Set<Role> roles, String displayName, String credentials) {

    public DeskIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor actor(Role role) {
        return Actor.newBuilder().setId(username).setRole(role).setDisplayName(displayName).setCredentials(credentials).build();
    }
}
