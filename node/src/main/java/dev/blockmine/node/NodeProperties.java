package dev.blockmine.node;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.blockmine.pow.ProofRule;

/**
 * The {@code node.*} settings (documented in application.yml).
 *
 * @param difficulty leading hex zeros a proof's hash needs
 * @param lastBlockShape how {@code GET /last_block} presents the block
 * @param maxBodyBytes largest request body read
 * @param maxIdLength longest miner id or transaction party, in characters
 * @param maxPendingTransactions transactions held for the next block
 * @param store where blocks are kept: in memory, or durably in {@code dataDir}
 * @param dataDir the durable store's folder
 * @param peers other nodes to exchange blocks with, as base URLs
 */
@Validated
@ConfigurationProperties("node")
public record NodeProperties(
        @Min(1) @Max(64) int difficulty,
        @NotNull LastBlockShape lastBlockShape,
        @Min(256) int maxBodyBytes,
        @Min(1) int maxIdLength,
        @Min(1) int maxPendingTransactions,
        @NotNull Store store,
        @NotNull String dataDir,
        @NotNull List<String> peers) {

    public enum LastBlockShape { WRAPPED, BARE }

    public enum Store { MEMORY, DURABLE }

    public ProofRule proofRule() {
        return new ProofRule(difficulty);
    }
}
