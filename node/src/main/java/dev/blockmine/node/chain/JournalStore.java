package dev.blockmine.node.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * An append-only journal: one block string per line in {@code chain.jsonl}, each append forced to disk
 * (fsync) before it returns. Blocks are small and rare, so one sequential write and one fsync per block is
 * all the durability costs; recovery replays the lines and cuts a torn last line left by a crash mid-write.
 * A replacement (consensus) cuts the file after the last block the two chains share and appends the new branch:
 * a sync one block behind writes one line, however long the chain. A write that fails is undone (the file cut back
 * to its last whole line), so a failed append never leaves a torn line in the middle of the journal.
 */
public final class JournalStore implements BlockStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);

    private final Path file;
    private final FileChannel channel;
    /** ends[i]: the byte offset just after block i + 1's line (8 bytes a block: where to cut for a fork). */
    private long[] ends = new long[1024];
    private int count;
    /** A failed write that could not be undone: the file's end is unknown, so nothing more is written. */
    private IOException broken;
    /** Whether the file was read: what is written goes after its last whole line. */
    private boolean loaded;

    public JournalStore(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            this.file = dataDir.resolve("chain.jsonl");
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chain journal in " + dataDir, e);
        }
    }

    /**
     * The journal's blocks, read line by line without parsing them: each line is taken as the block string this node
     * wrote, checked only to follow the line before (its index and {@code previous_hash}). What they hold is validated
     * by the caller (up to a {@link Checkpoint}, the hash links are what vouches for them).
     */
    @Override
    public synchronized List<SealedBlock> load() {
        List<SealedBlock> blocks = new ArrayList<>();
        count = 0;
        long complete = 0; // bytes up to the end of the last whole line
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int held = 0; // bytes of the buffer not yet taken as lines
            long at = 0; // bytes read from the file
            for (int n; (n = in.read(buffer, held, buffer.length - held)) > 0; ) {
                int start = 0;
                for (int i = held; i < held + n; i++) {
                    if (buffer[i] == '\n') {
                        // ISO-8859-1 keeps each byte a char, as the ASCII block string was written: no decoding to do
                        blocks.add(follow(blocks, new String(buffer, start, i - start, StandardCharsets.ISO_8859_1)));
                        complete = at + (i - held) + 1;
                        recordEnd(complete);
                        start = i + 1;
                    }
                }
                at += n;
                held += n - start;
                System.arraycopy(buffer, start, buffer, 0, held);
                if (held == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
            }
            if (complete < at) { // no newline: the write was cut short by a crash, and was never acknowledged
                log.warn("Cutting a torn last line ({} bytes) from {}", at - complete, file);
                channel.truncate(complete);
                channel.force(true);
            }
            loaded = true;
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain journal " + file, e);
        }
    }

    /** The block of {@code line}, which must follow the last of {@code blocks}. */
    private SealedBlock follow(List<SealedBlock> blocks, String line) {
        int number = blocks.size() + 1;
        try {
            SealedBlock block = SealedBlock.stored(line);
            String previous = blocks.isEmpty() ? "1" : blocks.getLast().hash();
            if (block.index() != number || !block.previousHash().equals(previous)) {
                throw new IllegalArgumentException("it is block " + block.index() + " linked to " + block.previousHash()
                        + ", not block " + number + " linked to " + previous);
            }
            return block;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("line " + number + " of " + file + " is not the next block: " + e.getMessage());
        }
    }

    @Override
    public synchronized void append(SealedBlock block) {
        write(List.of(block));
    }

    @Override
    public synchronized boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
        loadOnce();
        if (forkIndex > count) {
            throw new IllegalArgumentException("the journal holds " + count + " blocks, not " + forkIndex);
        }
        count = (int) forkIndex;
        try {
            channel.truncate(end());
        } catch (IOException e) {
            broken = e; // where the file ends is no longer known
            throw failed("cut", e);
        }
        write(branch);
        return true;
    }

    /** Appends the blocks' lines after the last whole line and forces them to disk; undone if anything fails. */
    private void write(List<SealedBlock> blocks) {
        loadOnce();
        if (broken != null) {
            throw new UncheckedIOException("the chain journal " + file + " could not be repaired after a failed write", broken);
        }
        StringBuilder lines = new StringBuilder();
        blocks.forEach(block -> lines.append(block.blockString()).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
        long start = end();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes, start + bytes.position());
            }
            channel.force(false);
        } catch (IOException e) {
            undo(start, e);
            throw failed("append to", e);
        }
        long at = start;
        for (SealedBlock block : blocks) {
            at += block.blockString().length() + 1;
            recordEnd(at);
        }
    }

    /** Cuts the file back to {@code start}, the end of its last whole line, after a failed write. */
    private void undo(long start, IOException failure) {
        try {
            channel.truncate(start);
            channel.force(true);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = failure;
            log.error("The chain journal {} could not be cut back after a failed write: no more blocks are stored", file, e);
        }
    }

    private void loadOnce() {
        if (!loaded) {
            load();
        }
    }

    private UncheckedIOException failed(String what, IOException e) {
        return new UncheckedIOException("cannot " + what + " the chain journal " + file, e);
    }

    private long end() {
        return count == 0 ? 0 : ends[count - 1];
    }

    private void recordEnd(long end) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = end;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
