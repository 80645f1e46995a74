package dev.blockmine.node.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import tools.jackson.databind.JsonNode;

/**
 * The course's consensus: the longest valid chain among our peers wins. A foreign chain is adopted only when
 * every block validates (links, proofs, rewards) and is stored exactly as received; length alone never wins.
 */
public final class Consensus {

    private static final Logger log = LoggerFactory.getLogger(Consensus.class);

    /** What a resolution came to. */
    public record Outcome(boolean replaced, List<SealedBlock> chain, List<String> rejected) {
    }

    private final Chain chain;
    private final Peers peers;
    private final PeerClient client;
    private final BlockValidation validation;

    public Consensus(Chain chain, Peers peers, PeerClient client, BlockValidation validation) {
        this.chain = chain;
        this.peers = peers;
        this.client = client;
        this.validation = validation;
    }

    public synchronized Outcome resolve() {
        List<String> rejected = new ArrayList<>();
        List<SealedBlock> best = null;
        for (String peer : peers.all()) {
            try {
                List<JsonNode> theirs = client.chain(peer);
                long ours = best != null ? best.size() : chain.tip().index();
                if (theirs.size() <= ours) {
                    continue;
                }
                Optional<List<SealedBlock>> valid = validated(peer, theirs, rejected);
                if (valid.isPresent()) {
                    best = valid.get();
                }
            } catch (IOException e) {
                rejected.add(peer + ": unreachable (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (best != null && chain.replaceIfLonger(best, Optional.empty())) {
            log.info("Our chain was replaced by a longer valid one: {} blocks", best.size());
            return new Outcome(true, best, rejected);
        }
        return new Outcome(false, chain.blocks(), rejected);
    }

    private Optional<List<SealedBlock>> validated(String peer, List<JsonNode> theirs, List<String> rejected) {
        List<String> problems = validation.problems(theirs);
        if (!problems.isEmpty()) {
            log.warn("Rejected the chain of {} ({} blocks): {}", peer, theirs.size(), problems.getFirst());
            rejected.add(peer + ": " + problems.getFirst());
            return Optional.empty();
        }
        try {
            return Optional.of(theirs.stream().map(SealedBlock::fromJson).toList());
        } catch (IllegalArgumentException e) {
            rejected.add(peer + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
