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
        Snapshot snapshot = snapshot();
        NextBlock next = snapshot.next();
        BigDecimal balance = ledger.balance(snapshot.blocks(), id);
        BigDecimal available = balance;
        for (Transaction spend : next.transactions()) {
            if (spend.sender().equals(id)) {
                available = available.subtract(Amounts.exact(spend.amount()));
            }
        }
        return new Account(id, balance, available);
    }

    /** The last nonce {@code address} signed with, in the chain or pending: a wallet signs its next spend with one more. */
    public long lastNonce(String address) {
        Snapshot snapshot = snapshot();
        return ledger.lastNonce(snapshot.blocks(), snapshot.next().transactions(), address);
    }

    private record Snapshot(NextBlock next, List<SealedBlock> blocks) {
    }

    /** The pending spends and the blocks up to their tip, read again while a block comes between the two reads. */
    private Snapshot snapshot() {
        NextBlock next = chain.nextBlock();
        List<SealedBlock> blocks = chain.blocks();
        for (int tries = 0; blocks.getLast() != next.tip() && tries < 10; tries++) {
            next = chain.nextBlock();
            blocks = chain.blocks();
        }
        return new Snapshot(next, blocks);
    }
}
