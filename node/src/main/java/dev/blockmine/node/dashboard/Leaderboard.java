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

/** Coins won per miner, kept up to date block by block rather than recounted over the chain. */
final class Leaderboard {

    record Entry(String miner, long coins) {
    }

    private final Map<String, LongAdder> coins = new ConcurrentHashMap<>();

    Leaderboard(Chain chain) {
        chain.listen(ChainListeners.Turn.BOOKKEEPING, event -> {
            switch (event) {
                case ChainEvent.BlockAppended appended -> count(appended.block());
                case ChainEvent.ChainReplaced replaced -> recount(replaced.chain());
            }
        });
        chain.blocks().forEach(this::count);
    }

    private synchronized void recount(List<SealedBlock> chain) {
        coins.clear();
        chain.forEach(this::count);
    }

    private void count(SealedBlock block) {
        for (Transaction tx : block.block().transactions()) {
            if (Transaction.COINBASE.equals(tx.sender())) {
                coins.computeIfAbsent(tx.recipient(), r -> new LongAdder()).add(tx.amount().longValue());
            }
        }
    }

    List<Entry> top(int count) {
        return coins.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue().sum()))
                .sorted(Comparator.comparingLong(Entry::coins).reversed().thenComparing(Entry::miner)).limit(count).toList();
    }
}
