#!/usr/bin/env python3
"""A client miner as the course writes it (requests + hashlib), used to prove that course clients work unchanged.

    python3 course_miner.py [NODE_URL] [--id NAME] [--zeros 6] [--seconds N] [--coins N]
    python3 course_miner.py --bench N

It reads its id from my_id.txt with f.read() (trailing newline and all), as course clients do, asks for
/last_block, searches proof = 0, 1, 2, ... until sha256(json.dumps(block, sort_keys=True) + str(proof)) starts
with the zeros, posts {"proof", "id"} and counts a coin when the answer's message is "New Block Forged".
The last line it prints is "coins: N" so a test can read it. It stops after --seconds, or once it has --coins.

--bench N hashes N proofs against a fixed block and prints "proofs/s: X": the Python baseline of
`client-miner bench`.
"""
import argparse
import hashlib
import json
import sys
import time

BENCH_BLOCK = {"index": 1, "previous_hash": "1", "proof": 100, "timestamp": 1700000000.1234567, "transactions": []}


def is_valid(block_string, proof, zeros):
    guess = f"{block_string}{proof}".encode()
    return hashlib.sha256(guess).hexdigest()[:zeros] == "0" * zeros


def proof_of_work(block, zeros, deadline):
    """The first proof that fits, or None when the deadline passes first (checked every 100,000 proofs)."""
    block_string = json.dumps(block, sort_keys=True)
    proof = 0
    while not is_valid(block_string, proof, zeros):
        proof += 1
        if proof % 100_000 == 0 and time.time() > deadline:
            return None
    return proof


def answer_of(response):
    """The node's message, or a short note when the body is not JSON (the miner keeps going either way)."""
    try:
        return response.json().get("message")
    except ValueError:
        return f"non-JSON answer {response.status_code}: {response.text[:60]!r}"


def bench(count):
    block_string = json.dumps(BENCH_BLOCK, sort_keys=True)
    started = time.perf_counter()
    for proof in range(count):
        is_valid(block_string, proof, 6)
    print(f"proofs/s: {count / (time.perf_counter() - started):.0f}")


def mine(node, miner_id, zeros, seconds, enough):
    import requests  # here, not at the top: --bench (the benchmark's baseline) runs on a bare python3

    deadline = time.time() + seconds
    coins = 0
    while time.time() < deadline and coins < enough:
        response = requests.get(f"{node}/last_block", timeout=10)
        try:
            payload = response.json()
        except ValueError:
            print(f"non-JSON answer {response.status_code} to /last_block; trying again")
            time.sleep(1)
            continue
        block = payload.get("last_block", payload)  # some servers send the block bare
        print(f"mining block {block.get('index')}")
        started = time.time()
        proof = proof_of_work(block, zeros, deadline)
        if proof is None:
            break
        print(f"proof {proof} found in {time.time() - started:.2f} s")
        response = requests.post(f"{node}/mine", json={"proof": proof, "id": miner_id}, timeout=10)
        message = answer_of(response)
        print(f"node: {response.status_code} {message}")
        if message == "New Block Forged":
            coins += 1
    print(f"coins: {coins}")


def main():
    parser = argparse.ArgumentParser(description="A course-style client miner.")
    parser.add_argument("node", nargs="?", default="http://localhost:5000", help="node URL (default %(default)s)")
    parser.add_argument("--id", help="miner id (default: the contents of my_id.txt)")
    parser.add_argument("--zeros", type=int, default=6, help="hex zeros the node requires (default 6)")
    parser.add_argument("--seconds", type=float, default=float("inf"), help="stop after this long (default: never)")
    parser.add_argument("--coins", type=int, default=None, help="stop once this many coins are won (default: never)")
    parser.add_argument("--bench", type=int, metavar="N", help="hash N proofs and print the rate, then stop")
    args = parser.parse_args()
    if args.bench:
        bench(args.bench)
        return
    if args.id is None:
        with open("my_id.txt") as f:
            args.id = f.read()
    mine(args.node.rstrip("/"), args.id, args.zeros, args.seconds, args.coins or float("inf"))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
