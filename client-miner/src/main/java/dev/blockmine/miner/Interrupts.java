package dev.blockmine.miner;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop the miner gracefully: the loop ends, the summary is printed and the exit
 * code is 0. A shutdown hook could not do that: the JVM would already be exiting with status 130.
 */
final class Interrupts {

    private Interrupts() {
    }

    static void onInterrupt(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the default behaviour stays
            }
        }
    }
}
