package dev.blockmine.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the request body of one type from one JSON object ({@link RequestBodies} makes one per type): a body over
 * the limit is not read, numbers are parsed as Python's {@code json.loads} parses them ({@link CanonicalJson}: any
 * integer exactly, a fraction or exponent as a double), and the type's own reader then checks each field with the
 * message the course's clients are told. It never writes (answers are written by {@link JsonResponses}).
 */
final class JsonBodyConverter<T> extends AbstractHttpMessageConverter<T> {

    private final Class<T> type;
    private final int maxBodyBytes;
    private final Function<JsonNode, T> fields;

    /**
     * @param fields builds the body from the JSON object, throwing an {@link ApiException} that names the first field
     *               that is missing or wrong
     */
    JsonBodyConverter(Class<T> type, int maxBodyBytes, Function<JsonNode, T> fields) {
        super(MediaType.APPLICATION_JSON);
        this.type = type;
        this.maxBodyBytes = maxBodyBytes;
        this.fields = fields;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz == type;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected T readInternal(Class<? extends T> clazz, HttpInputMessage input) throws IOException {
        if (input.getHeaders().getContentLength() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the request body: " + e.getMessage());
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
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
        return fields.apply(json);
    }

    @Override
    protected void writeInternal(T body, HttpOutputMessage output) {
        throw new UnsupportedOperationException("reads request bodies only");
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than " + maxBodyBytes + " bytes");
    }

    /** What a client sent, cut to one short line for a message. */
    static String abbreviate(String text) {
        String oneLine = String.valueOf(text).replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }
}
