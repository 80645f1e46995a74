package dev.blockmine.node.peers;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;

@Configuration(proxyBeanMethods = false)
class PeerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PeerConfiguration.class);

    @Bean
    Peers peers(NodeProperties properties) {
        Peers peers = new Peers(null);
        peers.add(properties.peers());
        return peers;
    }

    @Bean
    PeerClient peerClient() {
        return new PeerClient(Duration.ofSeconds(10));
    }

    @Bean
    Consensus consensus(Chain chain, Peers peers, PeerClient client, BlockValidation validation) {
        return new Consensus(chain, peers, client, validation);
    }

    @Bean
    BlockAnnouncer blockAnnouncer(Chain chain, Peers peers, PeerClient client) {
        return new BlockAnnouncer(chain, peers, client, Duration.ofSeconds(1));
    }

    /** A node that starts with peers (a restart, say) catches up with them first. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> resolveOnStart(Peers peers, Consensus consensus) {
        return event -> {
            if (!peers.all().isEmpty()) {
                Thread.ofVirtual().name("resolve-on-start").start(() -> {
                    Consensus.Outcome outcome = consensus.resolve();
                    log.info("Resolved with {} peers on start: {}", peers.all().size(),
                            outcome.replaced() ? "our chain was replaced" : "our chain is authoritative");
                });
            }
        };
    }
}
