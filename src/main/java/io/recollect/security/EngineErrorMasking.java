package io.recollect.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the engine's internals out of the REST errors non-admins see: a failure inside the engine
 * (a 5xx), or any error quoting an expression, becomes a generic message with a reference, and
 * the full message goes to the log for operators. Errors about the request itself (4xx) and
 * Recollect's own business-rule messages keep their text. Admins see everything.
 */
class EngineErrorMasking extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineErrorMasking.class);
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    /** Recollect's exceptions carry messages written for the person who made the request. */
    private static final Set<String> USER_FACING_TYPES = Set.of("BusinessRuleException", "ConflictException",
            "CurrencyMismatchException", "NotFoundException");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
        chain.doFilter(request, capturing);
        capturing.finish(request);
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
    }

    static boolean revealsInternals(int status, String body) {
        if (body.contains("${") || body.contains("#{")) {
            return true;
        }
        Matcher type = TYPE.matcher(body);
        return status >= 500 && !(type.find() && USER_FACING_TYPES.contains(type.group(1)));
    }

    /** Holds back the body of an error response until it is known whether it may be shown. */
    private static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean holding;

        ErrorCapturingResponse(HttpServletResponse response) {
            super(response);
        }

        private boolean isError() {
            return getStatus() >= 400;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!isError() && !holding) {
                return super.getOutputStream();
            }
            holding = true;
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        held.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("engine errors are written blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!isError() && !holding) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            if (!isError()) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!isError()) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding) {
                super.flushBuffer();
            }
        }

        void finish(HttpServletRequest request) throws IOException {
            if (!holding) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            String body = held.toString(StandardCharsets.UTF_8);
            HttpServletResponse response = (HttpServletResponse) getResponse();
            byte[] out = held.toByteArray();
            if (revealsInternals(getStatus(), body)) {
                String reference = UUID.randomUUID().toString();
                log.warn("Engine error {} for user {} on {} {}: {} {}", reference, request.getRemoteUser(),
                        request.getMethod(), request.getRequestURI(), getStatus(), body);
                out = ("{\"type\":\"EngineError\",\"message\":\"The process engine could not do this. "
                        + "An operator can look it up under reference " + reference + ".\",\"code\":0,"
                        + "\"reference\":\"" + reference + "\"}").getBytes(StandardCharsets.UTF_8);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            }
            response.setContentLength(out.length);
            response.getOutputStream().write(out);
        }
    }
}
