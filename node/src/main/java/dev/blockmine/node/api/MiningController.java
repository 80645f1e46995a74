package dev.blockmine.node.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.mining.BlockForge;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.node.mining.MiningMetrics;
import dev.blockmine.node.mining.Submission;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /mine}: the course clients post {@code {"proof": <int>, "id": <string>}} and count "New Block Forged". */
@RestController
class MiningController {

    static final String FORGED = "New Block Forged";

    private final BlockForge forge;
    private final MiningMetrics metrics;
    private final MinerActivity activity;

    MiningController(BlockForge forge, MiningMetrics metrics, MinerActivity activity) {
        this.forge = forge;
        this.metrics = metrics;
        this.activity = activity;
    }

    @Operation(summary = "Submit a proof for the last block: 200 New Block Forged, 400 invalid, 409 too late")
    @JsonPost("/mine")
    ResponseEntity<String> mine(@RequestBody MineRequest mine, HttpServletRequest request) {
        activity.seen(request.getRemoteAddr());
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

    /** A body refused before {@link #mine} runs: the miner was still seen, and the refusal is counted. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e, HttpServletRequest request) {
        activity.seen(request.getRemoteAddr());
        metrics.recordBadRequest();
        return JsonResponses.message(e.status(), e.getMessage());
    }

    private static ObjectNode forgedBody(Block block) {
        ObjectNode json = block.toJson();
        json.remove("timestamp");
        json.put("message", FORGED);
        return json;
    }
}
