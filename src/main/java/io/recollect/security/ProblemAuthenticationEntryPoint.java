package io.recollect.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as RFC 9457 problem details, with the Basic challenge; 429 with Retry-After while logins are throttled. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (authException instanceof LoginThrottledException throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            response.getWriter().write("""
                    {"type":"https://recollect.io/problems/login-throttled","title":"Too Many Requests","status":429,\
                    "detail":"%s","retryAfterSeconds":%d}""".formatted(throttled.getMessage(), throttled.retryAfterSeconds()));
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Recollect\"");
        response.getWriter().write("""
                {"type":"https://recollect.io/problems/unauthenticated","title":"Unauthorized","status":401,\
                "detail":"Authenticate with HTTP Basic"}""");
    }
}
