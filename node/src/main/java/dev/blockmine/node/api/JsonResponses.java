package dev.blockmine.node.api;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every body the node sends is written by the canonical encoder: keys sorted at every level, as Flask's
 * {@code jsonify} does, so a Python client's {@code json.dumps} of what it parsed matches ours.
 */
final class JsonResponses {

    private JsonResponses() {
    }

    static ResponseEntity<String> json(HttpStatusCode status, JsonNode body) {
        return raw(status, CanonicalJson.encode(body));
    }

    /** A body already in canonical form (such as stored block strings spliced into an envelope). */
    static ResponseEntity<String> raw(HttpStatusCode status, String canonicalJson) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(canonicalJson);
    }

    static ResponseEntity<String> message(HttpStatusCode status, String message) {
        return json(status, messageBody(message));
    }

    static ObjectNode messageBody(String message) {
        return JsonNodeFactory.instance.objectNode().put("message", message);
    }
}
