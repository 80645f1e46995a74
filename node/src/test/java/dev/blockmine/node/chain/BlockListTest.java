package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlockListTest {

    private static SealedBlock block(long index, String tag) {
        return SealedBlock.of(new Block(index, 1.5, List.of(Transaction.reward(tag)), BigInteger.valueOf(index), "1"));
    }

    private static List<SealedBlock> blocks(int from, int count, String tag) {
        List<SealedBlock> blocks = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            blocks.add(block(i, tag));
        }
        return blocks;
    }

    @Test
    void anOlderVersionNeverSeesLaterAppendsOrCuts() {
        int length = 2 * BlockList.CHUNK + 5;
        List<SealedBlock> original = blocks(1, length, "a");
        BlockList first = BlockList.of(original);
        BlockList longer = first.append(block(length + 1, "a"));
        for (int keep : List.of(0, 1, BlockList.CHUNK, BlockList.CHUNK + 1, length - 1)) {
            List<SealedBlock> fork = blocks(keep + 1, length - keep + 3, "fork" + keep);
            BlockList forked = longer.cut(keep).appendAll(fork);

            assertThat(forked).hasSize(keep + fork.size());
            assertThat(forked.subList(0, keep)).containsExactlyElementsOf(original.subList(0, keep));
            assertThat(forked.subList(keep, forked.size())).containsExactlyElementsOf(fork);
            assertThat(first).as("the first version after a cut at %d", keep).containsExactlyElementsOf(original);
            assertThat(longer.subList(0, length)).containsExactlyElementsOf(original);
            assertThat(longer.tip().block().transactions().getFirst().recipient()).isEqualTo("a");
        }
    }

    @Test
    void blocksAreFoundByTheirChainIndex() {
        BlockList list = BlockList.of(blocks(1, BlockList.CHUNK + 2, "a"));

        assertThat(list.at(1).index()).isEqualTo(1);
        assertThat(list.at(BlockList.CHUNK + 2).index()).isEqualTo(BlockList.CHUNK + 2);
        assertThat(list.range(BlockList.CHUNK, BlockList.CHUNK + 1)).extracting(SealedBlock::index)
                .containsExactly((long) BlockList.CHUNK, (long) BlockList.CHUNK + 1);
        assertThat(list.tip().index()).isEqualTo(BlockList.CHUNK + 2);
    }
}
