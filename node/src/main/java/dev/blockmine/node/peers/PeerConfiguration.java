package dev.blockmine.node.peers;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;

@Configuration(proxyBeanMethods = false)
class PeerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PeerConfiguration.class);

    @Bean
    Peers peers(NodeProperties properties, PeerProperties peerProperties) {
        Peers peers = new Peers(peerProperties, Clock.systemUTC());
        if (!properties.peers().isEmpty()) {
            peers.register(properties.peers());
        }
        return peers;
    }

    /** Known once the HTTP server listens: the node refuses to be its own peer. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> selfPort(Peers peers) {
        return event -> peers.selfPort(event.getWebServer().getPort());
    }

    @Bean
    PeerClient peerClient(Peers peers, PeerProperties properties) {
        return new PeerClient(peers, properties);
    }

    @Bean
    Consensus consensus(Chain chain, Peers peers, PeerClient client, BlockValidation validation, PeerProperties properties) {
        return new Consensus(chain, peers, client, validation, properties.parallelFetches());
    }

    @Bean
    BlockAnnouncer blockAnnouncer(Chain chain, Peers peers, PeerClient client, Environment environment) {
        return new BlockAnnouncer(chain, peers, client, Duration.ofSeconds(1),
                () -> environment.getProperty("local.server.port", Integer.class, -1));
    }

    @Bean
    PeerOrigin peerOrigin(Peers peers) {
        return new PeerOrigin(peers);
    }

    /** A node that starts with peers (a restart, say) catches up with them first. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> resolveOnStart(Peers peers, Consensus consensus) {
        return event -> {
            if (!peers.all().isEmpty()) {
                consensus.request().thenAccept(outcome -> log.info("Resolved with {} peers on start: {}", peers.all().size(),
                        outcome.replaced() ? "our chain was replaced" : "our chain is authoritative"));
            }
        };
    }
}
