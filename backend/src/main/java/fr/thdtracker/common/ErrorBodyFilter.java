package fr.thdtracker.common;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Gives a problem-details body to an error status set without one: the security chain answers
 * 401 with {@code setStatus} only (no error page dispatch), so without this filter a visitor
 * would get an empty 401 while every other error has the API's format. Runs first, outside the
 * security chain, and also on error dispatches (an error page the chain itself refused).
 */
@Component
class ErrorBodyFilter extends OncePerRequestFilter {

    /** Before every other filter, on requests and on error pages (Spring Boot registers a filter bean for requests only). */
    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ErrorBodyFilter> errorBodyFilterRegistration(ErrorBodyFilter filter) {
            FilterRegistrationBean<ErrorBodyFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private final ProblemWriter problems;

    ErrorBodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * On an error page too: the security chain may refuse the error page itself (it permits /error
     * to GET only), and its {@code sendError} there would leave an empty answer, as no second error
     * page follows; there it becomes a status this filter fills in.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        filter(request, response, chain, request.getDispatcherType() == DispatcherType.ERROR);
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean errorPage)
            throws ServletException, IOException {
        Watched watched = new Watched(response, errorPage);
        chain.doFilter(request, watched);
        int status = response.getStatus();
        if (status >= 400 && !watched.sentError && !watched.wroteBody && !response.isCommitted()) {
            HttpStatus s = HttpStatus.resolve(status);
            if (s == null) {
                return;
            }
            response.resetBuffer();
            problems.write(response, s, ProblemErrorController.generic(status));
        }
    }

    /** Notes whether the chain wrote a body or sent an error (the error page then writes it). */
    private static final class Watched extends HttpServletResponseWrapper {
        final boolean errorPage;
        boolean sentError;
        boolean wroteBody;

        Watched(HttpServletResponse response, boolean errorPage) {
            super(response);
            this.errorPage = errorPage;
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sendError(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (errorPage) {
                setStatus(sc);
                return;
            }
            sentError = true;
            super.sendError(sc);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            wroteBody = true;
            return super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            wroteBody = true;
            return super.getWriter();
        }
    }
}
