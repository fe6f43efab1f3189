package io.recollect.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** A session request to the API without its CSRF token gets a 403 problem saying what to send; any other refusal as a 403 problem. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            // a role the API's rules do not let through: a problem too, not Boot's error page or its JSON
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"https://recollect.io/problems/forbidden\",\"title\":\"Forbidden\","
                    + "\"status\":403,\"detail\":\"Your role may not do this\"}");
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"https://recollect.io/problems/csrf-token-missing","title":"Forbidden","status":403,\
                "detail":"A request on the login session must carry the session's CSRF token in the %s header \
                (Swagger UI does this); or authenticate with HTTP Basic"}""".formatted(ApiSessionAccess.CSRF_HEADER));
    }
}
