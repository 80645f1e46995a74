package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.Transaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every id holds after some blocks: coins received minus coins sent, and the last nonce each signing sender
 * used. A snapshot never changes: {@link #after} makes the next one and shares all but the block's changes with
 * this one, so the balances after every recent block are kept at once (a fork rolls back to one of them) and a
 * snapshot costs what its block changed, not what the ledger holds.
 * <p>
 * The changes sit in levels, newest first, each at least twice the size of the one before it (Bentley and Saxe's
 * logarithmic method): a look-up reads O(log ids) maps, and each id is copied O(log ids) times in all as levels merge.
 */
final class Balances {

    /** One id's coins and last nonce. */
    record Holding(BigDecimal coins, long lastNonce) {
        static final Holding NONE = new Holding(BigDecimal.ZERO, 0);
    }

    static final Balances EMPTY = new Balances(List.of());

    /** Never changed once made; newest first. */
    private final List<Map<String, Holding>> levels;

    private Balances(List<Map<String, Holding>> levels) {
        this.levels = levels;
    }

    Holding holding(String id) {
        for (Map<String, Holding> level : levels) {
            Holding holding = level.get(id);
            if (holding != null) {
                return holding;
            }
        }
        return Holding.NONE;
    }

    BigDecimal of(String id) {
        return holding(id).coins();
    }

    /** The last nonce {@code id} signed with, 0 before its first signed spend. */
    long lastNonce(String id) {
        return holding(id).lastNonce();
    }

    /** The balances after {@code block} too. */
    Balances after(Block block) {
        Changes changes = change();
        block.transactions().forEach(changes::apply);
        return changes.done();
    }

    /** A block's changes being made on top of these balances (a walk checks each spend before it applies it). */
    Changes change() {
        return new Changes();
    }

    final class Changes {

        private final Map<String, Holding> changed = new HashMap<>();

        Holding holding(String id) {
            Holding holding = changed.get(id);
            return holding != null ? holding : Balances.this.holding(id);
        }

        BigDecimal of(String id) {
            return holding(id).coins();
        }

        long lastNonce(String id) {
            return holding(id).lastNonce();
        }

        /** Moves the amount; rewards (sender "0") are new coins, taken from no one. */
        void apply(Transaction transaction) {
            BigDecimal amount = Amounts.exact(transaction.amount());
            if (!Transaction.COINBASE.equals(transaction.sender())) {
                Holding sender = holding(transaction.sender());
                long nonce = transaction.signed() == null ? sender.lastNonce()
                        : Math.max(sender.lastNonce(), transaction.signed().nonce());
                changed.put(transaction.sender(), new Holding(sender.coins().subtract(amount), nonce));
            }
            Holding recipient = holding(transaction.recipient());
            changed.put(transaction.recipient(), new Holding(recipient.coins().add(amount), recipient.lastNonce()));
        }

        /** The balances with these changes: a new level, merged with the older ones it is not much smaller than. */
        Balances done() {
            Map<String, Holding> newest = changed;
            int older = 0;
            while (older < levels.size() && newest.size() * 2 >= levels.get(older).size()) {
                Map<String, Holding> merged = new HashMap<>(levels.get(older));
                merged.putAll(newest);
                newest = merged;
                older++;
            }
            List<Map<String, Holding>> next = new ArrayList<>(levels.size() - older + 1);
            next.add(newest);
            next.addAll(levels.subList(older, levels.size()));
            return new Balances(List.copyOf(next));
        }
    }

    /** Every id's holding, as a checkpoint saves it: {@code {"id": ["coins", lastNonce]}}, coins exact. */
    JsonNode toJson() {
        Map<String, Holding> all = new HashMap<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            all.putAll(levels.get(i));
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        all.forEach((id, holding) -> json.putArray(id).add(holding.coins().toPlainString()).add(holding.lastNonce()));
        return json;
    }

    static Balances fromJson(JsonNode json) {
        Map<String, Holding> all = new HashMap<>();
        json.properties().forEach(entry -> all.put(entry.getKey(),
                new Holding(new BigDecimal(entry.getValue().get(0).stringValue()), entry.getValue().get(1).longValue())));
        return new Balances(List.of(all));
    }

    /** How many maps a look-up may read (for tests of the bound). */
    int levels() {
        return levels.size();
    }

    @Override
    public String toString() {
        return "Balances" + Arrays.toString(levels.stream().mapToInt(Map::size).toArray());
    }
}
