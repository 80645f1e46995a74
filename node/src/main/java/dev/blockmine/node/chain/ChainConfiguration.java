package dev.blockmine.node.chain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.BlockShape;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    /** The memory and journal stores; {@code node.store=postgres} has its own (store.postgres), made with its database. */
    @Bean
    @ConditionalOnExpression("!'${node.store:memory}'.equalsIgnoreCase('postgres')")
    BlockStore blockStore(NodeProperties properties) {
        return switch (properties.store()) {
            case MEMORY -> BlockStore.MEMORY;
            case DURABLE, JOURNAL -> new JournalStore(Path.of(properties.dataDir()));
            case POSTGRES -> throw new IllegalStateException("store.postgres.PostgresConfiguration makes the postgres store");
        };
    }

    /** One validation for every door, to the chain's one shape. */
    @Bean
    BlockValidation blockValidation(NodeProperties properties, ObjectProvider<ChainRule> rules) {
        return new BlockValidation(properties.proofRule(), BinaryRule.equivalentTo(properties.proofRule()).zeroBits(),
                BlockShape.CHAIN, () -> rules.orderedStream().toList());
    }

    /** Where transactions wait for the next block: this process's memory; replicas share theirs (store.postgres). */
    @Bean
    @ConditionalOnExpression("!'${node.store:memory}'.equalsIgnoreCase('postgres')")
    PendingPool pendingPool(NodeProperties properties) {
        return new MemoryPendingPool(properties.maxPendingTransactions(), properties.maxPendingPerSender());
    }

    @Bean
    Chain chain(NodeProperties properties, BlockStore store, PendingPool pool, BlockValidation validation, LedgerRule ledger) {
        List<SealedBlock> stored = store.load();
        if (!stored.isEmpty()) {
            List<String> problems = validation.problems(
                    stored.stream().map(b -> CanonicalJson.parse(b.blockString())).toList());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the stored chain in " + where(properties) + " does not validate: " + problems);
            }
            log.info("Loaded {} blocks from {}", stored.size(), where(properties));
        }
        try {
            return new Chain(Clock.systemUTC(), pool, store, stored, ledger);
        } catch (IllegalStateException genesisTaken) {
            if (!stored.isEmpty()) {
                throw genesisTaken;
            }
            // a store shared by replicas started together: another one stored its genesis block first; take that chain
            return chain(properties, store, pool, validation, ledger);
        }
    }

    private static String where(NodeProperties properties) {
        return properties.store() == NodeProperties.Store.POSTGRES ? "the PostgreSQL database" : properties.dataDir();
    }
}
