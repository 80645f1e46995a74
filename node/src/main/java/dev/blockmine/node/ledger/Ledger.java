package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.Checkpoint;
import dev.blockmine.node.chain.DerivedState;
import dev.blockmine.node.chain.ChainRule;
import dev.blockmine.node.chain.LedgerRule;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * The ledger under the node's mode: what each id holds, whether a spend may wait for the next block, and whether a
 * foreign chain or block keeps the rules (no balance ever negative; under {@code signed}, signatures and nonces).
 * What the chain holds is kept for each of the last {@value #RECENT} blocks and extended block by block, so a
 * look-up costs the same on a chain of any length and a fork rolls back to the balances kept for its fork point;
 * only a fork deeper than that (or the first look-up after a start) counts from the genesis block.
 */
public final class Ledger implements LedgerRule, ChainRule, DerivedState {

    /** How many blocks back the balances are kept: a fork this deep is not recounted. */
    static final int RECENT = 1024;

    /** The balances after a block: never changed once made. */
    private record AtTip(SealedBlock tip, Balances balances) {
    }

    private final LedgerMode mode;
    private final SpendRule rule;
    /** recent[i % RECENT]: the balances after the block of index i, if still known; guarded by itself. */
    private final AtTip[] recent = new AtTip[RECENT];
    /** Where the balances a checkpoint saved stand (by hash: that block object is made later), and the balances. */
    private final Checkpoint checkpoint;
    private final Balances saved;

    public Ledger(LedgerMode mode) {
        this(mode, Checkpoint.NONE);
    }

    /** A ledger that takes up the balances {@code checkpoint} saved, if the chain still holds its block. */
    public Ledger(LedgerMode mode, Checkpoint checkpoint) {
        this.mode = mode;
        this.rule = new SpendRule(mode);
        JsonNode state = checkpoint.states().get(name());
        this.checkpoint = checkpoint;
        this.saved = state == null ? null : Balances.fromJson(state);
    }

    @Override
    public String name() {
        return "ledger";
    }

    /**
     * Keeps the balances of {@code chain}'s recent blocks up to date as it changes, on a background listener's thread
     * (and once now, for the chain as it was loaded): a look-up, a spend's check or a peer's branch validated on top
     * of our tip then finds them kept instead of counting the chain from its genesis block (a million blocks take
     * seconds, longer than the deadline of the peer exchange that asks).
     */
    public void follow(Chain chain) {
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> at(chain.blocks()));
        Thread.ofVirtual().name("ledger-catch-up").start(() -> at(chain.blocks()));
    }

    @Override
    public Optional<JsonNode> stateAt(SealedBlock tip, BlockList chain) {
        return Optional.of(at(chain.range(1, tip.index())).toJson());
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
        Balances[] balances = {before.isEmpty() ? Balances.EMPTY : at(before)};
        return block -> {
            Block parsed;
            try {
                parsed = Block.fromJson(block);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            Balances.Changes changes = balances[0].change();
            Optional<String> found = applyChecked(changes, parsed);
            if (found.isEmpty()) {
                balances[0] = changes.done();
            }
            return found.map(problem -> problem.contains("(node.ledger=") ? problem
                    : problem + " (node.ledger=" + mode.settingValue() + ")")
                    .orElse(null);
        };
    }

    private Optional<String> applyChecked(Balances.Changes balances, Block block) {
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

    /**
     * The balances after the last of {@code blocks} (a chain whose earlier blocks this ledger may have seen): those
     * kept for it, or extended from the newest block of it whose balances are kept, or counted from its genesis block.
     */
    private Balances at(List<SealedBlock> blocks) {
        synchronized (recent) {
            int size = blocks.size();
            int known = size;
            Balances balances = null;
            for (; known > 0 && known > size - RECENT; known--) {
                AtTip kept = recent[known % RECENT];
                if (kept != null && kept.tip() == blocks.get(known - 1)) {
                    balances = kept.balances();
                    break;
                }
            }
            if (balances == null) {
                boolean fromSaved = saved != null && checkpoint.vouchesFor(blocks);
                known = fromSaved ? (int) checkpoint.height() : 0;
                balances = fromSaved ? saved : Balances.EMPTY;
            }
            for (int i = known; i < size; i++) {
                SealedBlock block = blocks.get(i);
                balances = balances.after(block.block());
                if (i >= size - RECENT) {
                    recent[(i + 1) % RECENT] = new AtTip(block, balances);
                }
            }
            return balances;
        }
    }
}
