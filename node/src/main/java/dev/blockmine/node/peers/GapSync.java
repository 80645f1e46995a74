package dev.blockmine.node.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * One sync with one peer, by the gap, as Bitcoin's headers-first sync: find where the two chains meet, then fetch
 * only the blocks after that point, in pages, each block validated as it streams in on top of the state we hold at the
 * fork point, and adopt them once they make a longer chain (at once when we were only behind). A sync one block
 * behind is one request of about two blocks; a fork a few blocks deep costs those blocks, never the whole chain.
 * <p>
 * The meeting point is found by asking for single blocks at heights spaced exponentially back from our tip (a block
 * locator, asked one height at a time), so a fork d blocks deep costs O(log d) small requests and at most 2d blocks.
 * A node that does not page (the course's) sends its whole chain to the first request: it is read the same way, the
 * shared blocks skipped as they stream past.
 */
final class GapSync {

    /** Blocks asked for in one page. */
    static final int PAGE = 500;

    /** What a sync came to: blocks adopted from the peer (0: ours was as long or longer). */
    record Result(long adopted, long peerLength) {
    }

    private final Chain chain;
    private final BlockValidation validation;
    private final PeerClient client;
    private final String peer;

    private BlockList ours;
    /** The last block the peer's chain and ours share, once found; -1 while still looking. */
    private long fork = -1;
    private BlockValidation.Walk walk;
    /** The peer's blocks after {@link #fork} not adopted yet, validated. */
    private final List<SealedBlock> branch = new ArrayList<>();
    private long adopted;
    /** Whether answers are probes at heights of our chain, rather than pages read in order from the meeting point. */
    private boolean probing;
    /** The index the next block of the answer being read must have. */
    private long expected;
    private int taken;
    private int limit;

    GapSync(Chain chain, BlockValidation validation, PeerClient client, String peer) {
        this.chain = chain;
        this.validation = validation;
        this.client = client;
        this.peer = peer;
    }

    Result run() throws IOException, InterruptedException {
        ours = chain.blocks();
        long tip = ours.size();
        probing = true;
        // the page from our tip: one block behind, this is the whole sync
        ChainReader.End end = page(tip, PAGE);
        if (end.from().isPresent() && walk == null) {
            if (end.length() <= tip) {
                return new Result(0, end.length()); // not longer than ours: nothing to take
            }
            for (long step = 1; fork < 0; step *= 2) { // our tip is not on its chain: look further back
                long probe = Math.max(1, tip - step);
                if (page(probe, 1).blocks() == 0) {
                    throw new ChainReader.InvalidChain("it has no block " + probe + " though its chain is longer");
                }
            }
            probing = false;
            if (walk == null) {
                end = page(fork + 1, PAGE); // from the meeting point: blocks still shared are skipped as they pass
            }
        }
        while (true) {
            settle();
            if (end.from().isEmpty() || end.blocks() == 0 || expected > end.length()) {
                return new Result(adopted, end.length()); // a whole chain (no paging) is read in one answer
            }
            end = page(expected, PAGE);
        }
    }

    /** Reads one answer into {@link #accept}. */
    private ChainReader.End page(long from, int most) throws IOException, InterruptedException {
        expected = from;
        taken = 0;
        limit = most;
        ChainReader.End end = client.chain(peer, from, most, this::accept);
        if (end.from().isPresent() && end.from().getAsLong() != from) {
            throw new ChainReader.InvalidChain("asked for blocks from " + from + ", got a page from " + end.from().getAsLong());
        }
        return end;
    }

    /** One block of an answer: skipped while it is ours, then validated onto the branch. */
    private void accept(JsonNode block) throws IOException {
        long index = block.path("index").isIntegralNumber() ? block.path("index").asLong() : -1;
        if (taken == 0 && index == 1 && expected > 1) {
            expected = 1; // a node that does not page: its whole chain, from the genesis block
            limit = Integer.MAX_VALUE;
            probing = false;
        }
        if (index != expected) {
            throw new ChainReader.InvalidChain("block #" + expected + ": index is " + block.path("index"));
        }
        if (++taken > limit) {
            throw new ChainReader.InvalidChain("the page holds more than the " + limit + " blocks asked for");
        }
        expected++;
        if (walk == null) {
            if (index <= ours.size() && ours.at(index).blockString().equals(CanonicalJson.encode(block))) {
                fork = index; // still on our chain
                return;
            }
            if (fork < 0 && index == 1) {
                fork = 0; // not even the genesis block is shared: the whole chain is the branch
            } else if (fork < 0 && probing) {
                return; // not on our chain: the meeting point is further back
            } else if (index != fork + 1) {
                throw new ChainReader.InvalidChain("block #" + index + " does not follow the shared block #" + fork);
            }
            startWalk();
        }
        List<String> problems = walk.next(block);
        if (!problems.isEmpty()) {
            throw new ChainReader.InvalidChain(problems.getFirst());
        }
        try {
            branch.add(SealedBlock.fromJson(block));
        } catch (IllegalArgumentException e) {
            throw new ChainReader.InvalidChain(e.getMessage());
        }
        if (branch.size() >= PAGE && fork + branch.size() > chain.tip().index()) {
            settle(); // a node that does not page: adopt as we go, so the branch held stays one page
        }
    }

    private void startWalk() {
        walk = fork == 0 ? validation.fromGenesis() : validation.after(ours.range(1, fork));
    }

    /** Adopts the branch once it makes a chain longer than ours. */
    private void settle() {
        if (branch.isEmpty() || fork + branch.size() <= chain.tip().index()) {
            return;
        }
        if (chain.adoptBranch(fork, branch, Optional.of(peer))) {
            fork += branch.size();
            adopted += branch.size();
            branch.clear();
            ours = chain.blocks();
        }
    }
}
