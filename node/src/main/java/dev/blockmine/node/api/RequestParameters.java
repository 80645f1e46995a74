package dev.blockmine.node.api;

import java.util.Optional;

import org.springframework.http.HttpStatus;

import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;

/**
 * Query and path parameters read the one way every page and endpoint reads them (the API's and the explorer's), with
 * the {@link ApiException} that says what was wrong.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * A query parameter read as an integer from {@code min} to {@code max}, or the 400 that says so (quoting at most
     * 40 characters of what was sent).
     */
    public static long integer(String name, String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max + ", was "
                + CanonicalJson.quote(text.length() > 40 ? text.substring(0, 40) + "…" : text));
    }

    /**
     * The block a path names in {@code blocks} (a version of {@code chain}'s blocks): by its index (1 for the genesis
     * block) or its hash; the 400 for neither, the 404 for a block that version does not hold.
     */
    public static SealedBlock block(String id, Chain chain, BlockList blocks) {
        Optional<SealedBlock> found;
        if (id.matches("[0-9]{1,18}")) {
            long index = Long.parseLong(id);
            found = index >= 1 && index <= blocks.size() ? Optional.of(blocks.at(index)) : Optional.empty();
        } else if (id.matches("[0-9a-f]{64}")) {
            found = chain.blockWithHash(id).filter(block -> block.index() <= blocks.size());
        } else {
            throw ApiException.badRequest("Name a block by its index (1 for the genesis block) or its hash (64 lowercase"
                    + " hex digits)");
        }
        return found.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No block " + id
                + " in this chain (its length is " + blocks.size() + ")"));
    }
}
