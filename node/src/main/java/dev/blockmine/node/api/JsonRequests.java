package dev.blockmine.node.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request body as one JSON object, refusing anything else with a clear message: bodies over the
 * limit are not read at all, and numbers are parsed as Python's {@code json.loads} parses them.
 */
@Component
final class JsonRequests {

    private final int maxBodyBytes;

    JsonRequests(NodeProperties properties) {
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    JsonNode readObject(HttpServletRequest request) {
        return readObject(request, maxBodyBytes);
    }

    /** The same with another size limit (blocks from peers are larger than a proof). */
    JsonNode readObject(HttpServletRequest request, int maxBodyBytes) {
        checkContentType(request.getContentType());
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the request body: " + e.getMessage());
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        if (body.length == 0) {
            throw ApiException.badRequest("Request body is empty: send a JSON object");
        }
        JsonNode json;
        try {
            json = CanonicalJson.parse(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Request body is not valid JSON: " + abbreviate(e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        return json;
    }

    /**
     * Only {@code application/json} (any charset): a web page on another origin can POST text/plain, a form or no
     * Content-Type at all with a no-cors fetch, but not JSON without the browser asking us first (CORS preflight),
     * which this node never allows. So a stranger's page cannot register peers or mine through a visitor's browser.
     */
    private static void checkContentType(String contentType) {
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json")) {
                    return;
                }
            } catch (InvalidMediaTypeException e) {
                // the same answer as any other type
            }
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, was "
                + (contentType == null ? "none" : abbreviate(contentType)));
    }

    private static ApiException tooLarge(int maxBodyBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                "Request body is larger than " + maxBodyBytes + " bytes");
    }

    private static String abbreviate(String text) {
        String oneLine = String.valueOf(text).replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }
}
