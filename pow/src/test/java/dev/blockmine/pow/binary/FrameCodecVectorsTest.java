package dev.blockmine.pow.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Every frame of the CPython vectors decodes to its fields and encodes back to the same bytes. */
class FrameCodecVectorsTest {

    private static final JsonNode FIELDS = BinaryVectors.root().get("frame_fields");

    @Test
    void everyVectorFrameRoundTrips() throws IOException {
        JsonNode frames = BinaryVectors.root().get("frames");
        assertThat(frames.propertyNames()).containsExactlyInAnyOrder("G", "T", "S", "A", "I", "R", "Q");
        for (String type : frames.propertyNames()) {
            byte[] bytes = BinaryVectors.frame(type);
            Frame frame = read(bytes);
            assertThat(FrameCodec.encode(frame)).as(type).isEqualTo(bytes);
        }
    }

    @Test
    void theLengthConstantsAndLengthAtMatchEveryVectorFrame() {
        assertThat(BinaryVectors.frame("G")).hasSize(FrameCodec.GET_LENGTH).hasSize(FrameCodec.LONGEST_MINER_FRAME);
        assertThat(BinaryVectors.frame("S")).hasSize(FrameCodec.SOLUTION_LENGTH);
        assertThat(BinaryVectors.frame("A")).hasSize(FrameCodec.ANSWER_LENGTH);
        assertThat(BinaryVectors.frame("Q")).hasSize(FrameCodec.QUIT_LENGTH);
        assertThat(BinaryVectors.frame("T")).hasSize(FrameCodec.TASK_HEADER_LENGTH + 1024);
        for (String type : new String[] {"G", "T", "S", "A", "I", "R", "Q"}) {
            byte[] bytes = BinaryVectors.frame(type);
            byte[] twoFrames = Arrays.copyOf(bytes, bytes.length * 2);
            System.arraycopy(bytes, 0, twoFrames, bytes.length, bytes.length);
            assertThat(FrameCodec.lengthAt(ByteBuffer.wrap(twoFrames))).as(type).isEqualTo(bytes.length);
            assertThat(FrameCodec.lengthAt(ByteBuffer.wrap(twoFrames, bytes.length, bytes.length))).as(type).isEqualTo(bytes.length);
        }
        byte[] task = BinaryVectors.frame("T");
        assertThat(FrameCodec.lengthAt(ByteBuffer.wrap(task, 0, FrameCodec.TASK_HEADER_LENGTH - 1))).as("T header cut").isZero();
        assertThat(FrameCodec.lengthAt(ByteBuffer.allocate(0))).isZero();
    }

    @Test
    void vectorFramesCarryTheirFields() throws IOException {
        assertThat(read(BinaryVectors.frame("G"))).isEqualTo(new Frame.Get("ana"));
        JsonNode t = FIELDS.get("T");
        assertThat(read(BinaryVectors.frame("T"))).isEqualTo(new Frame.Task(t.get("txn").intValue(), t.get("miner").intValue(),
                t.get("slot").longValue(), t.get("zero_bits").intValue(), BinaryVectors.data()));
        assertThat(t.get("data_len").intValue()).isEqualTo(1024);
        JsonNode s = FIELDS.get("S");
        assertThat(read(BinaryVectors.frame("S"))).isEqualTo(new Frame.Solution(s.get("txn").intValue(), s.get("nonce").longValue()));
        assertThat(read(BinaryVectors.frame("A"))).isEqualTo(new Frame.Accepted(7));
        assertThat(read(BinaryVectors.frame("I"))).isEqualTo(new Frame.Invalidated(7));
        assertThat(read(BinaryVectors.frame("R"))).isEqualTo(new Frame.Rejected(7));
        assertThat(read(BinaryVectors.frame("Q"))).isEqualTo(new Frame.Quit());
    }

    @Test
    void theTaskSlotStartIsMinerTimesSlotModulo2To32() throws IOException {
        Frame.Task t = (Frame.Task) read(BinaryVectors.frame("T"));
        assertThat(t.slotStart()).isEqualTo(3L * 1_048_576);
        assertThat(new Frame.Task(1, 65535, 0xFFFF_FFFFL, 24, new byte[0]).slotStart())
                .isEqualTo(65535L * 0xFFFF_FFFFL % (1L << 32));
    }

    @Test
    void namesAreTrimmedOfTrailingNulAndSpacesAndLimitedToTenBytes() {
        assertThat(FrameCodec.decodeName("ana   \0\0\0\0".getBytes())).isEqualTo("ana");
        assertThat(FrameCodec.decodeName(FrameCodec.encodeName("ñandú-12"))).isEqualTo("ñandú-12"); // 10 bytes
        assertThat(FrameCodec.encodeName("0123456789")).hasSize(10);
        assertThatThrownBy(() -> FrameCodec.encodeName("ñandú-123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownTypeByteIsAFrameError() {
        assertThatThrownBy(() -> read(new byte[] {'X', 0, 7})).isInstanceOf(FrameException.class).hasMessageContaining("0x58");
    }

    @ParameterizedTest
    @ValueSource(strings = {"G", "T", "S", "A", "I", "R"})
    void everyTruncatedFrameIsAnEndOfStreamInsideTheFrame(String type) {
        byte[] whole = BinaryVectors.frame(type);
        for (int cut : new int[] {1, whole.length / 2, whole.length - 1}) {
            if (cut == 0 || cut >= whole.length) {
                continue;
            }
            assertThatThrownBy(() -> read(Arrays.copyOf(whole, cut))).as(type + " cut at " + cut).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void anEmptyStreamIsACleanEnd() throws IOException {
        assertThat(read(new byte[0])).isNull();
    }

    @Test
    void anOversizedDataLenIsRefusedBeforeReadingTheData() {
        byte[] header = HexFormat.of().parseHex("54" + "0001" + "0001" + "00100000" + "18" + "0401");
        assertThatThrownBy(() -> FrameCodec.read(new DataInputStream(new ByteArrayInputStream(header)), 1024))
                .isInstanceOf(FrameException.class).hasMessageContaining("1025");
    }

    private static Frame read(byte[] bytes) throws IOException {
        return FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)), 1024);
    }
}
