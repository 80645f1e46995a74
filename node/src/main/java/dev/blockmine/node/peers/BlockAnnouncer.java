package dev.blockmine.node.peers;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;

/**
 * Announces every block appended here to every peer, each on its own virtual thread so that a slow or dead
 * peer never delays mining. A peer that does not answer is retried with back-off (1 s doubling) a few times;
 * after that it catches up by resolving, as any node that sees a gap does.
 */
public final class BlockAnnouncer {

    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(BlockAnnouncer.class);

    private final Chain chain;
    private final Peers peers;
    private final PeerClient client;
    private final Duration firstRetry;

    public BlockAnnouncer(Chain chain, Peers peers, PeerClient client, Duration firstRetry) {
        this.chain = chain;
        this.peers = peers;
        this.client = client;
        this.firstRetry = firstRetry;
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> {
            if (event instanceof ChainEvent.BlockAppended appended) {
                announce(appended.block());
            }
        });
    }

    private void announce(SealedBlock block) {
        for (String peer : peers.all()) {
            Thread.ofVirtual().name("announce-" + block.index()).start(() -> deliver(peer, block));
        }
    }

    private void deliver(String peer, SealedBlock block) {
        Duration wait = firstRetry;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = client.announce(peer, block.blockString());
                if (status < 500) {
                    return; // accepted, known, or refused on its merits: nothing a retry would change
                }
            } catch (IOException e) {
                log.debug("Peer {} did not take block {} (attempt {}): {}", peer, block.index(), attempt, e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            if (chain.tip().index() > block.index() + 1) {
                return; // newer blocks have followed: the peer will resolve when it hears of them
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2);
        }
        log.info("Peer {} is unreachable; it will catch up by resolving", peer);
    }
}
