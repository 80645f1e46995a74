package dev.blockmine.node.mining;

import dev.blockmine.node.chain.SealedBlock;

/**
 * What became of a nonce sent in an S frame of the binary protocol ({@link Submission} is HTTP's counterpart). It
 * lives here, beside the metrics that count it, so that {@code mining} need not know the {@code tcp} package.
 */
public sealed interface Verdict {

    /** The job the S named. */
    int txn();

    /** The first valid nonce of an open job: {@code block} was appended (answered A). */
    record Forged(int txn, SealedBlock block) implements Verdict {
    }

    /** A valid nonce too late: the job was won, claimed by an earlier nonce, or the chain moved on (answered I). */
    record Stale(int txn) implements Verdict {
    }

    /** A nonce that misses the target, or a job never handed to this miner (answered R). */
    record Invalid(int txn) implements Verdict {
    }
}
