package app.plainpaper.desk.people;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeskPeopleProperties.class)
class DeskSecurityConfiguration {

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
    UserDetailsService deskUserDetails(DeskPeople people) {
        return username -> people.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    SecurityFilterChain deskSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(NEEDS_CSRF))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> request.getRequestURI().startsWith("/api/")));
        return http.build();
    }
}
