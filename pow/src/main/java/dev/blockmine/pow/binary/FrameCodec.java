package dev.blockmine.pow.binary;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads and writes frames: one ASCII type byte, then fixed big-endian fields; only T has a variable part. */
public final class FrameCodec {

    public static final int NAME_BYTES = 10;
    public static final int MAX_DATA_LEN = 0xFFFF;

    /** G: type, name. */
    public static final int GET_LENGTH = 1 + NAME_BYTES;
    /** S: type, txn u16, nonce u32. */
    public static final int SOLUTION_LENGTH = 1 + 2 + 4;
    /** A, I and R: type, txn u16. */
    public static final int ANSWER_LENGTH = 1 + 2;
    /** Q: the type alone. */
    public static final int QUIT_LENGTH = 1;
    /** T before its data: type, txn u16, miner u16, slot u32, zero_bits u8, data_len u16. */
    public static final int TASK_HEADER_LENGTH = 1 + 2 + 2 + 4 + 1 + 2;
    /** The offset of a T's data_len field. */
    private static final int TASK_DATA_LEN_OFFSET = TASK_HEADER_LENGTH - 2;
    /** The longest frame a miner sends (G): with this many bytes buffered, the next miner frame is whole. */
    public static final int LONGEST_MINER_FRAME = Math.max(GET_LENGTH, Math.max(SOLUTION_LENGTH, QUIT_LENGTH));

    private FrameCodec() {
    }

    /**
     * Reads one frame.
     *
     * @param maxDataLen largest {@code data_len} of a T frame accepted
     * @return the frame, or {@code null} when the stream ended cleanly between frames
     * @throws EOFException when the stream ends inside a frame
     * @throws FrameException for an unknown type byte or an oversized {@code data_len}
     */
    public static Frame read(DataInputStream in, int maxDataLen) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        return switch (type) {
            case 'G' -> {
                byte[] name = new byte[NAME_BYTES];
                in.readFully(name);
                yield new Frame.Get(decodeName(name));
            }
            case 'T' -> {
                int txn = in.readUnsignedShort();
                int miner = in.readUnsignedShort();
                long slot = in.readInt() & 0xFFFF_FFFFL;
                int zeroBits = in.readUnsignedByte();
                int dataLen = in.readUnsignedShort();
                if (dataLen > maxDataLen) {
                    throw new FrameException("T frame announces " + dataLen + " data bytes, limit " + maxDataLen);
                }
                byte[] data = new byte[dataLen];
                in.readFully(data);
                yield new Frame.Task(txn, miner, slot, zeroBits, data);
            }
            case 'S' -> new Frame.Solution(in.readUnsignedShort(), in.readInt() & 0xFFFF_FFFFL);
            case 'A' -> new Frame.Accepted(in.readUnsignedShort());
            case 'I' -> new Frame.Invalidated(in.readUnsignedShort());
            case 'R' -> new Frame.Rejected(in.readUnsignedShort());
            case 'Q' -> new Frame.Quit();
            default -> throw new FrameException("unknown frame type byte 0x%02x".formatted(type));
        };
    }

    /** Writes one frame (not flushed). */
    public static void write(Frame frame, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        switch (frame) {
            case Frame.Get g -> {
                data.writeByte('G');
                data.write(encodeName(g.name()));
            }
            case Frame.Task t -> {
                if (t.data().length > MAX_DATA_LEN) {
                    throw new IllegalArgumentException("T data is " + t.data().length + " bytes, at most " + MAX_DATA_LEN);
                }
                data.writeByte('T');
                data.writeShort(t.txn());
                data.writeShort(t.miner());
                data.writeInt((int) t.slot());
                data.writeByte(t.zeroBits());
                data.writeShort(t.data().length);
                data.write(t.data());
            }
            case Frame.Solution s -> {
                data.writeByte('S');
                data.writeShort(s.txn());
                data.writeInt((int) s.nonce());
            }
            case Frame.Accepted a -> txnFrame('A', a.txn(), data);
            case Frame.Invalidated i -> txnFrame('I', i.txn(), data);
            case Frame.Rejected r -> txnFrame('R', r.txn(), data);
            case Frame.Quit q -> data.writeByte('Q');
        }
    }

    public static byte[] encode(Frame frame) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        try {
            write(frame, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The length of the frame starting at the buffer's position, read without consuming anything: for readers that
     * split a byte buffer into frames themselves.
     *
     * @return the whole frame's length, or 0 when too few bytes are there to tell (a T's header not yet whole); an
     *         unknown type byte counts as 1, for {@link #read} to refuse
     */
    public static int lengthAt(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return 0;
        }
        return switch (in.get(in.position())) {
            case 'T' -> in.remaining() < TASK_HEADER_LENGTH ? 0
                    : TASK_HEADER_LENGTH + Short.toUnsignedInt(in.getShort(in.position() + TASK_DATA_LEN_OFFSET));
            case 'A', 'I', 'R' -> ANSWER_LENGTH;
            case 'S' -> SOLUTION_LENGTH;
            case 'G' -> GET_LENGTH;
            default -> QUIT_LENGTH; // Q, or an unknown byte
        };
    }

    /** A name as sent in G: at most 10 bytes of UTF-8, right-padded with NUL. */
    public static byte[] encodeName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > NAME_BYTES) {
            throw new IllegalArgumentException("a miner name is at most " + NAME_BYTES + " bytes of UTF-8, \""
                    + name + "\" is " + utf8.length);
        }
        return Arrays.copyOf(utf8, NAME_BYTES);
    }

    /** The node's reading of a G name: trailing NUL and spaces trimmed. */
    public static String decodeName(byte[] name) {
        int end = name.length;
        while (end > 0 && (name[end - 1] == 0 || name[end - 1] == ' ')) {
            end--;
        }
        return new String(name, 0, end, StandardCharsets.UTF_8);
    }

    private static void txnFrame(char type, int txn, DataOutputStream data) throws IOException {
        data.writeByte(type);
        data.writeShort(txn);
    }
}
