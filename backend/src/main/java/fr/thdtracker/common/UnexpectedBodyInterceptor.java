package fr.thdtracker.common;

import java.util.Arrays;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * No route reads a body unless it declares one ({@code @RequestBody}, {@code @RequestPart}): a
 * body sent anyway, of any type or size, is refused with 415 before the handler runs, so that a
 * POST that starts work (a recompute, a report) cannot be fed hostile or huge content.
 */
@Configuration
class UnexpectedBodyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an error dispatch (a 403 of the security chain…) carries the refused request's body: the
        // error page must keep that status, not answer 415 for a body it was never sent
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        if (handler instanceof HandlerMethod method && hasBody(request) && !readsBody(method)) {
            throw new UnexpectedBodyException("Cette adresse n'attend pas de corps de requête : envoyez les paramètres "
                    + "dans l'adresse");
        }
        return true;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean readsBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class));
    }

    /** A body sent to an address that reads none: refused before anything runs (415). */
    static final class UnexpectedBodyException extends ErrorResponseException {

        private final String french;

        UnexpectedBodyException(String french) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            this.french = french;
        }

        @Override
        public String getMessage() {
            return french;
        }
    }
}
