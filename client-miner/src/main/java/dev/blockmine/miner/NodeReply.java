package dev.blockmine.miner;

/** The node's answer to a posted proof: its HTTP status and its {@code message} (or the start of a non-JSON body). */
public record NodeReply(int status, String message) {

    /** The string the course's nodes answer a winning proof with. */
    public static final String FORGED = "New Block Forged";

    public boolean forged() {
        return FORGED.equals(message);
    }
}
