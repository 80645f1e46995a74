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
 * @param maxPendingTransactions transactions held for the next block
 * @param maxPendingPerSender transactions of one sender held for the next block (a fair share of the pool)
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
        @Min(1) int maxPendingTransactions,
        @Min(1) int maxPendingPerSender,
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
     * @param stalledWrite a write to a miner still unfinished after this long closes that connection
     * @param solutions what one connection's S frames may cost the node
     * @param maxConnections connections served at once (each a file descriptor; Tomcat's need theirs too); more are
     *                       closed as soon as they are accepted
     * @param maxConnectionsPerAddress connections one client address may hold at once, under {@code maxConnections}
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
            @NotNull Duration stalledWrite,
            @NotNull @Valid Solutions solutions,
            @Min(1) int maxConnections,
            @Min(1) int maxConnectionsPerAddress) {

        /** A builder that starts from application.yml's defaults, so tests name only the settings they change. */
        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private int port = 5001;
            private int zeroBits = 24;
            private long slot = 1 << 20;
            private Duration idleTimeout = Duration.ofSeconds(120);
            private boolean pushJobs;
            private int backlog = 4096;
            private Duration targetBlockSeconds = Duration.ZERO;
            private int retargetWindow = 10;
            private int minZeroBits = 8;
            private int maxZeroBits = 48;
            private int maxRetargetStep = 4;
            private Duration stalledWrite = Duration.ofMillis(500);
            private Solutions solutions = Solutions.defaults();
            private int maxConnections = 4096;
            private int maxConnectionsPerAddress = 64;

            private Builder() {
            }

            public Builder port(int port) { this.port = port; return this; }
            public Builder zeroBits(int zeroBits) { this.zeroBits = zeroBits; return this; }
            public Builder slot(long slot) { this.slot = slot; return this; }
            public Builder idleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; return this; }
            public Builder pushJobs(boolean pushJobs) { this.pushJobs = pushJobs; return this; }
            public Builder backlog(int backlog) { this.backlog = backlog; return this; }
            public Builder targetBlockSeconds(Duration target) { this.targetBlockSeconds = target; return this; }
            public Builder retargetWindow(int blocks) { this.retargetWindow = blocks; return this; }
            public Builder minZeroBits(int bits) { this.minZeroBits = bits; return this; }
            public Builder maxZeroBits(int bits) { this.maxZeroBits = bits; return this; }
            public Builder maxRetargetStep(int bits) { this.maxRetargetStep = bits; return this; }
            public Builder stalledWrite(Duration stalledWrite) { this.stalledWrite = stalledWrite; return this; }
            public Builder solutions(Solutions solutions) { this.solutions = solutions; return this; }
            public Builder maxConnections(int connections) { this.maxConnections = connections; return this; }
            public Builder maxConnectionsPerAddress(int connections) { this.maxConnectionsPerAddress = connections; return this; }

            public Tcp build() {
                return new Tcp(port, zeroBits, slot, idleTimeout, pushJobs, backlog, targetBlockSeconds, retargetWindow,
                        minZeroBits, maxZeroBits, maxRetargetStep, stalledWrite, solutions, maxConnections,
                        maxConnectionsPerAddress);
            }
        }

        /**
         * Limits on S frames ({@code node.tcp.solutions.*}): each one is hashed, so a flood of them is work.
         *
         * @param perSecond S frames one connection may send per second, on average; 0 for no limit
         * @param burst S frames one connection may send at once before {@code perSecond} applies
         * @param penaltyAfter rejected S (R) after which a connection that sends mostly bad nonces is cut off; 0 never
         * @param maxRejectedPercent the share of its S that may be rejected, past {@code penaltyAfter}, in percent
         * @param ban how long the address of a connection cut off is refused; zero refuses nobody
         * @param hashingThreads S checked at once, node-wide; 0 for one fewer than the cores (at least one)
         */
        public record Solutions(
                @Min(0) int perSecond,
                @Min(1) int burst,
                @Min(0) int penaltyAfter,
                @Min(0) @Max(100) int maxRejectedPercent,
                @NotNull Duration ban,
                @Min(0) int hashingThreads) {

            /** The defaults of application.yml: for nodes built without Spring (tests, tools). */
            public static Solutions defaults() {
                return new Solutions(100, 100, 50, 90, Duration.ofSeconds(60), 0);
            }

            /** No budget, no penalty (load tools measuring how fast S are checked). */
            public static Solutions unlimited() {
                return new Solutions(0, 1, 0, 100, Duration.ZERO, 0);
            }

            public int hashingPermits() {
                return hashingThreads > 0 ? hashingThreads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            }
        }
    }

    public ProofRule proofRule() {
        return new ProofRule(difficulty);
    }
}
