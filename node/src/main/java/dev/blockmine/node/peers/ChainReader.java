package dev.blockmine.node.peers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code GET /chain} answer (a page of it, or a whole chain from a node that does not page) as it streams in,
 * handing each block to a {@link Blocks} sink the moment it has arrived: the sink validates it, and its first bad
 * block ends the read. A block larger than {@link BlockShape#MAX_BLOCK_READ_BYTES} or an answer larger than
 * {@code maxBytes} ends it too. Nothing but the block being read is held here.
 */
final class ChainReader {

    /** A chain refused on its merits (not for being slow or unreachable). */
    static final class InvalidChain extends IOException {
        InvalidChain(String message) {
            super(message);
        }
    }

    /** Takes the blocks of an answer, in order. */
    interface Blocks {
        /** @throws InvalidChain to end the read at a bad block */
        void accept(JsonNode block) throws IOException;
    }

    /**
     * What the answer said besides its blocks.
     *
     * @param from the index of its first block, when it is a page (a node that does not page sends the whole chain)
     * @param length the length of the whole chain it was taken from
     * @param blocks how many blocks it held
     */
    record End(OptionalLong from, long length, int blocks) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CountingStream in;
    private final long maxBlockBytes = BlockShape.MAX_BLOCK_READ_BYTES;

    private ChainReader(InputStream body, long maxBytes) {
        this.in = new CountingStream(body, maxBytes);
    }

    static End read(InputStream body, Blocks sink, long maxBytes) throws IOException {
        return new ChainReader(body, maxBytes).read(sink);
    }

    private End read(Blocks sink) throws IOException {
        int blocks = -1;
        OptionalLong from = OptionalLong.empty();
        long length = -1;
        try (JsonParser parser = CanonicalJson.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidChain("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("chain") && value == JsonToken.START_ARRAY) {
                    blocks = blocks(parser, sink);
                } else if (name.equals("from") && value == JsonToken.VALUE_NUMBER_INT) {
                    from = OptionalLong.of(parser.getLongValue());
                } else if (name.equals("length") && value == JsonToken.VALUE_NUMBER_INT) {
                    length = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // too large, interrupted at the deadline, cut off, or a bad block
            }
            throw new InvalidChain("the answer is not valid JSON: " + e.getOriginalMessage());
        }
        if (blocks < 0) {
            throw new InvalidChain("the answer holds no chain");
        }
        return new End(from, length < 0 && from.isEmpty() ? blocks : length, blocks);
    }

    private int blocks(JsonParser parser, Blocks sink) throws IOException {
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sink.accept(value(parser, in.count()));
            count++;
        }
        return count;
    }

    /** The value at the parser's token, built one token at a time so that a block's size is known while it arrives. */
    private JsonNode value(JsonParser parser, long start) throws IOException {
        if (in.count() - start > maxBlockBytes) {
            throw new InvalidChain("a block is larger than " + maxBlockBytes + " bytes");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser, start)); // a repeated key keeps the last value, as json.loads does
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, start));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new InvalidChain("unexpected " + parser.currentToken());
        };
    }

    /** Counts the bytes read and refuses to read past the limit. */
    private static final class CountingStream extends FilterInputStream {

        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (count >= limit) {
                throw new IOException("the answer is larger than " + limit + " bytes");
            }
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
