package dev.blockmine.node.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Errors that reach no controller (a {@code sendError} from Tomcat or a filter, such as the 405 for TRACE) are
 * forwarded here by the error page Spring Boot registers; they answer {@code {"message": ...}} like every other
 * refusal, in place of Boot's own error body, which has no message unless an exception carried one.
 */
@Hidden // not an endpoint of the API: where errors are forwarded
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly (GET /error), not forwarded: there is no error here, and no 500 to give a stranger
            return JsonResponses.message(HttpStatus.NOT_FOUND, ErrorMessages.of(HttpStatus.NOT_FOUND.value(), null));
        }
        int status = code instanceof Integer number && number >= 400 ? number : HttpStatus.INTERNAL_SERVER_ERROR.value();
        // an exception's own message may say more about the node than a stranger should learn: the reason alone then
        Object message = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                ? request.getAttribute(RequestDispatcher.ERROR_MESSAGE) : null;
        return JsonResponses.message(HttpStatusCode.valueOf(status), ErrorMessages.of(status,
                message instanceof String text ? text : null));
    }
}
