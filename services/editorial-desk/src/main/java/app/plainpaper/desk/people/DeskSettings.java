package app.plainpaper.desk.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The desk's settings besides its users.
 *
 * @param login    {@code form} (users from configuration) or {@code oidc} (an OpenID Connect provider such as Keycloak)
 * @param deadline per queue ({@code editor}, {@code clinical}): how long an item may wait before it is overdue
 * @param profiles seed profiles (credentials, declared conflicts) of configured users, published when the user has none
 * @param streamHeartbeat how often an idle queue stream gets a comment line, so that proxies (nginx cuts a response
 *                        silent for 60 s) keep it open
 */
@ConfigurationProperties("plainpaper.desk")
public record DeskSettings(String login, Map<String, Duration> deadline, LoginLimits loginLimits,
        Map<String, ProfileSeed> profiles, Integer commentMaxLength, Duration streamHeartbeat) {

    public DeskSettings {
        login = login == null || login.isBlank() ? "form" : login.strip().toLowerCase();
        deadline = deadline == null ? Map.of("editor", Duration.ofHours(48), "clinical", Duration.ofHours(72)) : deadline;
        loginLimits = loginLimits == null ? new LoginLimits(5, Duration.ofMinutes(15)) : loginLimits;
        profiles = profiles == null ? Map.of() : profiles;
        commentMaxLength = commentMaxLength == null ? 4000 : commentMaxLength;
        streamHeartbeat = streamHeartbeat == null ? Duration.ofSeconds(20) : streamHeartbeat;
        if (streamHeartbeat.isNegative() || streamHeartbeat.isZero()) {
            throw new IllegalArgumentException("plainpaper.desk.stream-heartbeat must be positive, not " + streamHeartbeat);
        }
    }

    public boolean oidc() {
        return "oidc".equals(login);
    }

    public record LoginLimits(int maxFailures, Duration lockFor) {
        public LoginLimits {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        }
    }

    public record ProfileSeed(String displayName, String credentials, List<String> dois, List<String> pmids,
            List<String> authors, List<String> organisations) {
        public ProfileSeed {
            dois = dois == null ? List.of() : dois;
            pmids = pmids == null ? List.of() : pmids;
            authors = authors == null ? List.of() : authors;
            organisations = organisations == null ? List.of() : organisations;
        }
    }
}
