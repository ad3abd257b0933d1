package coaching.ledger.platform.security;

import coaching.ledger.platform.security.signin.SignInThrottle;
import coaching.ledger.platform.security.signin.ThrottledSignInAnswer;
import coaching.ledger.platform.security.signin.ThrottlingAuthenticationProvider;
import coaching.ledger.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every API request is authenticated with HTTP Basic, without sessions, or by the session of a browser signed in
 * on the pages (the query side's PageSecurity, which comes first for the pages' own paths). Role checks sit on the endpoints
 * ({@code @PreAuthorize}); relationship checks (your engagement) sit in the aggregate and the views.
 * Who may sign in: the demo users of docs/http-api.md under profile {@code demo} only, plus the configured
 * {@code ledger.security.users}; a process with neither refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    /** The demo users of docs/http-api.md with password {@code demo}, and the API description without credentials. */
    private static final Profiles DEMO = Profiles.of("demo");

    private static final Profiles PROD = Profiles.of("prod");
    private static final List<String> HASHED = List.of("{bcrypt}", "{argon2", "{pbkdf2", "{scrypt}");
    private static final List<String> ALWAYS_PUBLIC =
            List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/error");
    /** The OpenAPI description and Swagger UI: public for trying the demo, otherwise for signed-in users only. */
    private static final List<String> API_DESCRIPTION =
            List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

    @Bean
    public SecurityFilterChain ledgerSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            AuthenticationManager cachingAuthentication,
            CsrfTokenRepository csrfTokens,
            Environment environment)
            throws Exception {
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        if (environment.acceptsProfiles(DEMO)) {
            publicPaths.addAll(API_DESCRIPTION);
        }
        http.authenticationManager(cachingAuthentication)
                // A browser signed in on the pages (query side, PageSecurity) calls the API with its session
                // cookie: such a request's writes need the CSRF token the pages send in X-XSRF-TOKEN. A request
                // without a session cookie is never authenticated by one, so it needs none (and an anonymous
                // write still answers 401, not 403). Writes with cached Basic credentials stay covered by
                // JsonOnlyWrites: a cross-origin page cannot send application/json without an approved preflight.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::authenticatedBySessionCookie))
                // reads the session the sign-in page made, never makes one: API clients stay stateless
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.authenticationEntryPoint(new ThrottledSignInAnswer(
                        problems,
                        (request, response, e) -> problems.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "send valid HTTP Basic credentials",
                                challengesBrowser(request)))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Authentication required",
                                        "send valid HTTP Basic credentials",
                                        challengesBrowser(request)))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                e instanceof CsrfException
                                        ? "a write with a session cookie needs the XSRF-TOKEN cookie's"
                                                + " value in the X-XSRF-TOKEN header"
                                        : "your role may not do this",
                                false)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(publicPaths.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * The pages read the token from the {@code XSRF-TOKEN} cookie (readable by their scripts, SameSite=Lax like
     * the session cookie) and send it back in {@code X-XSRF-TOKEN} or the sign-in form's {@code _csrf} field.
     */
    @Bean
    public CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static boolean authenticatedBySessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null;
    }

    /**
     * {@code WWW-Authenticate: Basic} makes a browser pop up its password prompt: the pages' scripts (which send
     * {@code X-Requested-With}) get a plain 401 and go to the sign-in page instead.
     */
    private static boolean challengesBrowser(HttpServletRequest request) {
        return request.getHeader("X-Requested-With") == null;
    }

    /** A path or header Spring Security's firewall refuses ("..", encoded slashes) is a 400 problem too. */
    @Bean
    public RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "the request's path or headers are not allowed",
                false);
    }

    /**
     * With Actuator's observation registry present Spring Security would wrap every filter of the chain in an
     * observation (two events per filter per request, spring-security #18646) that nothing here records.
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService ledgerUsers(
            LedgerSecurityProperties properties, PasswordEncoder encoder, Environment environment) {
        boolean demo = environment.acceptsProfiles(DEMO);
        refuseToStartWithoutRealUsers(properties, demo);
        if (environment.acceptsProfiles(PROD)) {
            refuseWeakUsersInProduction(properties, encoder, demo);
        }
        List<UserDetails> users = new ArrayList<>();
        if (demo) {
            // one bcrypt hash for all demo users: encoding costs ~0.1 s each at start-up
            String demoHash = encoder.encode(DemoUsers.PASSWORD);
            DemoUsers.ROLES.forEach((id, role) -> users.add(
                    User.withUsername(id).password(demoHash).roles(role.name()).build()));
        }
        properties
                .users()
                .forEach(user -> users.add(User.withUsername(user.id())
                        .password(user.password())
                        .roles(user.role().name())
                        .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Checks every password with bcrypt once, then trusts a short-lived cache. No password upgrade
     * service is wired, so configured hashes are never rewritten behind the operator's back. Before
     * either, the sign-in throttle refuses user names and addresses that failed too often; failures are
     * published for the audit (SignInConfiguration).
     */
    @Bean
    public AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder encoder,
            LedgerSecurityProperties properties,
            SignInThrottle throttle,
            AuthenticationEventPublisher failures,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(
                new CachingAuthenticationProvider(bcrypt, properties.credentialCacheTtl()), throttle, events));
        manager.setAuthenticationEventPublisher(failures);
        return manager;
    }

    /** Nobody could sign in: a service started by mistake without its users file says so at once. */
    private static void refuseToStartWithoutRealUsers(LedgerSecurityProperties properties, boolean demo) {
        if (!demo && properties.users().isEmpty()) {
            throw new IllegalStateException("no users to sign in: configure ledger.security.users[n].id/.password/.role"
                    + " (hashed passwords, e.g. {bcrypt}$2a$10$...), or activate profile 'demo' for the demo users"
                    + " of docs/http-api.md (password 'demo'; never in production)");
        }
    }

    private static void refuseWeakUsersInProduction(
            LedgerSecurityProperties properties, PasswordEncoder encoder, boolean demo) {
        if (demo) {
            throw new IllegalStateException("profiles 'prod' and 'demo' are both active: 'demo' lets everyone sign in"
                    + " with password 'demo'; remove 'demo' from spring.profiles.active");
        }
        for (LedgerSecurityProperties.User user : properties.users()) {
            if (user.password() == null || HASHED.stream().noneMatch(user.password()::startsWith)) {
                throw new IllegalStateException(
                        "profile 'prod' needs hashed passwords; user " + user.id() + " has none of " + HASHED);
            }
            if (DemoUsers.ROLES.containsKey(user.id()) || encoder.matches(DemoUsers.PASSWORD, user.password())) {
                throw new IllegalStateException(
                        "profile 'prod' refuses to start with demo user or password: " + user.id());
            }
        }
    }
}
