package dev.blockmine.node;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.pow.ProofRule;

/**
 * The {@code node.*} settings (documented in application.yml).
 *
 * @param difficulty leading hex zeros a proof's hash needs
 * @param lastBlockShape how {@code GET /last_block} presents the block
 * @param maxBodyBytes largest request body read
 * @param maxIdLength longest miner id or transaction party, in characters
 * @param maxPendingTransactions transactions held for the next block
 * @param ledger what a spend must satisfy: open (anything), balances (the default), signed
 * @param store where blocks are kept: in memory, in a journal in {@code dataDir} (durable; journal is another name
 *              for it), or in PostgreSQL shared by replicas ({@code spring.datasource.*})
 * @param dataDir the durable store's folder
 * @param peers other nodes to exchange blocks with, as base URLs
 * @param tcp the binary mining protocol's server
 */
@Validated
@ConfigurationProperties("node")
public record NodeProperties(
        @Min(1) @Max(64) int difficulty,
        @NotNull LastBlockShape lastBlockShape,
        @Min(256) int maxBodyBytes,
        @Min(1) int maxIdLength,
        @Min(1) int maxPendingTransactions,
        @NotNull LedgerMode ledger,
        @NotNull Store store,
        @NotNull String dataDir,
        @NotNull List<String> peers,
        @NotNull @Valid Tcp tcp) {

    public enum LastBlockShape { WRAPPED, BARE }

    public enum Store { MEMORY, DURABLE, JOURNAL, POSTGRES }

    /**
     * The binary mining protocol ({@code node.tcp.*}).
     *
     * @param port TCP port; -1 disables the server, 0 takes a free port (tests)
     * @param zeroBits leading zero bits a nonce's digest needs
     * @param slot nonces per miner slot
     * @param idleTimeout a connection that sends nothing for this long is closed
     * @param pushJobs after a job settles, push the next job's T to every holder unasked
     * @param backlog connections the OS queues before they are accepted
     * @param targetBlockSeconds block time the binary target is retargeted to; zero keeps {@code zeroBits} fixed
     * @param retargetWindow blocks between two retargets
     * @param minZeroBits lowest target retargeting may set (never below the HTTP rule's work, 4 bits per hex zero)
     * @param maxZeroBits highest target retargeting may set
     * @param maxRetargetStep most bits one retarget may move
     */
    public record Tcp(
            @Min(-1) @Max(65535) int port,
            @Min(1) @Max(255) int zeroBits,
            @Min(1) @Max(4294967295L) long slot,
            @NotNull Duration idleTimeout,
            boolean pushJobs,
            @Min(1) int backlog,
            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration targetBlockSeconds,
            @Min(1) int retargetWindow,
            @Min(1) @Max(255) int minZeroBits,
            @Min(1) @Max(255) int maxZeroBits,
            @Min(1) @Max(32) int maxRetargetStep,
            @NotNull Duration stalledWrite) {
    }

    public ProofRule proofRule() {
        return new ProofRule(difficulty);
    }
}
