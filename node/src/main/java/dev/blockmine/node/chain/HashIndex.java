package dev.blockmine.node.chain;

import java.util.Optional;

/**
 * Finds a block of the chain by its hash in O(1), for 8 bytes a block: an open-addressing table of block indices
 * keyed by the hash's first 32 bits. An entry is only a hint, checked against the chain's version it is asked about,
 * so entries of blocks a fork replaced are harmless; they are dropped when the table is rebuilt from the chain as it
 * fills. Written under the chain's lock, read without it.
 */
final class HashIndex {

    /** slots[i]: a block's index + 1, 0 for an empty slot. */
    private volatile int[] slots = new int[1024];
    private int used;

    /** Adds {@code block} (under the chain's lock); {@code chain} is the version it belongs to, for a rebuild. */
    void add(SealedBlock block, BlockList chain) {
        if ((used + 1) * 2 > slots.length) {
            rebuild(chain);
            return; // the rebuild added every block of the chain, this one included
        }
        put(slots, block);
        used++;
    }

    /** Indexes exactly the blocks of {@code chain} (under the chain's lock). */
    void rebuild(BlockList chain) {
        int[] next = new int[Integer.highestOneBit(Math.max(1024, chain.size() * 4) - 1) << 1];
        for (SealedBlock block : chain) {
            put(next, block);
        }
        used = chain.size();
        slots = next;
    }

    private static void put(int[] table, SealedBlock block) {
        int mask = table.length - 1;
        for (int i = spread(block.hashPrefix()) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = (int) block.index();
                return;
            }
        }
    }

    /** The block of {@code chain} with this hash, if it has one. */
    Optional<SealedBlock> find(String hash, BlockList chain) {
        int[] table = slots;
        int mask = table.length - 1;
        for (int i = key(hash) & mask, probes = 0; probes < table.length; i = (i + 1) & mask, probes++) {
            int index = table[i];
            if (index == 0) {
                return Optional.empty();
            }
            if (index <= chain.size() && chain.at(index).hasHash(hash)) {
                return Optional.of(chain.at(index));
            }
        }
        return Optional.empty();
    }

    private static int key(String hash) {
        return spread(Integer.parseUnsignedInt(hash, 0, 8, 16));
    }

    private static int spread(int hashPrefix) {
        return hashPrefix * 0x9E3779B1;
    }
}
