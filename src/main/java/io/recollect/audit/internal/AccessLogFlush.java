package io.recollect.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes the access lines a request collected inside its transactions: before an API answer's
 * body is written (so a line that cannot be written fails the request instead of the data
 * leaving unrecorded), and after any request, for answers without a body and Camunda's REST API.
 */
final class AccessLogFlush {

    private AccessLogFlush() {
    }

    @ControllerAdvice
    static class BeforeTheBody implements ResponseBodyAdvice<Object> {

        private final AccessRecorder recorder;

        BeforeTheBody(AccessRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                ServerHttpResponse response) {
            if (request instanceof ServletServerHttpRequest servlet) {
                recorder.flush(servlet.getServletRequest());
            }
            return body;
        }
    }

    @Component
    static class AfterTheRequest extends OncePerRequestFilter {

        private final AccessRecorder recorder;

        AfterTheRequest(AccessRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                recorder.flush(request);
            }
        }
    }
}
