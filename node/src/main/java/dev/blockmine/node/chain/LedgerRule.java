package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;

/**
 * What the chain asks the ledger about the transactions waiting for the next block, under the chain's lock, so that
 * every block forged here holds only spends that are valid on the block before it. Blocks from elsewhere (peers, the
 * journal) are checked by the ledger before they reach the chain.
 */
public interface LedgerRule {

    /** The course's rule: anything goes. */
    LedgerRule OPEN = new LedgerRule() {
        @Override
        public Optional<String> refusal(List<SealedBlock> blocks, List<Transaction> pending, Transaction transaction) {
            return Optional.empty();
        }

        @Override
        public List<Transaction> stillValid(List<SealedBlock> blocks, List<Transaction> pending) {
            return pending;
        }
    };

    /**
     * Why {@code transaction} may not wait behind {@code pending} for the block after {@code blocks} (read-only, the
     * chain's own list), or empty when it may. Its signature, if any, is checked before: not under the lock.
     */
    Optional<String> refusal(List<SealedBlock> blocks, List<Transaction> pending, Transaction transaction);

    /** After a block made elsewhere moved the tip: those of {@code pending} still valid after {@code blocks}, in order. */
    List<Transaction> stillValid(List<SealedBlock> blocks, List<Transaction> pending);
}
