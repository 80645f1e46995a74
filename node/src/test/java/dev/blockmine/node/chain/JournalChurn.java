package dev.blockmine.node.chain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link JournalKillTest} kills: it appends blocks to a journal and replaces its last blocks with new
 * branches, at random fork points, until it is killed. Before each change it prints the chain the change makes
 * ({@code change append|replace LENGTH TIP-HASH}), after it the chain the journal holds ({@code holds LENGTH TIP-HASH}):
 * a chain is named by its length and the hash of its last block, which links it back to the first.
 */
public final class JournalChurn {

    private JournalChurn() {
    }

    /** @param args the journal's folder, and a seed for the changes */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        JournalStore store = new JournalStore(dir);
        List<SealedBlock> chain = store.load();
        System.out.println("holds " + named(chain));
        for (int branch = random.nextInt(1_000_000); ; branch++) {
            List<SealedBlock> next;
            if (chain.isEmpty() || random.nextInt(4) == 0) {
                SealedBlock block = LinkedBlocks.after(chain, 1, branch).getFirst();
                next = LinkedBlocks.concat(chain, List.of(block));
                System.out.println("change append " + named(next));
                store.append(block);
            } else {
                int fork = Math.max(0, chain.size() - 1 - random.nextInt(4)); // 1 to 4 blocks cut
                List<SealedBlock> blocks = LinkedBlocks.after(chain.subList(0, fork), 1 + random.nextInt(4), branch);
                next = LinkedBlocks.concat(chain.subList(0, fork), blocks);
                System.out.println("change replace " + named(next));
                store.replaceAfter(fork, blocks);
            }
            chain = next;
            System.out.println("holds " + named(chain));
        }
    }

    static String named(List<SealedBlock> chain) {
        return chain.size() + " " + (chain.isEmpty() ? "none" : chain.getLast().hash());
    }
}
