package dev.blockmine.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Transaction;

/** The account index follows appends and replaced branches, and agrees with an index built from scratch. */
class AccountIndexTest {

    @Test
    void countsBlocksWonReceivedAndSentAndPagesNewestFirst() {
        Chain chain = new Chain(Clock.systemUTC(), 100);
        AccountIndex index = new AccountIndex(chain);
        for (int i = 0; i < 25; i++) {
            chain.addTransaction(new Transaction("ana", "bob", 1.5));
            chain.addTransaction(new Transaction("ana", "bob", 2.5)); // two in one block: the block once
            Forging.forge(chain, BigInteger.valueOf(i), i % 2 == 0 ? "ana" : "carl");
        }
        AccountIndex.Summary bob = index.summary("bob");
        assertThat(bob).isEqualTo(new AccountIndex.Summary(25, 0, 50, 0));
        assertThat(index.summary("ana")).isEqualTo(new AccountIndex.Summary(25, 13, 0, 50));
        assertThat(index.summary("carl")).isEqualTo(new AccountIndex.Summary(12, 12, 0, 0));
        assertThat(index.summary("0")).isEqualTo(AccountIndex.Summary.NONE); // the reward's sender is nobody's account
        assertThat(index.page("bob", 1, 10)).containsExactly(26, 25, 24, 23, 22, 21, 20, 19, 18, 17);
        assertThat(index.page("bob", 3, 10)).containsExactly(6, 5, 4, 3, 2);
        assertThat(index.page("bob", 4, 10)).isEmpty();
        assertThat(index.page("carl", 1, 3)).containsExactly(25, 23, 21);
    }

    @Test
    void aReplacedBranchTakesItsEntriesBackAndTheNewOneAddsItsOwn() {
        Chain chain = new Chain(Clock.systemUTC(), 100);
        AccountIndex index = new AccountIndex(chain);
        for (int i = 0; i < 10; i++) {
            Forging.forge(chain, BigInteger.valueOf(i), "ours");
        }
        chain.addTransaction(new Transaction("ours", "pending-friend", BigInteger.ONE));
        Forging.forge(chain, BigInteger.TEN, "ours"); // block 12
        Chain theirs = new Chain(Clock.systemUTC(), 100, BlockStore.MEMORY, chain.blocks().subList(0, 6));
        for (int i = 0; i < 10; i++) {
            Forging.forge(theirs, BigInteger.valueOf(100 + i), i == 3 ? "ours" : "theirs");
        }
        assertThat(chain.replaceIfLonger(theirs.blocks(), Optional.of("http://peer"))).isTrue();

        assertThat(index.summary("ours")).isEqualTo(new AccountIndex.Summary(6, 6, 0, 0));
        assertThat(index.page("ours", 1, 100)).containsExactly(10, 6, 5, 4, 3, 2);
        assertThat(index.summary("pending-friend")).isEqualTo(AccountIndex.Summary.NONE);
        assertThat(index.summary("theirs")).isEqualTo(new AccountIndex.Summary(9, 9, 0, 0));
        AccountIndex fresh = new AccountIndex(chain);
        for (String id : new String[] {"ours", "theirs", "pending-friend"}) {
            assertThat(index.summary(id)).isEqualTo(fresh.summary(id));
            assertThat(index.page(id, 1, 100)).containsExactly(fresh.page(id, 1, 100));
        }
        assertThat(index.ids()).isEqualTo(fresh.ids());
    }
}
