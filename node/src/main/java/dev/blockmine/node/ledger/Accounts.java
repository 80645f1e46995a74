package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.List;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;

/** Balances as clients read them: confirmed in the chain, and what is left after the spends still pending. */
public final class Accounts {

    /**
     * @param balance coins received minus coins sent in the chain
     * @param available the balance minus the id's spends waiting for the next block
     */
    public record Account(String id, BigDecimal balance, BigDecimal available) {
    }

    private final Chain chain;
    private final Ledger ledger;

    public Accounts(Chain chain, Ledger ledger) {
        this.chain = chain;
        this.ledger = ledger;
    }

    public LedgerMode mode() {
        return ledger.mode();
    }

    public Account of(String id) {
        NextBlock next = chain.nextBlock();
        List<SealedBlock> blocks = chain.blocks();
        for (int tries = 0; blocks.getLast() != next.tip() && tries < 10; tries++) { // a block came between the reads
            next = chain.nextBlock();
            blocks = chain.blocks();
        }
        BigDecimal balance = ledger.balance(blocks, id);
        BigDecimal available = balance;
        for (Transaction spend : next.transactions()) {
            if (spend.sender().equals(id)) {
                available = available.subtract(Amounts.exact(spend.amount()));
            }
        }
        return new Account(id, balance, available);
    }
}
