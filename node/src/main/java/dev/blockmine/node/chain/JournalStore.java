package dev.blockmine.node.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JacksonException;

/**
 * An append-only journal: one block string per line in {@code chain.jsonl}, each append forced to disk
 * (fsync) before it returns. Blocks are small and rare, so one sequential write and one fsync per block is
 * all the durability costs; recovery replays the lines and cuts a torn last line left by a crash mid-write.
 * A replacement (consensus) writes a new file, forces it and renames it over the old one atomically.
 */
public final class JournalStore implements BlockStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);

    private final Path file;
    private FileChannel channel;

    public JournalStore(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            this.file = dataDir.resolve("chain.jsonl");
            this.channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chain journal in " + dataDir, e);
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public synchronized List<SealedBlock> load() {
        try {
            byte[] content = Files.readAllBytes(file);
            List<SealedBlock> blocks = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < content.length; i++) {
                if (content[i] != '\n') {
                    continue;
                }
                String line = new String(content, start, i - start, StandardCharsets.UTF_8);
                try {
                    blocks.add(SealedBlock.fromJson(CanonicalJson.parse(line)));
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new IllegalStateException("line " + (blocks.size() + 1) + " of " + file + " is not a block: " + e.getMessage());
                }
                start = i + 1;
            }
            if (start < content.length) { // no newline: the write was cut short by a crash, and was never acknowledged
                log.warn("Cutting a torn last line ({} bytes) from {}", content.length - start, file);
                channel.truncate(start);
                channel.force(true);
            }
            channel.position(start);
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain journal " + file, e);
        }
    }

    @Override
    public synchronized void append(SealedBlock block) {
        try {
            ByteBuffer line = ByteBuffer.wrap((block.blockString() + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the chain journal " + file, e);
        }
    }

    @Override
    public synchronized boolean replaceAll(List<SealedBlock> chain) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            StringBuilder lines = new StringBuilder();
            chain.forEach(block -> lines.append(block.blockString()).append('\n'));
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
            channel.close();
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = open();
            channel.position(channel.size());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the chain journal " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
