package dev.blockmine.node.api;

import java.math.BigInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.mining.BlockForge;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.node.mining.MiningMetrics;
import dev.blockmine.node.mining.Submission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /mine}: the course clients post {@code {"proof": <int>, "id": <string>}} and count "New Block Forged". */
@RestController
class MiningController {

    static final String FORGED = "New Block Forged";

    private record MineRequest(BigInteger proof, String id) {
    }

    private final BlockForge forge;
    private final JsonRequests requests;
    private final MiningMetrics metrics;
    private final MinerActivity activity;

    MiningController(BlockForge forge, JsonRequests requests, MiningMetrics metrics, MinerActivity activity) {
        this.forge = forge;
        this.requests = requests;
        this.metrics = metrics;
        this.activity = activity;
    }

    @PostMapping("/mine")
    ResponseEntity<String> mine(HttpServletRequest request) {
        activity.seen(request.getRemoteAddr());
        MineRequest mine;
        try {
            mine = read(request);
        } catch (ApiException e) {
            metrics.recordBadRequest();
            throw e;
        }
        Submission submission = forge.submit(mine.proof(), mine.id());
        metrics.record(submission);
        return switch (submission) {
            case Submission.Forged forged -> JsonResponses.json(HttpStatus.OK, forgedBody(forged.block().block()));
            case Submission.Stale stale -> JsonResponses.message(HttpStatus.CONFLICT,
                    "Proof is valid but too late: block " + stale.forgedIndex()
                            + " was already forged (first valid proof wins). Get /last_block and mine the new block.");
            case Submission.Invalid invalid -> JsonResponses.message(HttpStatus.BAD_REQUEST,
                    "Invalid proof: sha256(block_string(last_block) + str(proof)) must start with "
                            + "0".repeat(forge.rule().hexZeros()) + " for block " + invalid.tipIndex());
        };
    }

    private MineRequest read(HttpServletRequest request) {
        JsonNode body = requests.readObject(request);
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

    private static ObjectNode forgedBody(Block block) {
        ObjectNode json = block.toJson();
        json.remove("timestamp");
        json.put("message", FORGED);
        return json;
    }
}
