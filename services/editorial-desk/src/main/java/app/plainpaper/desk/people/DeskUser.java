package app.plainpaper.desk.people;

import app.plainpaper.events.Role;

import java.util.Set;

/** A person who works at the desk: the roles they hold and how they are named on a published page. */
public record DeskUser(String username, String passwordHash, Set<Role> roles, String displayName, String credentials) {

    public DeskUser {
        roles = Set.copyOf(roles);
    }
}
