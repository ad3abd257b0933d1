package coaching.ledger.query.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import java.nio.charset.StandardCharsets;

/**
 * Browser sign-in for the pages: a form on {@code /} with the same users, throttle and roles as the API's HTTP
 * Basic, a session cookie, CSRF tokens on every write, and a Content-Security-Policy that lets a page run only
 * its own scripts and styles. Comes before the API's chain (platform's SecurityConfiguration), which accepts the
 * session these pages make.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurity {

    /** No inline script or style, no other origin, no framing, forms post only here. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none';" + " frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(1)
    public SecurityFilterChain pagesSignIn(
            HttpSecurity http, AuthenticationManager cachingAuthentication, CsrfTokenRepository csrfTokens)
            throws Exception {
        // Loads the token on every page answer, so the XSRF-TOKEN cookie is there before a script needs it.
        CsrfTokenRequestAttributeHandler eagerTokens = new CsrfTokenRequestAttributeHandler();
        eagerTokens.setCsrfRequestAttributeName(null);
        http.securityMatcher(PageController.PATHS)
                .authenticationManager(cachingAuthentication)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(eagerTokens))
                .formLogin(form -> form.loginPage("/")
                        .loginProcessingUrl("/login")
                        .successHandler((request, response, principal) -> response.sendRedirect(
                                Page.of(principal).map(Page::path).orElse("/?no-page")))
                        .failureUrl("/?failed"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/"))
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(403);
                            response.setContentType(MediaType.TEXT_HTML_VALUE);
                            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                            response.getWriter().write(PageController.FORBIDDEN);
                        }))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/", "/login", "/assets/**").permitAll();
                    for (Page page : Page.values()) {
                        requests.requestMatchers(page.path())
                                .hasRole(page.role().name());
                    }
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }
}
