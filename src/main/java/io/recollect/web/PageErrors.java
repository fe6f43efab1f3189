package io.recollect.web;

import io.recollect.security.CurrentUser;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page that fails is a page: not found, forbidden or a bad parameter on {@code /customers},
 * {@code /dashboard}, {@code /rule-tables} or {@code /} renders the layout's error page in plain
 * words with the status. Placed before the {@code @ExceptionHandler} advice, which keeps every
 * error under {@code /api/**} (and the engine's, Swagger's, actuator's paths) as RFC 9457 problem
 * details. Whatever else fails goes on to those handlers and Boot's error page, unchanged.
 */
@Component
class PageErrors implements HandlerExceptionResolver, WebMvcConfigurer {

    private static final List<String> NOT_PAGES = List.of("/api/", "/engine-rest", "/camunda", "/v3/", "/swagger-ui",
            "/actuator", "/error", "/webjars/", "/css/", "/js/");

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this);
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return null;
        }
        Answer answer = answer(ex);
        if (answer == null) {
            return null;
        }
        response.setStatus(answer.status());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(answer.status()));
        page.addObject("status", answer.status()).addObject("message", answer.message())
                .addObject("viewer", CurrentUser.get().map(Viewer::of).orElse(null));
        return page;
    }

    private record Answer(int status, String message) {
    }

    private static Answer answer(Exception ex) {
        if (ex instanceof NoResourceFoundException) {
            return new Answer(404, "There is no page at this address.");
        }
        if (ex instanceof NotFoundException missing) {
            return new Answer(404, missing.getMessage());
        }
        if (ex instanceof NotPermittedException refused) {
            return new Answer(403, refused.getMessage());
        }
        if (ex instanceof AccessDeniedException) {
            return new Answer(403, "This page is not open to you.");
        }
        if (ex instanceof InvalidFieldException mistake) {
            return new Answer(400, mistake.field() + ": " + mistake.getMessage());
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return new Answer(400, "The address is not right: \"" + mismatch.getValue() + "\" is not a valid "
                    + mismatch.getName() + ".");
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return new Answer(400, "The address is not right: \"" + mismatch.getValue() + "\" is not valid here.");
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return new Answer(400, "The address is not right: it needs " + missing.getParameterName() + ".");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return new Answer(405, "This page cannot be used that way; follow a link or a button to it.");
        }
        if (ex instanceof ConflictException conflict) {
            return new Answer(409, conflict.getMessage());
        }
        if (ex instanceof BusinessRuleException rule) {
            return new Answer(422, rule.getMessage());
        }
        return null;
    }
}
