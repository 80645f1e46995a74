package dev.blockmine.node.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import dev.blockmine.pow.CanonicalJson;

/**
 * Tomcat's own refusals, made before any servlet runs (a request line or header it cannot parse, a protocol version
 * it does not speak, a URI it will not map, an unknown transfer coding), answered as the API answers everything:
 * {@code {"message": "..."}}, never Tomcat's HTML page. Installed on the host in place of the stock valve by
 * {@link TomcatErrors}.
 */
public final class TomcatErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the stock valve: only errors, only once, only while nothing was written and the socket still takes bytes
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail = response.getMessage();
        if ((detail == null || detail.isBlank()) && throwable != null) {
            detail = throwable.getMessage();
        }
        String body = CanonicalJson.encode(JsonResponses.messageBody(ErrorMessages.of(status, detail)));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already committed: nothing more to say
        }
    }
}
