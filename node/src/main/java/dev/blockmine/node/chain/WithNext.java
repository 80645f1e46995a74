package dev.blockmine.node.chain;

import java.util.AbstractList;
import java.util.List;

/** A chain with one more block, as the ledger reads it before the block is appended (a view, nothing copied). */
final class WithNext extends AbstractList<SealedBlock> {

    private final List<SealedBlock> blocks;
    private final SealedBlock next;

    WithNext(List<SealedBlock> blocks, SealedBlock next) {
        this.blocks = blocks;
        this.next = next;
    }

    @Override
    public SealedBlock get(int index) {
        return index == blocks.size() ? next : blocks.get(index);
    }

    @Override
    public int size() {
        return blocks.size() + 1;
    }
}
