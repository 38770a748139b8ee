package app.plainpaper.desk.people;

import app.plainpaper.events.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeskPeopleTest {

    private final org.springframework.security.crypto.password.PasswordEncoder encoder =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void demoUsersGetHashedPasswords() {
        var people = new DeskPeople(new DeskPeopleProperties(new DeskPeopleProperties.Demo(true, "s3cret-demo"), null), encoder, false);
        var editor = people.find("editor").orElseThrow();
        assertThat(editor.passwordHash()).startsWith("{bcrypt}").doesNotContain("s3cret-demo");
        assertThat(encoder.matches("s3cret-demo", editor.passwordHash())).isTrue();
        assertThat(people.find("clinician").orElseThrow().roles()).containsExactly(Role.CLINICAL_REVIEWER);
        assertThat(people.find("admin").orElseThrow().roles()).contains(Role.ADMIN, Role.EDITOR, Role.CLINICAL_REVIEWER);
    }

    @Test
    void productionRefusesDemoUsers() {
        assertThatThrownBy(() -> new DeskPeople(new DeskPeopleProperties(new DeskPeopleProperties.Demo(true, "x"), null), encoder, true))
                .hasMessageContaining("refused in the production profile");
    }

    @Test
    void demoUsersNeedAPasswordFromTheEnvironment() {
        assertThatThrownBy(() -> new DeskPeople(new DeskPeopleProperties(new DeskPeopleProperties.Demo(true, " "), null), encoder, false))
                .hasMessageContaining("PLAINPAPER_DEMO_PASSWORD");
    }

    @Test
    void configuredUsersMustBringAHashNotAPassword() {
        var plain = new DeskPeopleProperties.User("erin", "plain-password", List.of("editor"), "Erin", null);
        assertThatThrownBy(() -> new DeskPeople(new DeskPeopleProperties(null, List.of(plain)), encoder, true))
                .hasMessageContaining("password hash");
        var hashed = new DeskPeopleProperties.User("erin", encoder.encode("pw"), List.of("editor", "clinical-reviewer"), "Erin", "RN");
        var people = new DeskPeople(new DeskPeopleProperties(null, List.of(hashed)), encoder, true);
        assertThat(people.find("erin").orElseThrow().roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.CLINICAL_REVIEWER);
    }
}
