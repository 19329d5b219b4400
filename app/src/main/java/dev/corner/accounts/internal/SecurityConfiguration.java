package dev.corner.accounts.internal;

import dev.corner.accounts.Accounts;
import dev.corner.accounts.internal.WebSignIn.SignedInUser;
import dev.corner.common.web.ProblemWriter;
import dev.corner.common.web.StatelessApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two ways in: {@code /api/**} takes a bearer token and keeps no session; the web apps sign in with
 * a form and a session cookie. The device protocol has its own chain in the devices module.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, Accounts accounts, ProblemWriter problems) throws Exception {
        return StatelessApi.configure(http.securityMatcher("/api/**"))
                .addFilterBefore(new BearerTokenFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "UNAUTHENTICATED",
                                "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response, HttpStatus.FORBIDDEN, "FORBIDDEN", "this account may not do that")))
                .build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain webChain(HttpSecurity http, AccountRecords records) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/home/**",
                                "/login",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/api-docs.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LandingPage())
                        .permitAll())
                // A script asking for a token after its session ended gets 401, not the sign-in page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/web/**")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/")
                        .addLogoutHandler((request, response, authentication) -> revokeWebTokens(request, records)))
                .build();
    }

    /**
     * Where a sign-in lands: the page that sent the browser to sign in, else the app made for the
     * account's role, so a household is not left on the platform's front page.
     */
    private static final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
                return "/";
            }
            return switch (user.caller().role()) {
                case HOUSEHOLD -> "/shop";
                case MERCHANT -> "/merchant";
                default -> "/";
            };
        }
    }

    /** Signing out of the web also ends the bearer tokens its pages were given ({@code POST /web/token}). */
    private static void revokeWebTokens(HttpServletRequest request, AccountRecords records) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(WebTokenController.ISSUED) instanceof List<?> hashes) {
            records.deleteTokenHashes(hashes.stream().map(String.class::cast).toList());
            session.removeAttribute(WebTokenController.ISSUED);
        }
    }
}
