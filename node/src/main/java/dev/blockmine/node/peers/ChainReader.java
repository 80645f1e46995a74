package dev.blockmine.node.peers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code GET /chain} answer as it streams in, validating each block as soon as it has arrived: the first bad
 * block ends the read, a block larger than {@code maxBlockBytes} or an answer larger than {@code maxChainBytes} too.
 * Only the blocks that validated are held, as sealed blocks.
 */
final class ChainReader {

    /** A chain refused on its merits (not for being slow or unreachable). */
    static final class InvalidChain extends IOException {
        InvalidChain(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CountingStream in;
    private final long maxBlockBytes;

    private ChainReader(InputStream body, long maxChainBytes, long maxBlockBytes) {
        this.in = new CountingStream(body, maxChainBytes);
        this.maxBlockBytes = maxBlockBytes;
    }

    static List<SealedBlock> read(InputStream body, BlockValidation.Walk walk, long maxChainBytes, long maxBlockBytes)
            throws IOException {
        return new ChainReader(body, maxChainBytes, maxBlockBytes).read(walk);
    }

    private List<SealedBlock> read(BlockValidation.Walk walk) throws IOException {
        List<SealedBlock> chain = null;
        try (JsonParser parser = CanonicalJson.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidChain("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("chain") && value == JsonToken.START_ARRAY) {
                    chain = blocks(parser, walk);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // too large, interrupted at the deadline, or cut off
            }
            throw new InvalidChain("the answer is not valid JSON: " + e.getOriginalMessage());
        }
        if (chain == null || chain.isEmpty()) {
            throw new InvalidChain("the answer holds no chain");
        }
        return chain;
    }

    private List<SealedBlock> blocks(JsonParser parser, BlockValidation.Walk walk) throws IOException {
        List<SealedBlock> chain = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode block = value(parser, in.count());
            List<String> problems = walk.next(block);
            if (!problems.isEmpty()) {
                throw new InvalidChain(problems.getFirst());
            }
            try {
                chain.add(SealedBlock.fromJson(block));
            } catch (IllegalArgumentException e) {
                throw new InvalidChain(e.getMessage());
            }
        }
        return chain;
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
