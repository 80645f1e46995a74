package dev.blockmine.pow;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validates a whole chain as served by {@code GET /chain}: the course's genesis block, every block's
 * {@link BlockShape}, indices consecutive from 1, every {@code previous_hash} the hash of the block before, every
 * proof valid for the block before under its rule, and exactly one reward (sender "0", amount 1), last, in every
 * block after the genesis block. Validation stops at the first bad block.
 * <p>
 * Two rules prove blocks. An HTTP block's proof is valid for the previous block's string under the {@link ProofRule}.
 * A block won over the binary protocol says so with {@code "rule": "binary"} and its {@code "zero_bits"}; its proof
 * is a 32-bit nonce, valid under the {@link BinaryRule} for the {@link JobData} recomputed from the block itself
 * (index, previous_hash, the transactions before the reward, zero_bits).
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /**
     * Binary blocks must carry at least the same work as the HTTP rule ({@code 4 × hexZeros} bits).
     *
     * @return the problems of the first bad block, empty for a valid chain
     */
    public static List<String> problems(List<JsonNode> chain, ProofRule rule) {
        return problems(chain, rule, BinaryRule.equivalentTo(rule).zeroBits());
    }

    /**
     * @param minZeroBits the lowest {@code zero_bits} a binary block may claim
     * @return the problems of the first bad block, empty for a valid chain
     */
    public static List<String> problems(List<JsonNode> chain, ProofRule rule, int minZeroBits) {
        return problems(chain, new Walk(rule, minZeroBits, BlockShape.CHAIN));
    }

    /** The problems of the first bad block met on {@code walk} (a fresh one), empty for a valid chain. */
    public static List<String> problems(List<JsonNode> chain, Walk walk) {
        if (chain.isEmpty()) {
            return List.of("the chain is empty");
        }
        for (JsonNode block : chain) {
            List<String> problems = walk.next(block);
            if (!problems.isEmpty()) {
                return problems; // the rest hangs on a bad block: nothing after it can count
            }
        }
        return List.of();
    }

    /** {@link #link(JsonNode, JsonNode, ProofRule, int)} with binary blocks held to the HTTP rule's work. */
    public static List<String> link(JsonNode previous, JsonNode next, ProofRule rule) {
        return link(previous, next, rule, BinaryRule.equivalentTo(rule).zeroBits());
    }

    /**
     * The problems of {@code next} as the successor of {@code previous}: its shape, index, previous_hash, proof
     * under its rule and its reward. A miner that validated a chain once checks each new block with this alone.
     */
    public static List<String> link(JsonNode previous, JsonNode next, ProofRule rule, int minZeroBits) {
        return link(CanonicalJson.encode(previous), previous.path("index").longValue(), next, rule, minZeroBits,
                BlockShape.CHAIN, false);
    }

    /**
     * A chain checked one block at a time, from its genesis block, holding only the last good block: a chain
     * streamed from a peer is judged as it arrives, and refused at its first bad block.
     */
    public static final class Walk {

        private final ProofRule rule;
        private final int minZeroBits;
        private final BlockShape shape;
        private String previousString;
        private long previousIndex;
        /** The last {@link BlockTime#SPAN} accepted blocks' timestamps, oldest first. */
        private final ArrayDeque<Double> times = new ArrayDeque<>(BlockTime.SPAN);
        private boolean futureRule = true;

        public Walk(ProofRule rule, int minZeroBits, BlockShape shape) {
            this.rule = rule;
            this.minZeroBits = minZeroBits;
            this.shape = shape;
        }

        /**
         * A walk that continues after {@code tip}, a block already known to be good.
         *
         * @param lastTimes the timestamps of the blocks up to the tip, oldest first (the last {@link BlockTime#SPAN}
         *                  are kept): the next block's time must pass their median
         */
        public Walk(ProofRule rule, int minZeroBits, BlockShape shape, String tipBlockString, long tipIndex,
                List<Double> lastTimes) {
            this(rule, minZeroBits, shape);
            this.previousString = tipBlockString;
            this.previousIndex = tipIndex;
            lastTimes.forEach(this::remember);
        }

        /**
         * Checks only that time moves past the median, not that it is not too far ahead: for the node's own journal,
         * whose blocks were checked against the clock when they came in (and the clock may have moved back since).
         */
        public Walk pastOnly() {
            futureRule = false;
            return this;
        }

        /** The problems of the next block; the walk moves past it only when there are none. */
        public List<String> next(JsonNode block) {
            return judge(block, false);
        }

        /**
         * As {@link #next}, for a block the caller has already found linked to the last good one (its index is the
         * next and its {@code previous_hash} is that block's hash): everything else is checked, the link not again.
         * A node deciding whether an announced block follows its tip or means a gap makes that check itself.
         */
        public List<String> nextLinked(JsonNode block) {
            if (previousString == null) {
                throw new IllegalStateException("a genesis block links to nothing");
            }
            return judge(block, true);
        }

        private List<String> judge(JsonNode block, boolean linked) {
            List<String> problems = previousString == null ? shape.genesisProblems(block)
                    : link(previousString, previousIndex, block, rule, minZeroBits, shape, linked);
            if (problems.isEmpty() && previousString != null) {
                String late = BlockTime.problem(block.get("timestamp").doubleValue(), times,
                        futureRule ? BlockTime.now() : Double.NaN);
                if (late != null) {
                    problems = List.of("block #" + (previousIndex + 1) + ": " + late);
                }
            }
            if (problems.isEmpty()) {
                previousString = CanonicalJson.encode(block);
                previousIndex = block.get("index").longValue();
                remember(block.get("timestamp").doubleValue());
            }
            return problems;
        }

        private void remember(double time) {
            if (times.size() == BlockTime.SPAN) {
                times.removeFirst();
            }
            times.addLast(time);
        }

        /** How many blocks the walk has accepted after the genesis block, as the index of the last one. */
        public long lastIndex() {
            return previousIndex;
        }
    }

    /** @param linked whether the caller has checked the index and previous_hash already (they are then taken as read) */
    private static List<String> link(String previousString, long previousIndex, JsonNode next, ProofRule rule,
            int minZeroBits, BlockShape shape, boolean linked) {
        List<String> problems = new ArrayList<>();
        long expectedIndex = previousIndex + 1;
        String where = "block #" + expectedIndex;
        String shapeProblem = shape.problem(next);
        if (shapeProblem != null) {
            problems.add(where + ": " + shapeProblem);
            return problems;
        }
        String expectedHash = linked ? next.get("previous_hash").stringValue() : ProofRule.sha256Hex(previousString);
        if (!linked && next.get("index").longValue() != expectedIndex) {
            problems.add(where + ": index is " + next.path("index") + ", expected " + expectedIndex);
        }
        if (!linked && !expectedHash.equals(next.get("previous_hash").stringValue())) {
            problems.add(where + ": previous_hash is " + next.path("previous_hash") + ", expected \"" + expectedHash + "\"");
        }
        JsonNode proof = next.path("proof");
        JsonNode blockRule = next.get("rule");
        if (blockRule == null) {
            if (!rule.isValid(previousString, proof.bigIntegerValue())) {
                problems.add(where + ": proof " + proof + " is not valid for the block before");
            }
        } else if ("binary".equals(blockRule.stringValue(null))) {
            checkBinaryProof(next, expectedHash, minZeroBits, where, problems);
        } else {
            problems.add(where + ": unknown rule " + blockRule);
        }
        checkReward(next, where, problems);
        return problems;
    }

    private static void checkBinaryProof(JsonNode block, String previousHash, int minZeroBits, String where,
            List<String> problems) {
        JsonNode bits = block.path("zero_bits");
        JsonNode proof = block.path("proof");
        if (!bits.isIntegralNumber() || bits.longValue() < minZeroBits || bits.longValue() > 255) {
            problems.add(where + ": zero_bits " + bits + " is not between " + minZeroBits + " and 255");
            return;
        }
        if (!proof.isIntegralNumber() || proof.bigIntegerValue().signum() < 0
                || proof.bigIntegerValue().compareTo(BigInteger.valueOf(BinaryRule.MAX_NONCE)) > 0) {
            problems.add(where + ": binary proof " + proof + " is not a 32-bit nonce");
            return;
        }
        JsonNode transactions = block.path("transactions");
        if (!transactions.isArray() || transactions.isEmpty()) {
            return; // reported by checkReward
        }
        ArrayNode beforeReward = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < transactions.size() - 1; i++) {
            beforeReward.add(transactions.get(i));
        }
        int zeroBits = bits.intValue();
        byte[] data = JobData.of(block.path("index").longValue(), previousHash, CanonicalJson.encode(beforeReward), zeroBits);
        if (!new BinaryRule(zeroBits).isValid(data, proof.longValue())) {
            problems.add(where + ": nonce " + proof + " is not valid for its job data at " + zeroBits + " zero bits");
        }
    }

    private static void checkReward(JsonNode block, String where, List<String> problems) {
        JsonNode transactions = block.path("transactions");
        long rewards = 0;
        for (JsonNode tx : transactions.values()) {
            if ("0".equals(tx.path("sender").stringValue(null))) {
                rewards++;
            }
        }
        JsonNode last = transactions.isArray() && !transactions.isEmpty() ? transactions.get(transactions.size() - 1) : null;
        boolean rewardLast = last != null && "0".equals(last.path("sender").stringValue(null))
                && last.path("amount").isIntegralNumber() && BigInteger.ONE.equals(last.get("amount").bigIntegerValue())
                && last.path("recipient").isString();
        if (rewards != 1 || !rewardLast) {
            problems.add(where + ": expected exactly one reward of 1 coin from sender \"0\", last; found " + rewards + " from \"0\"");
        }
    }
}
