package dev.blockmine.node.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Block;
import dev.blockmine.node.mining.BlockForge;
import dev.blockmine.node.mining.Submission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /mine}: the course clients post {@code {"proof": <int>, "id": <string>}} and count "New Block Forged". */
@RestController
class MiningController {

    static final String FORGED = "New Block Forged";

    private final BlockForge forge;
    private final JsonRequests requests;
    private final int maxIdLength;

    MiningController(BlockForge forge, JsonRequests requests, NodeProperties properties) {
        this.forge = forge;
        this.requests = requests;
        this.maxIdLength = properties.maxIdLength();
    }

    @PostMapping("/mine")
    ResponseEntity<String> mine(HttpServletRequest request) {
        JsonNode body = requests.readObject(request);
        JsonNode proof = body.get("proof");
        JsonNode id = body.get("id");
        if (proof == null || proof.isNull() || id == null || id.isNull()) {
            throw ApiException.badRequest("Missing values: proof and id are required");
        }
        if (!proof.isIntegralNumber()) {
            throw ApiException.badRequest("proof must be a JSON integer, was " + Fields.typeOf(proof));
        }
        String minerId = Fields.requireId("id", id, maxIdLength);
        return switch (forge.submit(proof.bigIntegerValue(), minerId)) {
            case Submission.Forged forged -> JsonResponses.json(HttpStatus.OK, forgedBody(forged.block().block()));
            case Submission.Stale stale -> JsonResponses.message(HttpStatus.CONFLICT,
                    "Proof is valid but too late: block " + stale.forgedIndex()
                            + " was already forged (first valid proof wins). Get /last_block and mine the new block.");
            case Submission.Invalid invalid -> JsonResponses.message(HttpStatus.BAD_REQUEST,
                    "Invalid proof: sha256(block_string(last_block) + str(proof)) must start with "
                            + "0".repeat(forge.rule().hexZeros()) + " for block " + invalid.tipIndex());
        };
    }

    private static ObjectNode forgedBody(Block block) {
        ObjectNode json = block.toJson();
        json.remove("timestamp");
        json.put("message", FORGED);
        return json;
    }
}
