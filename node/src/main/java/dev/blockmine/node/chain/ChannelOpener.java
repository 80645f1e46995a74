package dev.blockmine.node.chain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the channels a store writes and forces through: {@link FileChannel#open} on a node; in tests, channels that
 * fail on cue, to show what a failed write at any byte leaves behind.
 */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener FILES = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
