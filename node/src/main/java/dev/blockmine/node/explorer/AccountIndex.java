package dev.blockmine.node.explorer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;

/**
 * Where each id appears in the chain, kept block by block so that an account's page never scans the chain: per id the
 * indices of the blocks that name it (ascending, one int each) and its counts of blocks won, transactions received
 * and sent. The transactions themselves stay in the blocks and are read when a page is shown. A replaced branch takes
 * its entries back (they are the newest of each id, so they come off the end) and the new branch adds its own.
 */
final class AccountIndex {

    /** What the index knows of one id at one moment. */
    record Summary(int blocks, int won, int received, int sent) {

        static final Summary NONE = new Summary(0, 0, 0, 0);
    }

    /** One id's entries; guarded by the index. */
    private static final class Entry {

        private int[] blocks = new int[2];
        private int size;
        private int won;
        private int received;
        private int sent;

        void add(int index) {
            if (size > 0 && blocks[size - 1] == index) {
                return; // several transactions of one block: the block once
            }
            if (size == blocks.length) {
                blocks = Arrays.copyOf(blocks, size * 2);
            }
            blocks[size++] = index;
        }

        void remove(int index) {
            if (size > 0 && blocks[size - 1] == index) {
                size--;
            }
        }

        boolean empty() {
            return size == 0 && won == 0 && received == 0 && sent == 0;
        }
    }

    private final Map<String, Entry> ids = new HashMap<>();
    /** The height the index is at: events for blocks it already counted at start are skipped. */
    private long height;

    /** Indexes the chain as it is, then follows it: before a miner is answered, so its page is already up to date. */
    AccountIndex(Chain chain) {
        chain.listen(ChainListeners.Turn.BOOKKEEPING, this::heard);
        synchronized (this) {
            BlockList blocks = chain.blocks();
            for (SealedBlock block : blocks) {
                count(block, 1);
            }
            height = blocks.size();
        }
    }

    private synchronized void heard(ChainEvent event) {
        switch (event) {
            case ChainEvent.BlockAppended appended -> {
                if (appended.block().index() > height) {
                    count(appended.block(), 1);
                }
            }
            case ChainEvent.ChainReplaced replaced -> {
                List<SealedBlock> removed = replaced.removed();
                for (int i = removed.size() - 1; i >= 0; i--) { // newest first: each comes off the end of its ids
                    if (removed.get(i).index() <= height) {
                        count(removed.get(i), -1);
                    }
                }
                replaced.added().forEach(block -> count(block, 1));
            }
        }
        height = event.tip().index();
    }

    /** Adds ({@code sign} 1) or takes back (-1) the block's transactions. */
    private void count(SealedBlock block, int sign) {
        int index = Math.toIntExact(block.index());
        List<Transaction> transactions = block.block().transactions();
        for (int i = sign > 0 ? 0 : transactions.size() - 1; i >= 0 && i < transactions.size(); i += sign) {
            Transaction tx = transactions.get(i);
            Entry recipient = entry(tx.recipient());
            if (Transaction.COINBASE.equals(tx.sender())) {
                recipient.won += sign;
            } else {
                recipient.received += sign;
                Entry sender = entry(tx.sender());
                sender.sent += sign;
                mark(tx.sender(), sender, index, sign);
            }
            mark(tx.recipient(), recipient, index, sign);
        }
    }

    private Entry entry(String id) {
        return ids.computeIfAbsent(id, any -> new Entry());
    }

    private void mark(String id, Entry entry, int index, int sign) {
        if (sign > 0) {
            entry.add(index);
        } else {
            entry.remove(index);
            if (entry.empty()) {
                ids.remove(id);
            }
        }
    }

    synchronized Summary summary(String id) {
        Entry entry = ids.get(id);
        return entry == null ? Summary.NONE : new Summary(entry.size, entry.won, entry.received, entry.sent);
    }

    /**
     * A page of the blocks that name {@code id}, newest first: page 1 is the newest {@code size} of them.
     *
     * @return their indices, newest first (empty past the last page)
     */
    synchronized int[] page(String id, int page, int size) {
        Entry entry = ids.get(id);
        if (entry == null) {
            return new int[0];
        }
        long end = entry.size - (long) (page - 1) * size; // exclusive, counted from the oldest
        if (end <= 0) {
            return new int[0];
        }
        int start = (int) Math.max(0, end - size);
        int[] out = new int[(int) end - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = entry.blocks[(int) end - 1 - i];
        }
        return out;
    }

    /** Ids the index holds: for the tests and the growth benchmark. */
    synchronized int ids() {
        return ids.size();
    }
}
