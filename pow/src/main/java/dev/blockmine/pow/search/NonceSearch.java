package dev.blockmine.pow.search;

import java.util.OptionalLong;

/**
 * Finds a nonce under the binary rule ({@code sha256(nonce LE ‖ data)} with {@code zeroBits} leading zero bits)
 * in a slot of the 32-bit nonce space. Engines differ in speed only: any nonce they return is valid, and they stop
 * soon after {@link SearchControl#cancel()}.
 */
public interface NonceSearch extends AutoCloseable {

    /**
     * Searches nonces {@code from, from + 1, … from + count - 1}, modulo 2^32.
     *
     * @return a valid nonce, or empty when the slot holds none or the control was cancelled first
     */
    OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control);

    /** The engine's name, for logs and benchmark tables. */
    String name();

    int threads();

    @Override
    void close();
}
