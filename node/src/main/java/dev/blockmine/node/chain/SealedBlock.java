package dev.blockmine.node.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * A block in the chain with its block string and hash, computed once: blocks never change, and every proof check and
 * every response needs them. The chain holds many of these for a long time, so only the block string, its hash (32
 * bytes) and index are kept; the parsed {@link Block} is made again when asked for,
 * which only bookkeeping and pages of the explorer do, a block or a few at a time.
 */
public final class SealedBlock {

    private static final HexFormat HEX = HexFormat.of();

    private final long index;
    private final String blockString;
    /** The SHA-256 of the block string: 32 bytes here, hex (64 characters, 104 bytes as a String) when asked for. */
    private final byte[] hash;

    private SealedBlock(long index, String blockString) {
        this.index = index;
        this.blockString = blockString;
        this.hash = ProofRule.sha256().digest(blockString.getBytes(StandardCharsets.US_ASCII));
    }

    public static SealedBlock of(Block block) {
        return new SealedBlock(block.index(), CanonicalJson.encode(block.toJson()));
    }

    /**
     * A block received as JSON, sealed only if its block string is exactly the canonical form of what was received
     * (so the hash the sender linked to is the hash we compute).
     *
     * @throws IllegalArgumentException when the JSON is not a block this node can represent exactly
     */
    public static SealedBlock fromJson(JsonNode json) {
        SealedBlock sealed = of(Block.fromJson(json));
        if (!sealed.blockString().equals(CanonicalJson.encode(json))) {
            throw new IllegalArgumentException("block " + json.path("index") + " does not round-trip exactly");
        }
        return sealed;
    }

    /**
     * A line of this node's own journal, taken as the block string it wrote: its index read from the front (the first
     * key), its hash computed, nothing parsed. Whether it is a valid block is the caller's to check.
     *
     * @throws IllegalArgumentException when it does not start as a block string does
     */
    static SealedBlock stored(String line) {
        if (!line.startsWith(INDEX)) {
            throw new IllegalArgumentException("a block string starts with " + INDEX);
        }
        int end = line.indexOf(',', INDEX.length());
        long index;
        try {
            index = Long.parseLong(line, INDEX.length(), end < 0 ? line.length() : end, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no index at the start of the line");
        }
        return new SealedBlock(index, line);
    }

    private static final String INDEX = "{\"index\": ";

    /** The block, parsed from its block string (each call parses: hold on to it where it is read more than once). */
    public Block block() {
        return Block.fromJson(CanonicalJson.parse(blockString));
    }

    public String blockString() {
        return blockString;
    }

    /** Lowercase hex SHA-256 of the block string: what the next block links to. */
    public String hash() {
        return HEX.formatHex(hash);
    }

    /** The first 4 bytes of the hash, big-endian: what {@code Integer.parseUnsignedInt(hash(), 0, 8, 16)} gives. */
    int hashPrefix() {
        return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | hash[3] & 0xff;
    }

    /** Whether this block's hash is {@code hex} (64 lowercase hex digits), without making the hex of ours. */
    public boolean hasHash(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (HexFormat.fromHexDigits(hex, 2 * i, 2 * i + 2) != (hash[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    public long index() {
        return index;
    }

    /**
     * The hash this block links to, read from the block string without parsing it: keys are sorted and only the
     * numeric index comes before {@code previous_hash}, and a quote inside an id is escaped, so the first
     * {@code "previous_hash": "} is the key's.
     */
    public String previousHash() {
        int start = blockString.indexOf(PREVIOUS_HASH) + PREVIOUS_HASH.length();
        return blockString.substring(start, blockString.indexOf('"', start));
    }

    /**
     * The block's timestamp, read from the block string without parsing it: the first {@code "timestamp": } is the
     * key's (only numbers and the hashes come before it; ids come after, in the transactions, and quotes in them are
     * escaped anyway).
     */
    public double timestamp() {
        int start = blockString.indexOf(TIMESTAMP) + TIMESTAMP.length();
        int end = start;
        while (end < blockString.length() && blockString.charAt(end) != ',' && blockString.charAt(end) != '}') {
            end++;
        }
        return Double.parseDouble(blockString.substring(start, end));
    }

    private static final String TIMESTAMP = "\"timestamp\": ";

    private static final String PREVIOUS_HASH = "\"previous_hash\": \"";

    /** Which front-end's rule proved this block: "http" or "tcp" (the binary protocol). */
    public String protocol() {
        return block().provenBy() instanceof ProvenBy.Binary ? "tcp" : "http";
    }

    /** Blocks are equal when their block strings are: the hash and index follow from it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SealedBlock sealed && sealed.blockString.equals(blockString);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "SealedBlock[" + index + " " + hash() + "]";
    }
}
