package dev.blockmine.node.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;

/**
 * Coins won per miner, kept up to date block by block rather than recounted over the chain: a replaced branch takes
 * its rewards back and the new one adds its own, so a fork costs its own blocks, not the chain's.
 */
final class Leaderboard {

    record Entry(String miner, long coins) {
    }

    private final Map<String, LongAdder> coins = new ConcurrentHashMap<>();

    Leaderboard(Chain chain) {
        chain.listen(ChainListeners.Turn.BOOKKEEPING, event -> {
            switch (event) {
                case ChainEvent.BlockAppended appended -> count(appended.block(), 1);
                case ChainEvent.ChainReplaced replaced -> {
                    replaced.removed().forEach(block -> count(block, -1));
                    replaced.added().forEach(block -> count(block, 1));
                }
            }
        });
        chain.blocks().forEach(block -> count(block, 1));
    }

    /** Adds ({@code sign} 1) or takes back (-1) the block's rewards. */
    private void count(SealedBlock block, int sign) {
        for (Transaction tx : block.block().transactions()) {
            if (Transaction.COINBASE.equals(tx.sender())) {
                coins.computeIfAbsent(tx.recipient(), r -> new LongAdder()).add(sign * tx.amount().longValue());
            }
        }
    }

    List<Entry> top(int count) {
        return coins.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue().sum())).filter(e -> e.coins() > 0)
                .sorted(Comparator.comparingLong(Entry::coins).reversed().thenComparing(Entry::miner)).limit(count).toList();
    }
}
