package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.Forging;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.ProofRule;

class JournalStoreTest {

    private static final ProofRule RULE = new ProofRule(2);

    @Test
    void everyBlockComesBackExactlyAfterARestart(@TempDir Path dir) throws Exception {
        List<String> written;
        try (JournalStore store = new JournalStore(dir)) {
            written = Forging.chainWithBlocks(store, 5, RULE).blocks().stream().map(SealedBlock::blockString).toList();
        }
        try (JournalStore reopened = new JournalStore(dir)) {
            Chain chain = new Chain(Clock.systemUTC(), 10, reopened, reopened.load());
            assertThat(chain.blocks().stream().map(SealedBlock::blockString).toList()).isEqualTo(written);
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
            assertThat(Forging.forge(chain, proof, "after-restart")).isPresent(); // appends after the last line
        }
        try (JournalStore again = new JournalStore(dir)) {
            assertThat(again.load()).hasSize(7);
        }
    }

    @Test
    void aTornLastLineIsCutAndTheRestKept(@TempDir Path dir) throws Exception {
        try (JournalStore store = new JournalStore(dir)) {
            Forging.chainWithBlocks(store, 3, RULE);
        }
        Files.writeString(dir.resolve("chain.jsonl"), "{\"index\": 5, \"previous_h", StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND); // a crash in the middle of a write
        try (JournalStore store = new JournalStore(dir)) {
            assertThat(store.load()).hasSize(4);
        }
        assertThat(Files.readString(dir.resolve("chain.jsonl"))).endsWith("}\n");
    }

    @Test
    void replacingTheChainIsAtomicAndLaterAppendsFollowIt(@TempDir Path dir) throws Exception {
        try (JournalStore store = new JournalStore(dir)) {
            Chain chain = Forging.chainWithBlocks(store, 4, RULE);
            List<SealedBlock> shorter = chain.blocks().subList(0, 2);
            store.replaceAll(shorter);
            store.append(chain.blocks().get(2));
        }
        try (JournalStore store = new JournalStore(dir)) {
            assertThat(store.load()).extracting(SealedBlock::index).containsExactly(1L, 2L, 3L);
        }
        assertThat(Files.exists(dir.resolve("chain.jsonl.next"))).isFalse();
        assertThat(Files.exists(dir.resolve(JournalStore.UNDO))).isFalse();
    }

    @Test
    void aRecordOfReplacedBlocksThatDoesNotBelongToTheJournalStopsTheStartNamingIt(@TempDir Path dir) throws Exception {
        try (JournalStore store = new JournalStore(dir)) {
            Forging.chainWithBlocks(store, 2, RULE);
        }
        Files.writeString(dir.resolve(JournalStore.UNDO), "999999\n{\"index\": 2}\n", StandardCharsets.US_ASCII);
        try (JournalStore store = new JournalStore(dir)) {
            assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(JournalStore.UNDO + " is not the record of a replacement in this journal");
        }
    }
}
