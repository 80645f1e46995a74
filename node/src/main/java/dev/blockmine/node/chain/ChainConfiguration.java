package dev.blockmine.node.chain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.BlockShape;
import tools.jackson.databind.JsonNode;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    /** One validation for every door, to the chain's one shape. */
    @Bean
    BlockValidation blockValidation(NodeProperties properties, ObjectProvider<ChainRule> rules) {
        return new BlockValidation(properties.proofRule(), BinaryRule.equivalentTo(properties.proofRule()).zeroBits(),
                BlockShape.CHAIN, () -> rules.orderedStream().toList());
    }

    /** What a durable node saved when it last stopped (or every 1,000 blocks); none for the other stores. */
    @Bean
    Checkpoint checkpoint(NodeProperties properties) {
        return isJournal(properties) ? Checkpoint.load(Path.of(properties.dataDir())) : Checkpoint.NONE;
    }

    @Bean
    Chain chain(NodeProperties properties, BlockStore store, PendingPool pool, BlockValidation validation, LedgerRule ledger,
            Checkpoint checkpoint) {
        long started = System.nanoTime();
        List<SealedBlock> stored = store.load();
        if (!stored.isEmpty()) {
            long trusted = checkpoint.vouchesFor(stored) ? checkpoint.height() : 0;
            validate(stored, trusted, validation, properties);
            log.info("Loaded {} blocks from {} and validated {} of them ({} taken on the checkpoint at block {}) in {} ms",
                    stored.size(), where(properties), stored.size() - trusted, trusted, trusted,
                    (System.nanoTime() - started) / 1_000_000);
        }
        try {
            return new Chain(Clock.systemUTC(), pool, store, stored, ledger);
        } catch (IllegalStateException genesisTaken) {
            if (!stored.isEmpty()) {
                throw genesisTaken;
            }
            // a store shared by replicas started together: another one stored its genesis block first; take that chain
            return chain(properties, store, pool, validation, ledger, checkpoint);
        }
    }

    /** The blocks after the first {@code trusted} through the one validation, each exactly as it was stored. */
    private static void validate(List<SealedBlock> stored, long trusted, BlockValidation validation,
            NodeProperties properties) {
        BlockValidation.Walk walk = (trusted == 0 ? validation.fromGenesis()
                : validation.after(stored.subList(0, (int) trusted))).pastOnly();
        for (SealedBlock block : stored.subList((int) trusted, stored.size())) {
            JsonNode json = CanonicalJson.parse(block.blockString());
            List<String> problems = CanonicalJson.encode(json).equals(block.blockString()) ? walk.next(json)
                    : List.of("block #" + block.index() + " is not stored in canonical form");
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the stored chain in " + where(properties) + " does not validate: " + problems);
            }
        }
    }

    /**
     * Saves checkpoints of a durable node's derived state, so that its next start takes it up from there; none (a null
     * bean) for the other stores, decided at start rather than by a condition, which Spring AOT would fix at build time.
     */
    @Bean
    CheckpointWriter checkpointWriter(Chain chain, NodeProperties properties, ObjectProvider<DerivedState> states,
            Checkpoint checkpoint) {
        if (!isJournal(properties)) {
            return null;
        }
        return new CheckpointWriter(chain, Path.of(properties.dataDir()), states.orderedStream().toList(),
                checkpoint.vouchesFor(chain.blocks()) ? checkpoint.height() : 0);
    }

    private static boolean isJournal(NodeProperties properties) {
        return properties.store() == NodeProperties.Store.DURABLE || properties.store() == NodeProperties.Store.JOURNAL;
    }

    private static String where(NodeProperties properties) {
        return properties.store() == NodeProperties.Store.POSTGRES ? "the PostgreSQL database" : properties.dataDir();
    }
}
