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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;
import java.util.Map;

/**
 * HTTP Basic with the ledger's demo users (password {@code demo}, bcrypt), stateless. A JSON-only API
 * without cookies needs no CSRF token, as in the ledger.
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
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager cachingAuthentication) throws Exception {
        // named here: otherwise Basic builds its own provider from the users and runs bcrypt on every request
        http.authenticationManager(cachingAuthentication)
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
    UserDetailsService users(PasswordEncoder encoder) {
        String demoHash = encoder.encode("demo");
        List<UserDetails> users = DEMO_USERS.entrySet().stream()
                .map(user -> User.withUsername(user.getKey())
                        .password(demoHash)
                        .roles(user.getValue())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** bcrypt once per user and password, then the cache: the ledger does the same, so neither pays bcrypt per request. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new VerifiedCredentials(bcrypt));
    }
}
