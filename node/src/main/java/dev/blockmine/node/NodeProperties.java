package dev.blockmine.node;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;

/**
 * The {@code node.*} settings, with their defaults: this record is where they are, and the configuration metadata
 * made from it documents them in the IDE. Each setting is checked on its own (the annotations) and against the
 * others ({@link #validate}) when the node starts: a wrong one stops it with one line naming it (see
 * {@link StartFailureAnalyzer}).
 *
 * @param difficulty leading hex zeros of sha256(block_string + str(proof)); the course's clients hard-code 6
 * @param lastBlockShape what GET /last_block serves: wrapped, {"last_block": {...}}; bare, the block itself (a few
 *                       course clients expect that)
 * @param maxBodyBytes largest request body read; larger bodies get 413 before being read (/mine needs about 100 bytes)
 * @param maxPendingTransactions pending transactions held for the next block; more get 429 until a block is forged
 * @param maxPendingPerSender pending transactions of one sender held at most, so that no client fills the pool alone
 *                            (a fair share: at least max-pending-transactions / max-pending-per-sender senders fit)
 * @param ledger what a spend (POST /transactions/new) must satisfy, and blocks and peers' chains with it: balances,
 *               a sender spends only what it holds; signed, as balances and each spend signed with Ed25519 and a
 *               growing nonce; open, anything (as in the course)
 * @param store where blocks are kept: memory (nothing survives a restart); journal, appended to data-dir/chain.jsonl
 *              and fsync'ed before the miner is told it won ("durable" is the deprecated name of the same store);
 *              postgres, the PostgreSQL database of spring.datasource.*, shared by every replica of this node
 * @param dataDir the journal store's folder
 * @param peers deprecated: use node.peer.urls (still read, with a warning at start)
 * @param tcp the binary mining protocol's server
 */
