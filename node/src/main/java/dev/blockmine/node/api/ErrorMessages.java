package dev.blockmine.node.api;

import org.springframework.http.HttpStatus;

/** The {@code message} of an error that reached no handler of ours: the status's reason, and what went wrong. */
final class ErrorMessages {

    private static final int MAX_DETAIL = 200;

    private ErrorMessages() {
    }

    /** E.g. "Bad Request: Invalid character found in method name [...]"; the detail is cut to a line of text. */
    static String of(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        if (detail == null || detail.isBlank()) {
            return reason;
        }
        String oneLine = detail.replaceAll("\\s+", " ").strip();
        return reason + ": " + (oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "..." : oneLine);
    }
}
