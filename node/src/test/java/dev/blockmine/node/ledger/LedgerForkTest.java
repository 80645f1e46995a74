package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;

/** The ledger kept block by block, rolled back to a fork point, against a plain recount of the same blocks. */
class LedgerForkTest {

    private static final List<String> IDS = List.of("ana", "bob", "cy", "dee", "eve");

    private final Ledger ledger = new Ledger(LedgerMode.BALANCES);

    /** Blocks after {@code start} (genesis for an empty list), each with a transfer or two and a reward. */
    private static List<SealedBlock> extend(List<SealedBlock> start, int count, long seed) {
        Random random = new Random(seed);
        List<SealedBlock> chain = new ArrayList<>(start);
        if (chain.isEmpty()) {
            chain.add(SealedBlock.of(new Block(1, 1.0, List.of(), BigInteger.valueOf(100), "1")));
        }
        for (int i = 0; i < count; i++) {
            List<Transaction> txs = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                txs.add(new Transaction(IDS.get(random.nextInt(IDS.size())), IDS.get(random.nextInt(IDS.size())),
                        random.nextInt(3) == 0 ? (Number) 0.25 : BigInteger.valueOf(random.nextInt(2))));
            }
            txs.add(Transaction.reward(IDS.get(random.nextInt(IDS.size())) + (random.nextInt(50) == 0 ? "-" + i : "")));
            SealedBlock tip = chain.getLast();
            chain.add(SealedBlock.of(new Block(tip.index() + 1, 2.0, txs, BigInteger.valueOf(i), tip.hash())));
        }
        return chain;
    }

    private static Map<String, BigDecimal> recount(List<SealedBlock> chain) {
        Map<String, BigDecimal> coins = new HashMap<>();
        for (SealedBlock block : chain) {
            for (Transaction tx : block.block().transactions()) {
                BigDecimal amount = Amounts.exact(tx.amount());
                if (!Transaction.COINBASE.equals(tx.sender())) {
                    coins.merge(tx.sender(), amount.negate(), BigDecimal::add);
                }
                coins.merge(tx.recipient(), amount, BigDecimal::add);
            }
        }
        return coins;
    }

    private void assertBalancesMatch(List<SealedBlock> chain) {
        recount(chain).forEach((id, coins) ->
                assertThat(ledger.balance(chain, id)).as("%s after block %d", id, chain.size()).isEqualByComparingTo(coins));
    }

    @Test
    void aForkRollsBackToItsForkPointWhetherShallowOrDeeperThanTheKeptBlocks() {
        List<SealedBlock> main = extend(List.of(), Ledger.RECENT + 500, 1);
        assertBalancesMatch(main);
        for (int depth : List.of(1, 5, 300, Ledger.RECENT + 100)) {
            List<SealedBlock> fork = extend(main.subList(0, main.size() - depth), depth + 2, 100 + depth);
            assertBalancesMatch(fork);
            assertBalancesMatch(main); // and back: the main chain's balances are still found
        }
        List<SealedBlock> longer = extend(main, 3, 7);
        assertBalancesMatch(longer);
    }

    @Test
    void aLookUpReadsFewMapsHoweverManyIdsTheChainHolds() {
        Balances balances = Balances.EMPTY;
        int maxLevels = 0;
        for (int i = 0; i < 20_000; i++) {
            balances = balances.after(new Block(i + 2, 2.0, List.of(Transaction.reward("miner-" + i)), BigInteger.ONE, "x"));
            maxLevels = Math.max(maxLevels, balances.levels());
        }
        assertThat(balances.of("miner-0")).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(balances.of("miner-19999")).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(balances.of("nobody")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(maxLevels).as("levels for 20,000 ids").isLessThanOrEqualTo(2 * 15);
    }
}
