package dev.blockmine.node.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.NodeProperties.LastBlockShape;
import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.pow.CanonicalJson;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Reading the chain. Blocks are served as their block strings: exactly what Python's json.dumps makes of them. Every
 * read takes the chain's current version without a lock or a copy; long answers are streamed ({@link ChainBodies}).
 */
@RestController
class ChainController {

    /** Blocks in one page at most, and the default page. */
    static final int MAX_PAGE_BLOCKS = 1000;
    static final int DEFAULT_PAGE_BLOCKS = 500;
    /** A page ends after the block that takes it past this many bytes (so a page of fat blocks stays small). */
    static final int MAX_PAGE_BYTES = 1024 * 1024;

    private final Chain chain;
    private final MinerActivity activity;
    private final LastBlockShape shape;
    private final ChainBodies bodies;

    ChainController(Chain chain, MinerActivity activity, NodeProperties properties, ChainBodies bodies) {
        this.chain = chain;
        this.activity = activity;
        this.shape = properties.lastBlockShape();
        this.bodies = bodies;
    }

    @Operation(summary = "The last block, wrapped as {\"last_block\": …} (node.last-block-shape)")
    @GetMapping("/last_block")
    ResponseEntity<String> lastBlock(HttpServletRequest request) {
        activity.seen(request.getRemoteAddr());
        String block = chain.tip().blockString();
        return JsonResponses.raw(HttpStatus.OK, shape == LastBlockShape.BARE ? block : "{\"last_block\": " + block + "}");
    }

    /**
     * The whole chain, as the course serves it ({@code {"chain": [...], "length": n}}), or with {@code from} (and
     * {@code limit}) a page of it: {@code {"chain": [blocks from..], "from": from, "length": n}}, n the whole chain's
     * length, at most {@value #MAX_PAGE_BLOCKS} blocks and about {@value #MAX_PAGE_BYTES} bytes; empty past the tip.
     */
    @Operation(summary = "The whole chain and its length, streamed; with from (and limit, 1 to 1000, default 500) a"
            + " page of it: {\"chain\": [...], \"from\", \"length\"}, about 1 MB at most")
    @GetMapping("/chain")
    void chain(@RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "limit", required = false) String limit, HttpServletResponse response) throws IOException {
        BlockList blocks = chain.blocks();
        if (from == null && limit == null) {
            bodies.write(response, "{\"chain\": [", blocks, "], \"length\": " + blocks.size() + "}", true);
            return;
        }
        long first = from == null ? 1 : RequestParameters.integer("from", from, 1, Long.MAX_VALUE);
        int most = limit == null ? DEFAULT_PAGE_BLOCKS : (int) RequestParameters.integer("limit", limit, 1, MAX_PAGE_BLOCKS);
        List<SealedBlock> page = page(blocks, first, most);
        bodies.write(response, "{\"chain\": [", page, "], \"from\": " + first + ", \"length\": " + blocks.size() + "}",
                false);
    }

    /** One block by its index or its hash: {@code {"block": {...}, "hash": "...", "index": n}}. */
    @Operation(summary = "One block by its index or hash: {\"block\", \"hash\", \"index\"}; 404 when unknown")
    @GetMapping("/blocks/{id}")
    ResponseEntity<String> block(@PathVariable("id") String id) {
        BlockList blocks = chain.blocks();
        SealedBlock block = RequestParameters.block(id, chain, blocks);
        return JsonResponses.raw(HttpStatus.OK, "{\"block\": " + block.blockString() + ", \"hash\": "
                + CanonicalJson.quote(block.hash()) + ", \"index\": " + block.index() + "}");
    }

    /** Blocks from {@code first}, at most {@code most} of them and about {@link #MAX_PAGE_BYTES}; empty past the tip. */
    static List<SealedBlock> page(BlockList blocks, long first, int most) {
        if (first > blocks.size()) {
            return List.of();
        }
        long last = Math.min(blocks.size(), first + most - 1);
        long bytes = 0;
        for (long index = first; index <= last; index++) {
            bytes += blocks.at(index).blockString().length();
            if (bytes > MAX_PAGE_BYTES) {
                last = index;
                break;
            }
        }
        return blocks.range(first, last);
    }
}
