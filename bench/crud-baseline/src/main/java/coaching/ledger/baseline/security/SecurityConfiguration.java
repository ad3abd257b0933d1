package coaching.ledger.baseline.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;
import java.util.Map;

/**
 * HTTP Basic with the ledger's demo users (password {@code demo}), stateless. A JSON-only API without cookies
 * needs no CSRF token, as in the ledger. The passwords are kept as they are ({@code {noop}}): the ledger runs
 * bcrypt once per user and then checks a salted SHA-256 of the credentials it cached, so comparing plain strings
 * here costs the baseline less per request than the ledger pays, never more, and no bcrypt falls inside a cell.
 */
@Configuration
class SecurityConfiguration {

    private static final Map<String, String> DEMO_USERS = Map.of(
            "hr-hana", "HR",
            "boss-ben", "BOSS",
            "client-cara", "CLIENT",
            "client-carl", "CLIENT",
            "coach-cole", "COACH",
            "coach-chen", "COACH");

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager plainPasswords) throws Exception {
        http.authenticationManager(plainPasswords)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> {})
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/engagements/*/updates")
                        .hasAnyRole("COACH", "CLIENT")
                        .requestMatchers(HttpMethod.POST, "/bench/seed")
                        .hasRole("HR")
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        List<UserDetails> users = DEMO_USERS.entrySet().stream()
                .map(user -> User.withUsername(user.getKey())
                        .password("{noop}demo")
                        .roles(user.getValue())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Without a password service of its own: the one Spring Security wires from the in-memory users would "upgrade"
     * each {@code {noop}} password to bcrypt at the first sign-in, and every request after it would pay bcrypt.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(provider);
    }
}
