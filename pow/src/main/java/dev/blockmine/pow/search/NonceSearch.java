package dev.blockmine.pow.search;

import java.util.OptionalLong;

/**
 * Finds a nonce for the binary protocol's rule ({@link dev.blockmine.pow.BinaryRule}). Independent of any node or
 * miner code, so the TCP miner can plug in any engine.
 */
public interface NonceSearch extends AutoCloseable {

    /**
     * Searches the nonces {@code [from, from + count)} modulo 2^32 until one is valid, the range is exhausted or
     * the control is cancelled. With one thread the first valid nonce of the range is found.
     *
     * @param count at most 2^32
     * @return a valid nonce (0..2^32-1), re-checked with {@link dev.blockmine.pow.BinaryRule#isValid}; empty when
     *         none was found
     */
    OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control);

    String name();

    int threads();

    @Override
    void close();
}
