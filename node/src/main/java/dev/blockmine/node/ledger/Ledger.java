package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.ChainRule;
import dev.blockmine.node.chain.LedgerRule;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;

/**
 * The ledger under the node's mode: what each id holds, whether a spend may wait for the next block, and whether a
 * foreign chain or block keeps the rules (no balance ever negative; under {@code signed}, signatures and nonces).
 * What the chain holds is computed once per tip and extended block by block.
 */
public final class Ledger implements LedgerRule, ChainRule {

    /** The balances after a tip: never changed once made. */
    private record AtTip(SealedBlock tip, Balances balances) {
    }

    private final LedgerMode mode;
    private final SpendRule rule;
    private volatile AtTip cached;

    public Ledger(LedgerMode mode) {
        this.mode = mode;
        this.rule = new SpendRule(mode);
    }

    public LedgerMode mode() {
        return mode;
    }

    /** Why the spend is wrong whoever sends it (amount, signature), or empty: checked before it meets the chain. */
    public Optional<String> problemAlone(Transaction spend) {
        return rule.problemAlone(spend);
    }

    @Override
    public Optional<String> refusal(List<SealedBlock> blocks, List<Transaction> pending, Transaction spend) {
        if (mode == LedgerMode.OPEN) {
            return Optional.empty();
        }
        Balances confirmed = at(blocks);
        BigDecimal spent = BigDecimal.ZERO;
        long lastNonce = confirmed.lastNonce(spend.sender());
        for (Transaction waiting : pending) {
            if (waiting.sender().equals(spend.sender())) {
                spent = spent.add(Amounts.exact(waiting.amount()));
                lastNonce = Math.max(lastNonce, waiting.signed() == null ? 0 : waiting.signed().nonce());
            }
        }
        return rule.problemOn(confirmed.of(spend.sender()).subtract(spent), lastNonce, spend);
    }

    @Override
    public List<Transaction> stillValid(List<SealedBlock> blocks, List<Transaction> pending) {
        if (mode == LedgerMode.OPEN) {
            return pending;
        }
        Balances confirmed = at(blocks);
        Map<String, BigDecimal> spent = new HashMap<>();
        Map<String, Long> nonces = new HashMap<>();
        List<Transaction> valid = new ArrayList<>(pending.size());
        for (Transaction waiting : pending) {
            String sender = waiting.sender();
            BigDecimal before = spent.getOrDefault(sender, BigDecimal.ZERO);
            long lastNonce = nonces.getOrDefault(sender, confirmed.lastNonce(sender));
            if (rule.problemOn(confirmed.of(sender).subtract(before), lastNonce, waiting).isEmpty()) {
                spent.put(sender, before.add(Amounts.exact(waiting.amount())));
                nonces.put(sender, waiting.signed() == null ? lastNonce : waiting.signed().nonce());
                valid.add(waiting);
            }
        }
        return valid;
    }

    /** The last nonce {@code address} signed with: in {@code blocks}, or in a spend of {@code pending}; 0 for none. */
    public long lastNonce(List<SealedBlock> blocks, List<Transaction> pending, String address) {
        long last = at(blocks).lastNonce(address);
        for (Transaction waiting : pending) {
            if (waiting.sender().equals(address) && waiting.signed() != null) {
                last = Math.max(last, waiting.signed().nonce());
            }
        }
        return last;
    }

    /** What {@code id} holds after the last of {@code blocks}. */
    public BigDecimal balance(List<SealedBlock> blocks, String id) {
        return at(blocks).of(id);
    }

    /**
     * A walk along a chain from elsewhere (a peer's, the journal), whose links, proofs and rewards the block validation
     * has checked: every spend must be covered by what its sender held at that point (and, under {@code signed},
     * signed with a nonce above the sender's last).
     */
    @Override
    public ChainRule.Walk start(List<SealedBlock> before) {
        if (mode == LedgerMode.OPEN) {
            return block -> null;
        }
        Balances balances = before.isEmpty() ? new Balances() : at(before).copy();
        return block -> {
            Block parsed;
            try {
                parsed = Block.fromJson(block);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return applyChecked(balances, parsed).map(problem -> problem.contains("(node.ledger=") ? problem
                    : problem + " (node.ledger=" + mode.settingValue() + ")")
                    .orElse(null);
        };
    }

    private Optional<String> applyChecked(Balances balances, Block block) {
        for (Transaction transaction : block.transactions()) {
            if (!Transaction.COINBASE.equals(transaction.sender())) {
                Optional<String> problem = rule.problemAlone(transaction)
                        .or(() -> rule.problemOn(balances.of(transaction.sender()),
                                balances.lastNonce(transaction.sender()), transaction));
                if (problem.isPresent()) {
                    return problem;
                }
            }
            balances.apply(transaction);
        }
        return Optional.empty();
    }

    /** The balances after the last of {@code blocks}: from the cache, extended, or counted anew after a replacement. */
    private Balances at(List<SealedBlock> blocks) {
        SealedBlock tip = blocks.getLast();
        AtTip known = cached;
        if (known != null && known.tip() == tip) {
            return known.balances();
        }
        Balances balances;
        int from;
        int knownAt = known == null ? -1 : (int) known.tip().index() - 1;
        if (knownAt >= 0 && knownAt < blocks.size() && blocks.get(knownAt) == known.tip()) {
            balances = known.balances().copy();
            from = knownAt + 1;
        } else {
            balances = new Balances();
            from = 0;
        }
        for (SealedBlock block : blocks.subList(from, blocks.size())) {
            balances.apply(block.block());
        }
        cached = new AtTip(tip, balances);
        return balances;
    }
}
