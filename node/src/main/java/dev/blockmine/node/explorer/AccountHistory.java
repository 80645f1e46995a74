package dev.blockmine.node.explorer;

import java.util.List;

import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.ledger.Accounts;
import dev.blockmine.node.ledger.Amounts;
import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account's page: the balance as {@code GET /balance} has it, what the index counts, and a page of the blocks that
 * name the id, newest first, each with the id's transactions in it (read from those blocks alone).
 */
final class AccountHistory {

    static final int DEFAULT_PAGE_BLOCKS = 20;
    static final int MAX_PAGE_BLOCKS = 100;

    private final Chain chain;
    private final Accounts accounts;
    private final AccountIndex index;

    AccountHistory(Chain chain, Accounts accounts, AccountIndex index) {
        this.chain = chain;
        this.accounts = accounts;
        this.index = index;
    }

    ObjectNode of(String id, int page, int limit) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        AccountIndex.Summary summary = index.summary(id);
        int[] indices = index.page(id, page, limit);
        BlockList blocks = chain.blocks();
        Accounts.Account account = accounts.of(id);
        ObjectNode json = nodes.objectNode();
        json.put("id", id);
        json.set("balance", Amounts.json(account.balance()));
        json.set("available", Amounts.json(account.available()));
        json.put("blocks_won", summary.won());
        json.put("received", summary.received());
        json.put("sent", summary.sent());
        json.put("blocks", summary.blocks());
        json.put("page", page);
        json.put("limit", limit);
        json.put("pages", Math.max(1, (summary.blocks() + limit - 1) / limit));
        json.put("ledger", accounts.mode().settingValue());
        if (accounts.mode() == LedgerMode.SIGNED) {
            json.put("nonce", accounts.lastNonce(id));
        }
        ArrayNode history = json.putArray("history");
        for (int at : indices) {
            if (at > blocks.size()) {
                continue; // a branch replaced between the two reads: the next page view has it right
            }
            SealedBlock block = blocks.at(at);
            List<Transaction> txs = block.block().transactions();
            for (int i = txs.size() - 1; i >= 0; i--) {
                Transaction tx = txs.get(i);
                boolean reward = Transaction.COINBASE.equals(tx.sender());
                String kind = reward && tx.recipient().equals(id) ? "reward" : tx.recipient().equals(id)
                        ? (tx.sender().equals(id) ? "self" : "received") : tx.sender().equals(id) ? "sent" : null;
                if (kind == null) {
                    continue;
                }
                ObjectNode entry = history.addObject();
                entry.put("block", block.index());
                entry.put("position", i);
                entry.put("timestamp", block.timestamp());
                entry.put("kind", kind);
                entry.set("transaction", CanonicalJson.parse(tx.canonicalJson()));
            }
        }
        return json;
    }
}
