package dev.blockmine.node.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.blockmine.node.chain.ChainBusy;
import dev.blockmine.pow.CanonicalJson;

/** Every failure answers a JSON object with a {@code message}, as the course clients expect; never an HTML page. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        return JsonResponses.message(e.status(), e.getMessage());
    }

    /** node.store=postgres without its database: nothing was stored, so nothing is claimed; the pool reconnects. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> databaseUnavailable(DataAccessException e) {
        log.warn("The chain's database failed: {}", e.getMessage());
        return JsonResponses.message(HttpStatus.SERVICE_UNAVAILABLE,
                "The chain's database is unavailable; nothing was stored. Try again shortly.");
    }

    /** A change waited its bounded time for a stalled store: nothing changed, and the client is told to retry. */
    @ExceptionHandler(ChainBusy.class)
    ResponseEntity<String> chainBusy(ChainBusy e) {
        log.warn("Refused with 503: {}", e.getMessage());
        return JsonResponses.message(HttpStatus.SERVICE_UNAVAILABLE,
                "The node's store is slow to answer; nothing was changed. Try again shortly.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("Unexpected error while serving a request", e);
        return JsonResponses.message(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error: " + e.getClass().getSimpleName());
    }

    /** A POST whose Content-Type is not JSON ({@link JsonPost} says why): refused before its body is read. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String message = "Content-Type must be application/json, was "
                + (sent == null ? "none" : JsonBodyConverter.abbreviate(sent));
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, message), headers, status, request);
    }

    /** Spring's own refusals (unknown path, wrong method, ...) keep their status but speak our format. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String message = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : ex.getMessage();
        HttpHeaders json = new HttpHeaders();
        json.addAll(headers);
        json.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(CanonicalJson.encode(JsonResponses.messageBody(message)), json, statusCode);
    }
}
