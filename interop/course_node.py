#!/usr/bin/env python3
"""The exercise's server as a course builds it: Flask, one chain in memory, nothing checked but the proof.

    python3 course_node.py [--port 5000] [--zeros 6]

It is the baseline of the side-by-side HTTP load benchmark (scripts/http-load.sh) and a second server that the
Java miner is tried against. It follows the HTTP contract (README, "The HTTP API"): blocks are served as
Flask's jsonify writes them (keys sorted), the proof is checked against json.dumps(last_block, sort_keys=True),
and a failed /mine gets a JSON message.
"""
import argparse
import hashlib
import json
import threading
import time

from flask import Flask, jsonify, request

app = Flask(__name__)


class Chain:
    """The blocks and the pending transactions; one lock, because Flask serves each request on its own thread."""

    def __init__(self, zeros):
        self.target = "0" * zeros
        self.blocks = []
        self.pending = []
        self.lock = threading.Lock()
        self._seal(proof=100, previous_hash="1")

    @property
    def tip(self):
        return self.blocks[-1]

    def _seal(self, proof, previous_hash):
        block = {
            "index": len(self.blocks) + 1,
            "timestamp": time.time(),
            "transactions": self.pending,
            "proof": proof,
            "previous_hash": previous_hash,
        }
        self.pending = []
        self.blocks.append(block)
        return block

    @staticmethod
    def block_string(block):
        return json.dumps(block, sort_keys=True)

    def meets_target(self, proof):
        guess = f"{self.block_string(self.tip)}{proof}".encode()
        return hashlib.sha256(guess).hexdigest().startswith(self.target)

    def forge(self, proof, miner_id):
        """The new block, or None when the proof does not fit the current tip."""
        with self.lock:
            if not self.meets_target(proof):
                return None
            self.pending.append({"sender": "0", "recipient": miner_id, "amount": 1})
            previous_hash = hashlib.sha256(self.block_string(self.tip).encode()).hexdigest()
            return self._seal(proof, previous_hash)

    def add_transaction(self, sender, recipient, amount):
        with self.lock:
            self.pending.append({"sender": sender, "recipient": recipient, "amount": amount})
            return self.tip["index"] + 1


chain = None


def json_body(*fields):
    body = request.get_json(silent=True)
    if isinstance(body, dict) and all(field in body for field in fields):
        return body
    return None


@app.get("/last_block")
def last_block():
    return jsonify({"last_block": chain.tip}), 200


@app.get("/chain")
def whole_chain():
    with chain.lock:
        blocks = list(chain.blocks)
    return jsonify({"chain": blocks, "length": len(blocks)}), 200


@app.post("/mine")
def mine():
    body = json_body("proof", "id")
    if body is None:
        return jsonify({"message": "proof and id are required"}), 400
    block = chain.forge(body["proof"], body["id"])
    if block is None:
        return jsonify({"message": "Invalid proof (or the block was already forged)"}), 400
    return jsonify({"message": "New Block Forged", "index": block["index"], "transactions": block["transactions"],
                    "proof": block["proof"], "previous_hash": block["previous_hash"]}), 200


@app.post("/transactions/new")
def new_transaction():
    body = json_body("sender", "recipient", "amount")
    if body is None:
        return jsonify({"message": "sender, recipient and amount are required"}), 400
    index = chain.add_transaction(body["sender"], body["recipient"], body["amount"])
    return jsonify({"message": f"Transaction will be added to Block {index}"}), 201


def main():
    global chain
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5000, help="HTTP port (default 5000, as the course)")
    parser.add_argument("--zeros", type=int, default=6, help="leading hex zeros a proof needs (default 6)")
    args = parser.parse_args()
    chain = Chain(args.zeros)
    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
