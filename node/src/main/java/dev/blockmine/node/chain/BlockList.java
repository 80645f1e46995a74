package dev.blockmine.node.chain;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The chain's blocks as an immutable list that is cheap to extend and to cut: blocks sit in chunks of
 * {@value #CHUNK} that later versions share, so a version is taken in O(1) (no copy of a long chain under the lock)
 * and readers walk it without any lock while the chain moves on. An append writes a slot no earlier version can see
 * (each version knows its own size); a replacement after a fork copies only the chunk it cuts into.
 */
public final class BlockList extends AbstractList<SealedBlock> implements RandomAccess {

    static final int CHUNK = 4096;

    private final SealedBlock[][] chunks;
    private final int size;

    private BlockList(SealedBlock[][] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    static BlockList of(List<SealedBlock> blocks) {
        BlockList list = new BlockList(new SealedBlock[0][], 0);
        return list.appendAll(blocks);
    }

    @Override
    public SealedBlock get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return chunks[index / CHUNK][index % CHUNK];
    }

    @Override
    public int size() {
        return size;
    }

    /** The block with this chain index (1 for the genesis block). */
    public SealedBlock at(long index) {
        return get((int) index - 1);
    }

    public SealedBlock tip() {
        return get(size - 1);
    }

    /**
     * This list with {@code block} after its last. Only the owner of the newest version may append (the chain, under
     * its lock): the slot written is past every earlier version's size, so none of them sees it.
     */
    BlockList append(SealedBlock block) {
        SealedBlock[][] next = chunks;
        int chunk = size / CHUNK;
        if (chunk == chunks.length) {
            next = Arrays.copyOf(chunks, chunk + 1);
            next[chunk] = new SealedBlock[CHUNK];
        }
        next[chunk][size % CHUNK] = block;
        return new BlockList(next, size + 1);
    }

    BlockList appendAll(List<SealedBlock> blocks) {
        BlockList list = this;
        for (SealedBlock block : blocks) {
            list = list.append(block);
        }
        return list;
    }

    /**
     * The first {@code keep} blocks of this list, ready to be appended to: the chunk cut into is copied, so the
     * blocks this version holds after the cut stay as they are for its readers.
     */
    BlockList cut(int keep) {
        if (keep < 0 || keep > size) {
            throw new IndexOutOfBoundsException(keep + " of " + size);
        }
        int full = keep / CHUNK;
        SealedBlock[][] next = Arrays.copyOf(chunks, full + (keep % CHUNK == 0 ? 0 : 1));
        if (keep % CHUNK != 0) {
            next[full] = Arrays.copyOf(chunks[full], CHUNK);
            Arrays.fill(next[full], keep % CHUNK, CHUNK, null);
        }
        return new BlockList(next, keep);
    }

    /** The blocks with chain indices {@code from} to {@code to}, both included (a view of this version). */
    public List<SealedBlock> range(long from, long to) {
        return subList((int) from - 1, (int) to);
    }
}
