package app.plainpaper.desk.people;

import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.desk.kafka.DeskRecords;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeskPeopleProperties.class)
class DeskSecurityConfiguration {

    static final String[] DESK_ROLES = {"EDITOR", "CLINICAL_REVIEWER", "ADMIN"};

    /** API calls with HTTP Basic are stateless and carry no CSRF token; browser sessions do. */
    private static final RequestMatcher BASIC_AUTH = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /**
     * CSRF protects what a browser session can do: unsafe methods carrying a session, and the login form itself.
     * A request with neither has no session to abuse; it is simply unauthenticated (401).
     */
    private static final RequestMatcher NEEDS_CSRF = request -> {
        if (Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod()) || BASIC_AUTH.matches(request)) {
            return false;
        }
        return request.getSession(false) != null || "/login".equals(request.getServletPath());
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DeskPeople deskPeople(DeskPeopleProperties properties, PasswordEncoder encoder, Environment environment) {
        return new DeskPeople(properties, encoder, environment.acceptsProfiles(Profiles.of("prod")));
    }

    @Bean
    DeskIdentities deskIdentities(DeskPeople people, ReviewerProfiles profiles) {
        return new DeskIdentities(people, profiles);
    }

    @Bean
    ReviewerDirectory reviewerDirectory(ReviewerProfiles profiles, DeskRecords records, DeskPeople people, DeskSettings settings,
            Clock clock) {
        return new ReviewerDirectory(profiles, records, people, settings, clock);
    }

    /** Up to ten attempts, 1 s apart at first, doubling to at most a minute: about four minutes in all. */
    @Bean
    ProfileSeeding profileSeeding(ReviewerDirectory directory, ConsumerFactory<?, ?> consumers) {
        return new ProfileSeeding(directory, consumers.getConfigurationProperties(), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 10);
    }

    @Bean
    LoginAudit loginAudit(DeskRecords records, LoginAttempts attempts, Clock clock) {
        return new LoginAudit(records, attempts, clock);
    }

    /** A locked account is refused before its password is checked, so a lockout reveals nothing about the password. */
    @Bean
    UserDetailsService deskUserDetails(DeskPeople people, LoginAttempts attempts, Clock clock) {
        return username -> people.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                        .accountLocked(attempts.lockedUntil(user.username(), clock.instant()).isPresent())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    SecurityFilterChain deskSecurity(HttpSecurity http, DeskSettings settings,
            ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/login", "/error",
                                "/css/**", "/js/**", "/favicon.ico", "/api/csrf").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                        .requestMatchers("/api/queues/editor").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/api/queues/clinical").hasAnyRole("CLINICAL_REVIEWER", "ADMIN")
                        .requestMatchers("/api/people/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(DESK_ROLES)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(NEEDS_CSRF))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> request.getRequestURI().startsWith("/api/")
                                || request.getRequestURI().startsWith("/v3/")));
        if (settings.oidc()) {
            if (registrations.getIfAvailable() == null) {
                throw new IllegalStateException("plainpaper.desk.login=oidc needs an OIDC client registration: set "
                        + "spring.security.oauth2.client.registration.keycloak.* and provider.keycloak.issuer-uri.");
            }
            http.oauth2Login(oauth -> oauth.defaultSuccessUrl("/desk/", false)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcRoles())));
        } else {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/desk/", false).permitAll());
        }
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
