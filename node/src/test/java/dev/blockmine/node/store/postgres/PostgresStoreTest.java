package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;

class PostgresStoreTest {

    private static final ProofRule RULE = new ProofRule(2);

    private HikariDataSource dataSource;
    private PostgresStore store;

    @BeforeEach
    void freshDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestPostgres.newDatabase());
        dataSource.setUsername("blockmine");
        dataSource.setMaximumPoolSize(20);
        Flyway.configure().dataSource(dataSource).load().migrate();
        store = new PostgresStore(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static SealedBlock next(SealedBlock tip, String miner) {
        return SealedBlock.of(new Block(tip.index() + 1, 1.5, List.of(Transaction.reward(miner)), BigInteger.TEN, tip.hash()));
    }

    @Test
    void everyBlockComesBackExactlyFromANewStore() {
        List<String> written = Forging.chainWithBlocks(store, 5, RULE).blocks().stream()
                .map(SealedBlock::blockString).toList();

        PostgresStore reopened = new PostgresStore(dataSource);
        assertThat(reopened.load().stream().map(SealedBlock::blockString).toList()).isEqualTo(written);
        assertThat(reopened.blocksAfter(4)).extracting(SealedBlock::index).containsExactly(5L, 6L);
    }

    @Test
    void ofManyBlocksRacingForOneIndexExactlyOneIsStored() throws Exception {
        SealedBlock tip = Forging.chainWithBlocks(store, 2, RULE).tip();
        int racers = 16;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                SealedBlock candidate = next(tip, "racer-" + i);
                results.add(threads.submit(() -> {
                    start.await();
                    return store.appendIfNext(candidate);
                }));
            }
        }
        long winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
        assertThat(store.load()).hasSize(4);
    }

    @Test
    void aBlockIsStoredOnlyAfterTheBlockItLinksTo() {
        SealedBlock genesis = Forging.chainWithBlocks(store, 0, RULE).tip();
        SealedBlock stranger = SealedBlock.of(new Block(2, 1.5, List.of(), BigInteger.ONE, "f".repeat(64)));
        assertThat(store.appendIfNext(stranger)).as("links to a block we do not have").isFalse();
        assertThat(store.appendIfNext(next(next(genesis, "a"), "b"))).as("leaves a gap").isFalse();
        assertThat(store.appendIfNext(next(genesis, "a"))).isTrue();
        assertThat(store.appendIfNext(next(genesis, "b"))).as("another block at the same index").isFalse();
        assertThat(store.appendIfNext(next(genesis, "a"))).as("the stored block itself (a replica catching up)").isTrue();
        assertThat(store.load()).hasSize(2);
    }

    @Test
    void replacingTheChainKeepsOnlyTheNewLongerOne() {
        List<SealedBlock> ours = Forging.chainWithBlocks(store, 2, RULE).blocks();
        SealedBlock fork = next(ours.getFirst(), "fork");
        List<SealedBlock> longer = List.of(ours.getFirst(), fork, next(fork, "x"), next(next(fork, "x"), "y"));

        assertThat(store.replaceAll(longer)).isTrue();

        assertThat(store.load()).isEqualTo(longer);
    }

    @Test
    void aChainNoLongerThanTheStoredOneReplacesNothing() {
        List<SealedBlock> stored = Forging.chainWithBlocks(store, 3, RULE).blocks();
        SealedBlock fork = next(stored.getFirst(), "fork");

        assertThat(store.replaceAll(stored.subList(0, 2))).as("shorter").isFalse();
        assertThat(store.replaceAll(List.of(stored.getFirst(), fork, next(fork, "x"), next(next(fork, "x"), "y"))))
                .as("as long").isFalse();
        assertThat(store.load()).isEqualTo(stored);
    }

    /**
     * Another replica replaced the stored chain with a longer fork, and stores one more block just after this replica
     * read the stored chain to take it: catching up takes it in memory and never writes back what it read.
     */
    @Test
    void catchingUpWithAForkDeletesNoBlockStoredMeanwhile() {
        List<SealedBlock> ours = Forging.chainWithBlocks(store, 1, RULE).blocks();
        SealedBlock fork = next(ours.getFirst(), "fork");
        SealedBlock forkTip = next(fork, "x");
        SealedBlock meanwhile = next(forkTip, "y");
        PostgresStore other = new PostgresStore(dataSource);
        BlockStore readThenOtherStores = new BlockStore() {
            @Override
            public List<SealedBlock> load() {
                List<SealedBlock> read = store.load();
                other.append(meanwhile);
                return read;
            }

            @Override
            public void append(SealedBlock block) {
                store.append(block);
            }

            @Override
            public boolean isShared() {
                return true;
            }

            @Override
            public List<SealedBlock> blocksAfter(long index) {
                return store.blocksAfter(index);
            }

            @Override
            public boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
                return store.replaceAfter(forkIndex, branch);
            }
        };
        Chain chain = new Chain(Clock.systemUTC(), 10, readThenOtherStores, ours);
        assertThat(other.replaceAll(List.of(ours.getFirst(), fork, forkTip))).isTrue();

        assertThat(chain.catchUp()).isTrue();

        assertThat(chain.tip()).isEqualTo(forkTip);
        assertThat(store.load()).containsExactly(ours.getFirst(), fork, forkTip, meanwhile);
        chain.catchUp();
        assertThat(chain.tip()).isEqualTo(meanwhile);
    }
}
