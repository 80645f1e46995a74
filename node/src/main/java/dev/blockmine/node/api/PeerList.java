package dev.blockmine.node.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /nodes/register}, as the course's blockchain takes it. */
record PeerList(
        @ArraySchema(minItems = 1, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(description = "a node's base URL", example = "http://localhost:5001"))
        List<String> nodes) {

    static PeerList from(JsonNode body) {
        JsonNode nodes = body.get("nodes");
        if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
            throw ApiException.badRequest("Please supply a valid list of nodes: {\"nodes\": [\"http://host:port\", ...]}");
        }
        return new PeerList(nodes.values().stream().map(node -> {
            if (!node.isString()) {
                throw ApiException.badRequest("Every node must be a string such as \"http://host:port\", got " + node);
            }
            return node.stringValue();
        }).toList());
    }
}
