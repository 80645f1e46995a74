package dev.blockmine.pow.binary;

import java.util.Arrays;
import java.util.HexFormat;

/** One message of the binary mining protocol (README, "Binary mining protocol"; the wire format in {@link FrameCodec}). */
public sealed interface Frame {

    /** G, miner → node: give me work. The name is at most 10 bytes of UTF-8. */
    record Get(String name) implements Frame {
    }

    /** T, node → miner: a job. The miner should search nonces {@code [miner·slot, miner·slot + slot)} mod 2^32. */
    record Task(int txn, int miner, long slot, int zeroBits, byte[] data) implements Frame {

        /** The first nonce of this miner's slot. */
        public long slotStart() {
            return ((long) miner * slot) & 0xFFFF_FFFFL;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Task t && t.txn == txn && t.miner == miner && t.slot == slot && t.zeroBits == zeroBits
                    && Arrays.equals(t.data, data);
        }

        @Override
        public int hashCode() {
            return (txn * 31 + miner) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Task[txn=%d, miner=%d, slot=%d, zeroBits=%d, data=%d bytes %s…]".formatted(txn, miner, slot, zeroBits,
                    data.length, HexFormat.of().formatHex(data, 0, Math.min(8, data.length)));
        }
    }

    /** S, miner → node: a nonce for job {@code txn}. */
    record Solution(int txn, long nonce) implements Frame {
    }

    /** A, node → miner: your nonce was valid and first. */
    record Accepted(int txn) implements Frame {
    }

    /** I, node → miner: someone else won job {@code txn}; stop. */
    record Invalidated(int txn) implements Frame {
    }

    /** R, node → miner: the nonce misses the target, or the job is unknown to this miner. */
    record Rejected(int txn) implements Frame {
    }

    /** Q, either way: polite end; the sender closes after it. */
    record Quit() implements Frame {
    }
}
