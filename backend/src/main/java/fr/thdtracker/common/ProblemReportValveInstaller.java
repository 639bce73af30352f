package fr.thdtracker.common;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in place of the host's {@link ErrorReportValve}. The host adds
 * its valve when it starts, before the application's context starts: the swap is made then.
 */
@Component
class ProblemReportValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter problems;

    ProblemReportValveInstaller(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                swap(context.getParent());
            }
        }));
    }

    private void swap(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        }
    }

    /**
     * Tomcat's own error page, for what it refuses before the application sees the request (an
     * encoded slash or NUL in the path, a malformed URI): the API's problem details instead of
     * Tomcat's HTML page with its version. 
     */
    static final class ProblemReportValve extends ErrorReportValve {

        private final ProblemWriter problems;

        ProblemReportValve(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            HttpStatus s = HttpStatus.resolve(status);
            // an answer the application already wrote (its /error page among them) is left alone
            if (status < 400 || s == null || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problems.json(ProblemWriter.problem(s, ProblemErrorController.generic(status))));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already sent: nothing left to tell the client
            }
        }
    }
}
