package io.recollect.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How a person logged in to the app uses the JSON API from the browser (Swagger UI's "Try it
 * out"): the API chain reads the login session for {@code /api/**} only (never for Camunda's
 * {@code /engine-rest}), never creates or changes a session, and requires the session's CSRF
 * token in {@link #CSRF_HEADER} on every unsafe request that does not bring its own credentials.
 * A cross-site page can make the browser send the session cookie but can neither read the token
 * nor add an Authorization header without a CORS preflight, which the API does not allow; Basic
 * clients carry no cookie to forge, and stay as they were.
 */
final class ApiSessionAccess {

    /** The header Swagger UI sends the token in, and the cookie it reads it from (springdoc's csrf settings). */
    static final String CSRF_HEADER = "X-RECOLLECT-XSRF-TOKEN";
    static final String CSRF_COOKIE = "RECOLLECT-XSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private ApiSessionAccess() {
    }

    /** The session's login for the app's API; Camunda's REST API stays Basic only. Nothing is saved in the session. */
    static SecurityContextRepository contextRepository() {
        RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
        HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
        session.setAllowSessionCreation(false);
        DelegatingSecurityContextRepository withSession = new DelegatingSecurityContextRepository(perRequest, session);
        return new SecurityContextRepository() {
            @Override
            @SuppressWarnings("deprecation")
            public SecurityContext loadContext(HttpRequestResponseHolder holder) {
                return loadDeferredContext(holder.getRequest()).get();
            }

            @Override
            public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
                return isAppApi(request) ? withSession.loadDeferredContext(request)
                        : perRequest.loadDeferredContext(request);
            }

            @Override
            public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
                perRequest.saveContext(context, request, response);
            }

            @Override
            public boolean containsContext(HttpServletRequest request) {
                return isAppApi(request) ? withSession.containsContext(request) : perRequest.containsContext(request);
            }
        };
    }

    /** CSRF is asked of unsafe requests that rely on the session, that is, that bring no Authorization header. */
    static RequestMatcher needsCsrf() {
        return request -> !SAFE.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /**
     * Reads the token from {@link #CSRF_HEADER} whatever header the session's token was made
     * with (the browser chain makes it for forms), and compares it unmasked, as the cookie holds it.
     */
    static CsrfTokenRequestHandler tokenFromHeader() {
        return new CsrfTokenRequestAttributeHandler() {
            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return request.getHeader(CSRF_HEADER);
            }
        };
    }

    private static boolean isAppApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /**
     * On the browser side: hands Swagger UI the session's CSRF token in a cookie that only pages
     * of this origin can read. The token itself stays in the session, where the API chain checks it.
     */
    static final class TokenCookie extends OncePerRequestFilter {

        private static final HttpSessionCsrfTokenRepository SESSION_TOKENS = new HttpSessionCsrfTokenRepository();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken masked) {
                masked.getToken(); // makes sure the session has its token
                CsrfToken token = SESSION_TOKENS.loadToken(request);
                if (token == null) {
                    chain.doFilter(request, response);
                    return;
                }
                // the raw token: the request attribute holds a masked copy for forms
                Cookie cookie = new Cookie(CSRF_COOKIE, token.getToken());
                cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                cookie.setSecure(request.isSecure());
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
            }
            chain.doFilter(request, response);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !(path.startsWith("/swagger-ui"));
        }
    }
}
