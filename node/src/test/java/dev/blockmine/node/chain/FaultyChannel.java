package dev.blockmine.node.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** A file channel whose writes, forces and truncates ask a {@link FaultyDisk} first; reads pass straight through. */
final class FaultyChannel extends FileChannel {

    private final FileChannel real;
    private final Path path;
    private final FaultyDisk disk;

    /** Opens {@code path} for real, every write, force and truncate asked of {@code disk} first. */
    FaultyChannel(FaultyDisk disk, Path path, OpenOption... options) throws IOException {
        this.real = FileChannel.open(path, options);
        this.path = path;
        this.disk = disk;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        long start = real.position();
        int before = src.position();
        try {
            return write(src, start);
        } finally {
            real.position(start + src.position() - before);
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        long writable = disk.writable(path);
        int count = (int) Math.min(src.remaining(), writable);
        ByteBuffer part = src.slice(src.position(), count);
        while (part.hasRemaining()) {
            real.write(part, position + part.position());
        }
        src.position(src.position() + count);
        disk.wrote(path, count);
        if (src.hasRemaining()) {
            throw disk.writeFailed(path); // the first bytes are on disk: a torn write
        }
        return count;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = 0;
        for (int i = offset; i < offset + length; i++) {
            written += write(srcs[i]);
        }
        return written;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        disk.before(FaultyDisk.Op.FORCE, path);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        disk.before(FaultyDisk.Op.TRUNCATE, path);
        real.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("not counted by the faulty disk");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException("not counted by the faulty disk");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("not counted by the faulty disk");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
