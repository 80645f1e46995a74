package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks that follow each other as a journal checks (index and previous hash), their proofs never checked, and small
 * (no transactions): what the journal's fault tests write. The branch number, in the proof, tells branches apart.
 */
final class LinkedBlocks {

    private LinkedBlocks() {
    }

    /** {@code count} blocks following the last of {@code chain} (from the genesis block when it is empty). */
    static List<SealedBlock> after(List<SealedBlock> chain, int count, int branch) {
        List<SealedBlock> blocks = new ArrayList<>();
        SealedBlock last = chain.isEmpty() ? null : chain.getLast();
        for (int i = 0; i < count; i++) {
            long index = last == null ? 1 : last.index() + 1;
            last = SealedBlock.of(new Block(index, 1_790_000_000.0 + index, List.of(),
                    BigInteger.valueOf(index * 1000 + branch), last == null ? "1" : last.hash()));
            blocks.add(last);
        }
        return blocks;
    }

    /** {@code chain} followed by {@code more}. */
    static List<SealedBlock> concat(List<SealedBlock> chain, List<SealedBlock> more) {
        List<SealedBlock> all = new ArrayList<>(chain);
        all.addAll(more);
        return List.copyOf(all);
    }
}
