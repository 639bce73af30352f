package fr.thdtracker.common;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what it refuses before the application sees the request (an
 * encoded slash or NUL in the path, a malformed URI): the API's problem details instead of
 * Tomcat's HTML page with its version. Installed by {@link ProblemReportValveInstaller}.
 */
class ProblemReportValve extends ErrorReportValve {

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
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + s.getReasonPhrase() + "\",\"status\":" + status
                        + ",\"detail\":\"" + ProblemErrorController.generic(status).replace("\"", "'") + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already sent: nothing left to tell the client
        }
    }
}
