package app.plainpaper.desk.people;

import app.plainpaper.events.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The desk's users, from configuration. The production profile refuses demo users. */
public class DeskPeople {

    private final Map<String, DeskUser> users;

    public DeskPeople(DeskPeopleProperties properties, PasswordEncoder encoder, boolean production) {
        List<DeskUser> all = new ArrayList<>();
        if (properties.demo().enabled()) {
            if (production) {
                throw new IllegalStateException("Demo users are refused in the production profile: "
                        + "set plainpaper.desk.demo.enabled=false and configure real users or OIDC.");
            }
            String password = properties.demo().password();
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("Demo users need a password: set PLAINPAPER_DEMO_PASSWORD "
                        + "(./plainpaper up generates one).");
            }
            String hash = encoder.encode(password);
            all.add(new DeskUser("editor", hash, EnumSet.of(Role.EDITOR), "Erin Editor", null));
            all.add(new DeskUser("clinician", hash, EnumSet.of(Role.CLINICAL_REVIEWER), "Dr Casey Morgan", "MD, PhD"));
            all.add(new DeskUser("admin", hash, EnumSet.of(Role.ADMIN, Role.EDITOR, Role.CLINICAL_REVIEWER), "Alex Admin", "MD"));
        }
        for (var user : properties.users()) {
            if (user.passwordHash() == null || !user.passwordHash().startsWith("{")) {
                throw new IllegalStateException("User " + user.username() + " needs a password hash with its "
                        + "encoding prefix, e.g. {bcrypt}$2a$...");
            }
            Set<Role> roles = user.roles().stream().map(r -> Role.valueOf(r.trim().toUpperCase().replace('-', '_')))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            all.add(new DeskUser(user.username(), user.passwordHash(), roles, user.displayName(), user.credentials()));
        }
        this.users = all.stream().collect(Collectors.toUnmodifiableMap(DeskUser::username, Function.identity()));
    }

    public Optional<DeskUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public List<DeskUser> all() {
        return List.copyOf(users.values());
    }
}