@Validated
@ConfigurationProperties("node")
public record NodeProperties(
        @DefaultValue("6") @Min(1) @Max(64) int difficulty,
        @DefaultValue("wrapped") @NotNull LastBlockShape lastBlockShape,
        @DefaultValue("8192") @Min(256) int maxBodyBytes,
        @DefaultValue("1000") @Min(1) int maxPendingTransactions,
        @DefaultValue("50") @Min(1) int maxPendingPerSender,
        @DefaultValue("balances") @NotNull LedgerMode ledger,
        @DefaultValue("memory") @NotNull Store store,
        @DefaultValue("data") @NotNull String dataDir,
        @DefaultValue @NotNull List<String> peers,
        @DefaultValue @NotNull @Valid Tcp tcp) implements Validator {

    private static final Logger log = LoggerFactory.getLogger(NodeProperties.class);

    public NodeProperties {
        if (store == Store.DURABLE) {
            log.warn("node.store=durable is deprecated: it is the journal store, node.store=journal (same files)");
            store = Store.JOURNAL;
        }
        if (peers != null && !peers.isEmpty()) {
            log.warn("node.peers is deprecated: use node.peer.urls (read as one list with it)");
        }
    }

    public enum LastBlockShape { WRAPPED, BARE }

    /** Where blocks are kept. */
    public enum Store {
        MEMORY,
        JOURNAL,
        POSTGRES,
        /** The journal store's old name, read as {@link #JOURNAL}. */
        @Deprecated
        DURABLE
    }

    /**
     * The binary mining protocol ({@code node.tcp.*}).
     *
     * @param port TCP port for binary miners; -1 disables the server, 0 takes a free port
     * @param zeroBits leading zero bits of sha256(nonce LE + job data); 24 is the same work as 6 hex zeros on HTTP, and
     *                 a fixed target may not ask less than that (4 bits per hex zero of node.difficulty)
     * @param slot nonces per miner slot: miner m searches [m*slot, m*slot + slot); 2^32/slot slots per job never overlap
     * @param idleTimeout a connection that sends nothing for this long gets Q and is closed
     * @param pushJobs push the next job's T unasked after a job settles (off: miners answer every A or I with G)
     * @param backlog connections the OS queues before they are accepted
     * @param targetBlockSeconds block time the binary target is retargeted to; 0s keeps zero-bits fixed
     * @param retargetWindow blocks between two retargets
     * @param minZeroBits lowest target retargeting may set (never below 4 bits per hex zero of node.difficulty)
     * @param maxZeroBits highest target retargeting may set
     * @param maxRetargetStep most bits one retarget may move
     * @param stalledWrite a write to a miner still unfinished after this long (it stopped reading) closes that connection
     * @param solutions what one connection's S frames may cost the node
     * @param maxConnections connections served at once (each a file descriptor; Tomcat's need theirs too); more are
     *                       closed as soon as they are accepted. The node lowers it to what its descriptor limit leaves
     *                       after HTTP's connections (server.tomcat.max-connections) and 1,024 for files, peers and the
     *                       database
     * @param maxConnectionsPerAddress connections one client address may hold at once, under max-connections: a class
     *                                 behind one NAT fits, one stranger cannot take them all
     */
    public record Tcp(
            @DefaultValue("5001") @Min(-1) @Max(65535) int port,
            @DefaultValue("24") @Min(1) @Max(255) int zeroBits,
            @DefaultValue("1048576") @Min(1) @Max(4294967295L) long slot,
            @DefaultValue("120s") @NotNull Duration idleTimeout,
            @DefaultValue("false") boolean pushJobs,
            @DefaultValue("4096") @Min(1) int backlog,
            @DefaultValue("0s") @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration targetBlockSeconds,
            @DefaultValue("10") @Min(1) int retargetWindow,
            @DefaultValue("8") @Min(1) @Max(255) int minZeroBits,
            @DefaultValue("48") @Min(1) @Max(255) int maxZeroBits,
            @DefaultValue("4") @Min(1) @Max(32) int maxRetargetStep,
            @DefaultValue("500ms") @NotNull Duration stalledWrite,
            @DefaultValue @NotNull @Valid Solutions solutions,
            @DefaultValue("4096") @Min(1) int maxConnections,
            @DefaultValue("64") @Min(1) int maxConnectionsPerAddress) {

        /** The defaults, as the node binds them with no settings (the annotations above): for nodes built without Spring. */
        public static Tcp defaults() {
            return new Binder().bindOrCreate("node.tcp", Tcp.class);
        }

        /** A builder that starts from the defaults, so tests name only the settings they change. */
        public static Builder builder() {
            return new Builder(defaults());
        }

        /** Whether the target stays at {@code zeroBits}. */
        public boolean fixedTarget() {
            return targetBlockSeconds.isZero();
        }

        public static final class Builder {
            private int port;
            private int zeroBits;
            private long slot;
            private Duration idleTimeout;
            private boolean pushJobs;
            private int backlog;
            private Duration targetBlockSeconds;
            private int retargetWindow;
            private int minZeroBits;
            private int maxZeroBits;
            private int maxRetargetStep;
            private Duration stalledWrite;
            private Solutions solutions;
            private int maxConnections;
            private int maxConnectionsPerAddress;

            private Builder(Tcp from) {
                port = from.port;
                zeroBits = from.zeroBits;
                slot = from.slot;
                idleTimeout = from.idleTimeout;
                pushJobs = from.pushJobs;
                backlog = from.backlog;
                targetBlockSeconds = from.targetBlockSeconds;
                retargetWindow = from.retargetWindow;
                minZeroBits = from.minZeroBits;
                maxZeroBits = from.maxZeroBits;
                maxRetargetStep = from.maxRetargetStep;
                stalledWrite = from.stalledWrite;
                solutions = from.solutions;
                maxConnections = from.maxConnections;
                maxConnectionsPerAddress = from.maxConnectionsPerAddress;
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
         * @param perSecond S frames one connection may send per second (a token bucket of burst); past it the node
         *                  stops reading that connection until it has a token again; 0 for no limit
         * @param burst S frames one connection may send at once before per-second applies
         * @param penaltyAfter rejected S (R) after which a connection that sends mostly bad nonces gets Q, is closed and
         *                     its address refused for ban (ckpool-style); 0 never
         * @param maxRejectedPercent the share of its S that may be rejected, past penalty-after, in percent
         * @param ban how long the address of a connection cut off is refused; zero refuses nobody
         * @param hashingThreads S checked at once, node-wide; 0 for one fewer than the cores (at least one), so that
         *                       hashing S never takes every carrier thread of the virtual threads that serve HTTP
         */
        public record Solutions(
                @DefaultValue("100") @Min(0) int perSecond,
                @DefaultValue("100") @Min(1) int burst,
                @DefaultValue("50") @Min(0) int penaltyAfter,
                @DefaultValue("90") @Min(0) @Max(100) int maxRejectedPercent,
                @DefaultValue("60s") @NotNull Duration ban,
                @DefaultValue("0") @Min(0) int hashingThreads) {

            /** The defaults (the annotations above): for nodes built without Spring (tests, tools). */
            public static Solutions defaults() {
                return Tcp.defaults().solutions();
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

    /** The least work a binary block may claim: peers and this node's own journal refuse a block with less. */
    public int minBinaryZeroBits() {
        return BinaryRule.equivalentTo(proofRule()).zeroBits();
    }

    @Override
    public boolean supports(Class<?> type) {
        return NodeProperties.class.isAssignableFrom(type);
    }

    /** The rules between settings, each reported on the setting to change. */
    @Override
    public void validate(Object target, Errors errors) {
        NodeProperties settings = (NodeProperties) target;
        settings.check(errors);
    }

    private void check(Errors errors) {
        if (maxPendingPerSender > maxPendingTransactions) {
            errors.rejectValue("maxPendingPerSender", "aboveThePool", "a sender's share cannot be larger than the pool,"
                    + " node.max-pending-transactions (" + maxPendingTransactions + ")");
        }
        if (tcp == null || tcp.port() == -1) {
            return; // no binary blocks are made
        }
        int least = minBinaryZeroBits();
        if (tcp.fixedTarget() && tcp.zeroBits() < least) {
            errors.rejectValue("tcp.zeroBits", "belowTheRule", "a binary block needs at least the HTTP rule's work, 4"
                    + " bits per hex zero of node.difficulty (" + difficulty + "): at least " + least
                    + ", or peers and this node's own journal refuse its blocks");
        }
        int floor = Math.max(tcp.minZeroBits(), least);
        if (!tcp.fixedTarget() && tcp.maxZeroBits() < floor) {
            errors.rejectValue("tcp.maxZeroBits", "belowTheFloor", "retargeting needs room above its lowest target,"
                    + " the larger of node.tcp.min-zero-bits (" + tcp.minZeroBits() + ") and 4 bits per hex zero of"
                    + " node.difficulty (" + difficulty + ", so " + least + "): at least " + floor);
        }
    }
}
