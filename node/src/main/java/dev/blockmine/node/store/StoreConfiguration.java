package dev.blockmine.node.store;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.JournalStore;
import dev.blockmine.node.chain.MemoryPendingPool;
import dev.blockmine.node.chain.PendingPool;
import dev.blockmine.node.store.postgres.PostgresDatabase;

/**
 * The chain's store and pending pool, chosen by {@code node.store} when the node starts. A switch rather than
 * {@code @Conditional} beans: Spring AOT fixes conditions at build time, and the store is a start-time setting.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    BlockStore blockStore(NodeProperties properties, ObjectProvider<PostgresDatabase> postgres) {
        return switch (properties.store()) {
            case MEMORY -> BlockStore.MEMORY;
            case DURABLE, JOURNAL -> new JournalStore(Path.of(properties.dataDir()));
            case POSTGRES -> postgres.getObject().blockStore();
        };
    }

    /** Where transactions wait for the next block: this process's memory; replicas share theirs in the database. */
    @Bean
    PendingPool pendingPool(NodeProperties properties, ObjectProvider<PostgresDatabase> postgres) {
        return properties.store() == NodeProperties.Store.POSTGRES
                ? postgres.getObject().pendingPool(properties.maxPendingTransactions(), properties.maxPendingPerSender())
                : new MemoryPendingPool(properties.maxPendingTransactions(), properties.maxPendingPerSender());
    }
}
