package dev.blockmine.pow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The 1024 bytes a binary job hands out, derived only from what the won block will show, so anyone holding the
 * served chain can recompute them (see {@link ChainCheck}):
 * <pre>
 *   0..15   "blockmine-job-v1" (ASCII)
 *  16..23   index of the block being mined, u64 big-endian
 *  24       zero_bits, u8 (a block cannot claim a lower target than it was mined at)
 *  25..56   previous_hash, 32 raw bytes (the hash of the tip's block string)
 *  57..88   sha256 of the canonical JSON array of the block's transactions without the reward
 *  89..1023 zero
 * </pre>
 * The reward (the miner's name) is not committed: the job is the same for every miner, as in the HTTP rule, where
 * a proof commits to the previous block only. The block's timestamp is committed by the next block, as on HTTP.
 */
public final class JobData {

    public static final int SIZE = 1024;
    private static final byte[] MAGIC = "blockmine-job-v1".getBytes(StandardCharsets.US_ASCII);

    private JobData() {
    }

    /**
     * @param previousHash lowercase hex sha256 of the previous block's string (64 characters)
     * @param transactionsJson canonical JSON of the transactions, reward excluded
     */
    public static byte[] of(long index, String previousHash, String transactionsJson, int zeroBits) {
        byte[] previous = HexFormat.of().parseHex(previousHash);
        if (previous.length != 32) {
            throw new IllegalArgumentException("previous_hash must be 64 hex digits, was " + previousHash.length() + " characters");
        }
        ByteBuffer data = ByteBuffer.allocate(SIZE);
        data.put(MAGIC).putLong(index).put((byte) zeroBits).put(previous)
                .put(ProofRule.sha256().digest(transactionsJson.getBytes(StandardCharsets.UTF_8)));
        return data.array();
    }
}
