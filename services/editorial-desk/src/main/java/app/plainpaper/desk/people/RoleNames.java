package app.plainpaper.desk.people;

import app.plainpaper.events.Role;

import java.util.Locale;
import java.util.Optional;

/** Desk roles as configuration and identity providers spell them: "editor", "clinical-reviewer", "CLINICAL_REVIEWER". */
public final class RoleNames {

    private RoleNames() {
    }

    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "EDITOR" -> Optional.of(Role.EDITOR);
            case "CLINICAL_REVIEWER", "CLINICIAN" -> Optional.of(Role.CLINICAL_REVIEWER);
            case "ADMIN" -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }

    public static String api(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
