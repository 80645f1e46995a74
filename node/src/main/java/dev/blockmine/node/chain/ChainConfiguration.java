package dev.blockmine.node.chain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ChainCheck;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    @Bean
    BlockStore blockStore(NodeProperties properties) {
        return switch (properties.store()) {
            case MEMORY -> BlockStore.MEMORY;
            case DURABLE -> new JournalStore(Path.of(properties.dataDir()));
        };
    }

    @Bean
    Chain chain(NodeProperties properties, BlockStore store) {
        List<SealedBlock> stored = store.load();
        if (!stored.isEmpty()) {
            List<String> problems = ChainCheck.problems(
                    stored.stream().map(b -> CanonicalJson.parse(b.blockString())).toList(), properties.proofRule());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the stored chain in " + properties.dataDir() + " does not validate: " + problems);
            }
            log.info("Loaded {} blocks from {}", stored.size(), properties.dataDir());
        }
        return new Chain(Clock.systemUTC(), properties.maxPendingTransactions(), store, stored);
    }
}
