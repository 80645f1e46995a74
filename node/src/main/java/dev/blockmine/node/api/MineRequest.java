package dev.blockmine.node.api;

import java.math.BigInteger;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /mine}, as the course's miners send it. */
record MineRequest(
        @Schema(description = "a proof for the last block: an integer of any size (1,000 digits are read exactly)",
                example = "5945854", requiredMode = RequiredMode.REQUIRED) BigInteger proof,
        @Schema(description = "the miner's id, recorded exactly as sent (a trailing \"\\n\" too)", example = "ana",
                requiredMode = RequiredMode.REQUIRED) String id) {

    static MineRequest from(JsonNode body) {
        JsonNode proof = body.get("proof");
        JsonNode id = body.get("id");
        if (proof == null || proof.isNull() || id == null || id.isNull()) {
            throw ApiException.badRequest("Missing values: proof and id are required");
        }
        if (!proof.isIntegralNumber()) {
            throw ApiException.badRequest("proof must be a JSON integer, was " + Fields.typeOf(proof));
        }
        return new MineRequest(proof.bigIntegerValue(), Fields.requireId("id", id));
    }
}
