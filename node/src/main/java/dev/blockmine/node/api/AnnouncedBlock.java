package dev.blockmine.node.api;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /blocks}: a block as a peer announces it, kept as the JSON tree it came in, because its
 * hash is taken over exactly what was sent (the intake, in {@code peers}, reads and checks it). So the description
 * cannot come from the fields: {@link Shape} says what a block holds.
 */
@Schema(implementation = AnnouncedBlock.Shape.class)
record AnnouncedBlock(JsonNode json) {

    /** A block's JSON, as the description shows it. */
    @Schema(name = "Block", description = "a block as its block string holds it; binary blocks add rule and zero_bits")
    record Shape(
            @Schema(example = "2", requiredMode = RequiredMode.REQUIRED) long index,
            @JsonProperty("previous_hash") @Schema(description = "sha256 of the previous block's string, lowercase hex",
                    requiredMode = RequiredMode.REQUIRED) String previousHash,
            @Schema(requiredMode = RequiredMode.REQUIRED) BigInteger proof,
            @Schema(description = "seconds since the epoch, as Python's time()", example = "1700000000.5",
                    requiredMode = RequiredMode.REQUIRED) double timestamp,
            @Schema(description = "the spends, then the miner's reward (sender \"0\")",
                    requiredMode = RequiredMode.REQUIRED) List<TransactionRequest> transactions,
            @Schema(description = "binary blocks: the rule their nonce meets") String rule,
            @JsonProperty("zero_bits") @Schema(description = "binary blocks: the zero bits their hash needed")
            Integer zeroBits) {
    }
}
