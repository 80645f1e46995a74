package dev.blockmine.node.store.postgres;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;

/**
 * The chain in PostgreSQL, shared by every replica of one node. A block is inserted only as the successor of the
 * block it links to, and the primary key on its index lets exactly one block have each index: of several replicas
 * appending on the same tip at once, one commits and the others insert nothing. Durable once the commit returns.
 */
public final class PostgresStore implements BlockStore {

    private final JdbcClient jdbc;
    private final Transactions transactions;

    public PostgresStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new Transactions(dataSource);
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public List<SealedBlock> load() {
        return blocksAfter(0);
    }

    /** The stored blocks with an index above {@code index}, oldest first. */
    @Override
    public List<SealedBlock> blocksAfter(long index) {
        return jdbc.sql("SELECT block_string FROM block WHERE idx > ? ORDER BY idx").param(index)
                .query((row, n) -> SealedBlock.fromJson(CanonicalJson.parse(row.getString(1)))).list();
    }

    /**
     * Inserts {@code block} if the stored chain ends just before it with the block it links to (or it is the
     * first block of an empty store). A block already stored exactly (another replica inserted it, and this one
     * is catching up) counts as appended.
     *
     * @return false when another block took its index first or its predecessor is gone
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached
     */
    @Override
    public boolean appendIfNext(SealedBlock block) {
        Boolean inserted = transactions.run(status -> insertIfNext(block));
        return Boolean.TRUE.equals(inserted) || jdbc.sql("SELECT hash FROM block WHERE idx = ?").param(block.index())
                .query(String.class).optional().filter(block.hash()::equals).isPresent();
    }

    /** Inside a transaction. Locking the predecessor keeps a concurrent replacement from removing it under us. */
    boolean insertIfNext(SealedBlock block) {
        return jdbc.sql("""
                INSERT INTO block (idx, hash, previous_hash, block_string)
                SELECT :idx, :hash, :previous, :string
                WHERE :idx = 1 OR EXISTS (SELECT 1 FROM block WHERE idx = :idx - 1 AND hash = :previous FOR SHARE)
                ON CONFLICT (idx) DO NOTHING""")
                .param("idx", block.index()).param("hash", block.hash())
                .param("previous", block.previousHash()).param("string", block.blockString())
                .update() == 1;
    }

    /** @throws IllegalStateException when the block is not the stored chain's next one (another replica's won) */
    @Override
    public void append(SealedBlock block) {
        if (!appendIfNext(block)) {
            throw new IllegalStateException("block " + block.index() + " is not the next block of the stored chain");
        }
    }

    /**
     * Replaces the stored blocks after {@code forkIndex} with a branch that makes a longer chain. Run inside the
     * pool's change (its lock held), the stored length read here is the one replaced: a replica whose memory is behind
     * the store never cuts off blocks others stored, nor grafts a branch on a block another replica replaced.
     *
     * @return false, storing nothing, when the stored chain is at least as long as the one the branch makes, or no
     *         longer holds the block the branch follows
     */
    @Override
    public boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
        return Boolean.TRUE.equals(transactions.run(status -> {
            long stored = jdbc.sql("SELECT coalesce(max(idx), 0) FROM block").query(Long.class).single();
            if (stored >= forkIndex + branch.size()) {
                return false;
            }
            if (forkIndex > 0 && jdbc.sql("SELECT hash FROM block WHERE idx = ?").param(forkIndex).query(String.class)
                    .optional().filter(branch.getFirst().previousHash()::equals).isEmpty()) {
                return false;
            }
            jdbc.sql("DELETE FROM block WHERE idx > ?").param(forkIndex).update();
            branch.forEach(this::insertIfNext);
            return true;
        }));
    }
}
