package io.recollect.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a Camunda webapp request with a missing or wrong CSRF header before Camunda's own
 * CsrfPreventionFilter sees it. That filter invalidates the HTTP session on such a request, and
 * the session is also the app's login: any page that could make a browser post to /camunda/api
 * would log the user out. Same check, same 403 and {@code X-XSRF-TOKEN: Required} header as
 * Camunda's, but the session stays.
 */
class CamundaCsrfGuard extends OncePerRequestFilter {

    /** Camunda's names (org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants). */
    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    private static final String TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> NON_MODIFYING = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (NON_MODIFYING.contains(request.getMethod()) || tokenMatches(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean absent = isBlank(request.getHeader(TOKEN_HEADER));
        if (absent) {
            response.setHeader(TOKEN_HEADER, "Required");
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"https://recollect.io/problems/csrf","title":"Forbidden","status":403,\
                "detail":"%s"}""".formatted(absent ? "The request carries no CSRF token header"
                : "The request's CSRF token header does not match this session"));
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(TOKEN_HEADER);
        Object expected = session == null ? null : session.getAttribute(TOKEN_SESSION_ATTRIBUTE);
        return !isBlank(header) && expected != null && expected.equals(header);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
