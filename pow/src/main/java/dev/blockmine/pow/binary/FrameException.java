package dev.blockmine.pow.binary;

import java.io.IOException;

/** Input that is not a frame of the protocol: an unknown type byte or a length over the limit. */
public final class FrameException extends IOException {

    public FrameException(String message) {
        super(message);
    }
}
