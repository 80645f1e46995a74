package dev.blockmine.node.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small files replaced and removed so that a crash at any moment leaves the old one or the new one: the content forced
 * to disk before the rename, and the folder forced after a rename or a removal, so the change itself is durable.
 */
final class DurableFiles {

    private final ChannelOpener opener;

    DurableFiles(ChannelOpener opener) {
        this.opener = opener;
    }

    /** Puts {@code content} in {@code file} atomically: written to {@code file.next}, forced, renamed over it. */
    void replace(Path file, ByteBuffer content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel out = opener.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (content.hasRemaining()) {
                out.write(content);
            }
            out.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(file.getParent());
    }

    /** Removes {@code file}, if there, for good. */
    void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceFolder(file.getParent());
        }
    }

    private void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = opener.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
