package dev.blockmine.pow.engine;

import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import dev.blockmine.pow.ProofRule;

/**
 * The kernels one call at a time, for the JMH benchmarks in {@code bench/}: each {@link #next()} tries the next
 * {@value #PROOFS_PER_CALL} proofs or {@value #NONCES_PER_CALL} nonces and returns the kernel's mask of candidates.
 * The kernels themselves stay package-private; this is the one door to them.
 */
public final class KernelCalls {

    public static final int PROOFS_PER_CALL = ProofLayout.SLOTS;
    public static final int NONCES_PER_CALL = NonceKernel.NONCES;

    private final IntSupplier calls;

    private KernelCalls(IntSupplier calls) {
        this.calls = calls;
    }

    /** The HTTP rule's tail kernel on {@code blockString}, counter stepping included. */
    public static KernelCalls httpRule(EngineKind kind, String blockString, int zeroBits) {
        byte[] prefix = blockString.getBytes(StandardCharsets.UTF_8);
        ProofLayout layout = ProofLayout.choose(prefix.length, zeroBits);
        SlotDigits slots = SlotDigits.of(layout);
        TailKernel tail = Engines.kernels(Engines.resolve(kind)).tail(slots);
        ProofBatch batch = new ProofBatch(prefix, layout, ProofBatch.prefixChain(prefix), slots);
        int mask = ProofRule.firstWordMask(zeroBits);
        batch.start(0);
        return new KernelCalls(new IntSupplier() {
            private long nextBatch = 1;

            @Override
            public int getAsInt() {
                int hits = tail.scan(batch.words(), batch.state(), batch.slotRound(), batch.chain(), batch.paddingKw(), mask);
                if (!batch.advance()) {
                    batch.start(nextBatch++);
                }
                return hits;
            }
        });
    }

    /** The binary rule's nonce kernel on {@code data}, consecutive nonces. */
    public static KernelCalls binaryRule(EngineKind kind, byte[] data, int zeroBits) {
        NonceKernel nonces = Engines.kernels(Engines.resolve(kind)).nonce(NonceJob.of(data));
        int mask = ProofRule.firstWordMask(zeroBits);
        return new KernelCalls(new IntSupplier() {
            private int base;

            @Override
            public int getAsInt() {
                int hits = nonces.scan(base, mask);
                base += NONCES_PER_CALL;
                return hits;
            }
        });
    }

    public int next() {
        return calls.getAsInt();
    }
}
