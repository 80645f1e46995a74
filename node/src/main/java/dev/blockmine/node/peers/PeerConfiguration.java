package dev.blockmine.node.peers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
        register(peers, "node.peer.urls", peerProperties.urls());
        register(peers, "node.peers", properties.peers()); // the deprecated name, still read
        return peers;
    }

    /**
     * Registers the peers a setting names. A host that does not resolve (yet: a peer's name may come up after this
     * node) is logged and left out, for POST /nodes/register later; an address that can never be a peer (not http,
     * a path, a range not allowed) is a wrong setting and stops the node, in one line.
     */
    private static void register(Peers peers, String setting, List<String> addresses) {
        List<String> resolvable = new ArrayList<>();
        for (String address : addresses) {
            try {
                InetAddress.getAllByName(PeerAddress.parse(address).host());
                resolvable.add(address);
            } catch (UnknownHostException e) {
                log.warn("Peer {} ({}) is left out: its host does not resolve; register it with POST /nodes/register"
                        + " once it does", address, setting);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationPropertyValueException(setting, String.join(",", addresses), e.getMessage());
            }
        }
        try {
            peers.register(resolvable);
        } catch (IllegalArgumentException | Peers.Full e) {
            throw new InvalidConfigurationPropertyValueException(setting, String.join(",", addresses), e.getMessage());
        }
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
    BlockIntake blockIntake(Chain chain, BlockValidation validation, Consensus consensus) {
        return new BlockIntake(chain, validation, consensus::request);
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
