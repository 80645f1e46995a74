package dev.blockmine.node.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Checkpoint;
import dev.blockmine.node.chain.DerivedState;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coins won per miner, kept up to date block by block rather than recounted over the chain: a replaced branch takes
 * its rewards back and the new one adds its own, so a fork costs its own blocks, not the chain's.
 */
final class Leaderboard implements DerivedState {

    record Entry(String miner, long coins) {
    }

    private final Map<String, LongAdder> coins = new ConcurrentHashMap<>();
    /** The block the counts are at; guarded by this. */
    private SealedBlock counted;

    /** Counts the chain's rewards, from where {@code checkpoint} left them if the chain still holds its block. */
    Leaderboard(Chain chain, Checkpoint checkpoint) {
        chain.listen(ChainListeners.Turn.BOOKKEEPING, event -> {
            synchronized (this) {
                switch (event) {
                    case ChainEvent.BlockAppended appended -> count(appended.block(), 1);
                    case ChainEvent.ChainReplaced replaced -> {
                        replaced.removed().forEach(block -> count(block, -1));
                        replaced.added().forEach(block -> count(block, 1));
                    }
                }
                counted = event.tip();
            }
        });
        synchronized (this) {
            BlockList blocks = chain.blocks();
            Optional<JsonNode> saved = checkpoint.state(name(), blocks);
            saved.ifPresent(state -> state.properties().forEach(entry ->
                    coins.computeIfAbsent(entry.getKey(), miner -> new LongAdder()).add(entry.getValue().longValue())));
            long from = saved.isPresent() ? checkpoint.height() + 1 : 1;
            blocks.range(from, blocks.size()).forEach(block -> count(block, 1));
            counted = blocks.tip();
        }
    }

    @Override
    public String name() {
        return "leaderboard";
    }

    /** The coins won per miner after {@code tip}, if that is where the counts are. */
    @Override
    public synchronized Optional<JsonNode> stateAt(SealedBlock tip, BlockList chain) {
        if (counted == null || !counted.equals(tip)) {
            return Optional.empty();
        }
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        coins.forEach((miner, won) -> {
            if (won.sum() != 0) {
                state.put(miner, won.sum());
            }
        });
        return Optional.of(state);
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
