package dev.blockmine.node.chain;

/** Which rule proved a block. HTTP blocks keep the course's shape; binary ones say so in two extra fields. */
public sealed interface ProvenBy {

    ProvenBy HTTP = new Http();

    /** The course's rule: the proof is valid for the previous block's string. Adds nothing to the block. */
    record Http() implements ProvenBy {
    }

    /**
     * The binary protocol's rule: the proof is a nonce for the job data (see {@code JobData}).
     * The block carries {@code "rule": "binary"} and {@code "zero_bits"} so the chain can be validated from itself.
     */
    record Binary(int zeroBits) implements ProvenBy {
    }
}
