package dev.blockmine.node.api;

import java.util.Locale;

import dev.blockmine.pow.BlockShape;
import tools.jackson.databind.JsonNode;

/** Checks of request fields shared by the endpoints, each failing with a message that names the field. */
final class Fields {

    private Fields() {
    }

    /**
     * A non-empty string within the chain's id limit ({@link BlockShape#MAX_ID_BYTES} bytes as the block string
     * writes it), returned exactly as sent (course clients send ids ending in "\n").
     */
    static String requireId(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("Missing value: " + field + " is required");
        }
        if (!value.isString()) {
            throw ApiException.badRequest(field + " must be a string, was " + typeOf(value));
        }
        String text = value.stringValue();
        String problem = BlockShape.idProblem(text);
        if (problem != null) {
            throw ApiException.badRequest(field + " " + problem);
        }
        return text;
    }

    static String typeOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a float";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
