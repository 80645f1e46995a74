package dev.blockmine.node.dashboard;

import java.util.List;
import java.util.function.IntSupplier;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.mining.HashrateEstimate;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the dashboard shows, as one JSON object, read from its sources at each {@link #snapshot()}.
 *
 * @param tcpMiners binary-protocol miners connected
 * @param tcpZeroBits the binary jobs' current target
 * @param ledger what spends must satisfy (node.ledger), shown so a class knows whether coins mean anything
 */
record DashboardSnapshots(Chain chain, ProofRule rule, MinerActivity activity, Leaderboard leaderboard, IntSupplier tcpMiners,
        IntSupplier tcpZeroBits, LedgerMode ledger) {

    static final int RECENT_BLOCKS = 10;
    static final int CHART_BLOCKS = 30;
    static final int WINNERS = 10;

    ObjectNode snapshot() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<SealedBlock> recent = chain.lastBlocks(CHART_BLOCKS + 1);
        ObjectNode json = nodes.objectNode();
        json.put("height", recent.getLast().index());
        json.put("difficulty", rule.hexZeros());
        json.put("hashrate", HashrateEstimate.triesPerSecond(recent, rule));
        json.put("miners", activity.active());
        json.put("tcp_miners", tcpMiners.getAsInt());
        json.put("tcp_zero_bits", tcpZeroBits.getAsInt());
        json.putObject("ledger").put("mode", ledger.settingValue()).put("description", ledger.description());
        ArrayNode blocks = json.putArray("blocks");
        for (int i = recent.size() - 1; i >= Math.max(0, recent.size() - RECENT_BLOCKS); i--) {
            SealedBlock sealed = recent.get(i);
            Block block = sealed.block();
            List<Transaction> txs = block.transactions();
            blocks.addObject().put("index", sealed.index()).put("timestamp", block.timestamp())
                    .put("miner", txs.isEmpty() ? "" : txs.getLast().recipient()).put("protocol", sealed.protocol())
                    .put("proof", block.proof().toString());
        }
        ArrayNode intervals = json.putArray("intervals");
        for (int i = 1; i < recent.size(); i++) {
            intervals.addObject().put("index", recent.get(i).index())
                    .put("seconds", recent.get(i).block().timestamp() - recent.get(i - 1).block().timestamp());
        }
        ArrayNode winners = json.putArray("winners");
        leaderboard.top(WINNERS).forEach(e -> winners.addObject().put("miner", e.miner()).put("coins", e.coins()));
        return json;
    }
}
