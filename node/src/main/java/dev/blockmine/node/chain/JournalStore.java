package dev.blockmine.node.chain;

import java.io.EOFException;
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
 * a sync one block behind writes one line, however long the chain.
 *
 * <p>Whatever fails, a restart finds the chain before the change or the one after it. A failed append is undone (the
 * file cut back to its last whole line). A replacement first saves the lines it cuts off in {@code chain.jsonl.undo}
 * (forced, renamed into place, the folder forced), and removes that file once the branch is on disk: a replacement
 * that fails is undone from the saved lines, and one a crash interrupted is undone at the next start. Only when the
 * undoing fails too is the store broken: it takes no more blocks, and the next start repairs the file.
 */
public final class JournalStore implements BlockStore, AutoCloseable {

    /** Where a replacement under way keeps the lines it cuts off. */
    static final String UNDO = "chain.jsonl.undo";

    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);

    private final Path file;
    private final Path undo;
    private final FileChannel channel;
    private final DurableFiles files;
    /** ends[i]: the byte offset just after block i + 1's line (8 bytes a block: where to cut for a fork). */
    private long[] ends = new long[1024];
    private int count;
    /** A failed write that could not be undone: what the file holds is not what was kept, so nothing more is written. */
    private IOException broken;
    /** Whether the file was read: what is written goes after its last whole line. */
    private boolean loaded;

    public JournalStore(Path dataDir) {
        this(dataDir, ChannelOpener.FILES);
    }

    /** A journal whose channels come from {@code opener} (tests inject failures through it). */
    JournalStore(Path dataDir, ChannelOpener opener) {
        try {
            Files.createDirectories(dataDir);
            this.file = dataDir.resolve("chain.jsonl");
            this.undo = dataDir.resolve(UNDO);
            this.files = new DurableFiles(opener);
            this.channel = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
        try {
            if (Files.exists(undo)) {
                Replaced interrupted = Replaced.read(undo, channel.size());
                log.warn("Undoing a replacement of blocks that a crash interrupted: {} bytes of blocks put back after byte {} of {}",
                        interrupted.lines().length, interrupted.kept(), file);
                restore(interrupted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot undo the replacement a crash interrupted in " + file, e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[(int) Math.clamp(channel.size() + 1, 8192, 1 << 20)]; // 1 MB chunks, or the file
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
                cut(complete);
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
        usable();
        long start = end();
        try {
            write(start, List.of(block));
        } catch (IOException e) {
            throw undone(e, () -> cut(start), "append to");
        }
        keep(count, start, List.of(block));
    }

    @Override
    public synchronized boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
        usable();
        if (forkIndex > count) {
            throw new IllegalArgumentException("the journal holds " + count + " blocks, not " + forkIndex);
        }
        if (forkIndex == count && branch.size() == 1) { // one line after the last: whole, or cut as a torn line
            append(branch.getFirst());
            return true;
        }
        long kept = forkIndex == 0 ? 0 : ends[(int) forkIndex - 1];
        Replaced replaced = new Replaced(kept, read(kept, end()));
        try {
            files.replace(undo, replaced.record()); // from here on a restart puts the replaced lines back
            channel.truncate(kept);
            write(kept, branch);
            files.delete(undo); // from here on a restart keeps the branch
        } catch (IOException e) {
            throw undone(e, () -> restore(replaced), "replace blocks in");
        }
        keep((int) forkIndex, kept, branch);
        return true;
    }

    /**
     * The lines a replacement cuts off, and where: what {@code chain.jsonl.undo} holds while it is under way (the
     * offset in decimal on the first line, then the lines as they were).
     *
     * @param kept the bytes of the journal the replacement keeps
     */
    private record Replaced(long kept, byte[] lines) {

        ByteBuffer record() {
            byte[] header = (kept + "\n").getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(header.length + lines.length).put(header).put(lines).flip();
        }

        static Replaced read(Path undo, long journalBytes) throws IOException {
            byte[] record = Files.readAllBytes(undo);
            int newline = 0;
            while (newline < record.length && record[newline] != '\n') {
                newline++;
            }
            long kept;
            try {
                kept = Long.parseLong(new String(record, 0, newline, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                kept = -1;
            }
            if (newline == record.length || kept < 0 || kept > journalBytes) {
                throw new IllegalStateException(undo + " is not the record of a replacement in this journal ("
                        + journalBytes + " bytes): move it away to start with the journal as it is");
            }
            return new Replaced(kept, Arrays.copyOfRange(record, newline + 1, record.length));
        }
    }

    /**
     * Puts the journal back as it was before a replacement: the lines it cut off written back after what it kept.
     * The record of them is saved first if it is not there (the failure came after its removal), so that a crash
     * while putting them back is undone at the next start.
     */
    private void restore(Replaced replaced) throws IOException {
        if (!Files.exists(undo)) {
            files.replace(undo, replaced.record());
        }
        channel.truncate(replaced.kept());
        write(replaced.kept(), ByteBuffer.wrap(replaced.lines()));
        files.delete(undo);
    }

    /** The one way lines reach the journal: written at {@code start} and forced to disk. */
    private void write(long start, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes, start + bytes.position());
        }
        channel.force(false); // the data and the file's length (fdatasync)
    }

    private void write(long start, List<SealedBlock> blocks) throws IOException {
        StringBuilder lines = new StringBuilder();
        blocks.forEach(block -> lines.append(block.blockString()).append('\n'));
        write(start, ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Cuts the file back to {@code end}, the end of a whole line. */
    private void cut(long end) throws IOException {
        channel.truncate(end);
        channel.force(false);
    }

    /** The journal's bytes from {@code start} to {@code end}. */
    private byte[] read(long start, long end) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end - start));
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, start + bytes.position()) < 0) {
                    throw new EOFException("the journal ends before byte " + end);
                }
            }
        } catch (IOException e) {
            throw failed("read", e);
        }
        return bytes.array();
    }

    /** Takes the journal as its first {@code blocks} blocks, then {@code added}, written from byte {@code start}. */
    private void keep(int blocks, long start, List<SealedBlock> added) {
        count = blocks;
        long at = start;
        for (SealedBlock block : added) {
            at += block.blockString().length() + 1;
            recordEnd(at);
        }
    }

    /** A change's undoing, which may fail too. */
    private interface Undo {
        void run() throws IOException;
    }

    /** The error to throw for {@code failure}, once {@code undo} has put the file back, or the store is broken. */
    private UncheckedIOException undone(IOException failure, Undo undo, String what) {
        try {
            undo.run();
        } catch (IOException again) {
            breaks(failure, again);
        }
        return failed(what, failure);
    }

    private void breaks(IOException failure, IOException repair) {
        failure.addSuppressed(repair);
        broken = failure;
        log.error("The chain journal {} could not be repaired after a failed write: it takes no more blocks, "
                + "and the next start repairs it", file, failure);
    }

    private void usable() {
        loadOnce();
        if (broken != null) {
            throw new UncheckedIOException("the chain journal " + file + " could not be repaired after a failed write:"
                    + " it takes no more blocks until the node restarts, which repairs it", broken);
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
