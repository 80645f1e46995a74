package dev.blockmine.node.api;

import org.springframework.http.HttpStatus;

import dev.blockmine.pow.CanonicalJson;

/** A request we refuse, with the status and the {@code message} the client is told. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    /**
     * A query parameter read as an integer from {@code min} to {@code max}, or the 400 that says so (quoting at most
     * 40 characters of what was sent).
     */
    public static long integerParameter(String name, String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw badRequest(name + " must be an integer from " + min + " to " + max + ", was "
                + CanonicalJson.quote(text.length() > 40 ? text.substring(0, 40) + "…" : text));
    }

    public HttpStatus status() {
        return status;
    }
}
