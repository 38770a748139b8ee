package app.plainpaper.desk.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who may log in. Demo users exist only for local runs; their one password comes from the environment
 * ({@code PLAINPAPER_DEMO_PASSWORD}), never from the repository.
 */
@ConfigurationProperties("plainpaper.desk")
public record DeskPeopleProperties(Demo demo, List<User> users) {

    public DeskPeopleProperties {
        demo = demo == null ? new Demo(false, null) : demo;
        users = users == null ? List.of() : users;
    }

    public record Demo(boolean enabled, String password) {
    }

    /** A configured user; {@code passwordHash} is a {@code {bcrypt}...} style hash, never a plain password. */
    public record User(String username, String passwordHash, List<String> roles, String displayName, String credentials) {
    }
}
