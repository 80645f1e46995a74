package dev.blockmine.miner;

/** The node could not be reached or answered something unusable; the message is one line for the user. */
public final class NodeException extends Exception {

    public NodeException(String message) {
        super(message, null, false, false);
    }
}
