#!/usr/bin/env python3
"""A small server for the binary mining protocol (README, "Binary mining protocol"), Python asyncio.

    python3 binary_node.py [--port 5001] [--bits 24] [--slot 1048576]

An independent implementation to try miners against: each job is 1024 random bytes, the first valid nonce wins
(A), every other miner holding the job is told to stop (I), a valid nonce for a job already won also gets I, and
anything else gets R. It prints "listening on PORT" once ready, then one line per job won.
"""
import argparse
import asyncio
import hashlib
import os
import struct

T_HEAD = struct.Struct("!HHIBH")
TXN = struct.Struct("!H")
SUBMIT = struct.Struct("!HI")
NONCE = struct.Struct("<I")


class Job:
    def __init__(self, txn, bits):
        self.txn, self.bits = txn, bits
        self.data = os.urandom(1024)
        self.won = False
        self.holders = set()

    def valid(self, nonce):
        digest = hashlib.sha256(NONCE.pack(nonce) + self.data).digest()
        return int.from_bytes(digest, "big") >> (256 - self.bits) == 0


class Pool:
    def __init__(self, bits, slot):
        self.bits, self.slot = bits, slot
        self.miners_handed = 0
        self.previous = None
        self.job = Job(1, bits)

    def hand_out(self, writer):
        """The T frame of the open job for this miner, with a fresh miner number (so slots never overlap)."""
        self.miners_handed += 1
        self.job.holders.add(writer)
        head = T_HEAD.pack(self.job.txn, self.miners_handed % 65536, self.slot, self.bits, len(self.job.data))
        return b"T" + head + self.job.data

    def judge(self, writer, txn, nonce):
        job = self.job if txn == self.job.txn else self.previous if self.previous and txn == self.previous.txn else None
        if job is None or not job.valid(nonce):
            return b"R" + TXN.pack(txn)
        if job.won:
            return b"I" + TXN.pack(txn)
        job.won = True
        for other in job.holders - {writer}:
            other.write(b"I" + TXN.pack(txn))
        print(f"job {txn} won with nonce {nonce}", flush=True)
        self.previous, self.job = job, Job((job.txn + 1) % 65536, self.bits)
        return b"A" + TXN.pack(txn)


async def serve(pool, reader, writer):
    try:
        while True:
            kind = await reader.readexactly(1)
            if kind == b"G":
                await reader.readexactly(10)
                writer.write(pool.hand_out(writer))
            elif kind == b"S":
                txn, nonce = SUBMIT.unpack(await reader.readexactly(SUBMIT.size))
                writer.write(pool.judge(writer, txn, nonce))
            elif kind == b"Q":
                break
            else:
                writer.write(b"Q")  # a protocol error ends this one connection
                break
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        pool.job.holders.discard(writer)
        writer.close()


async def main():
    parser = argparse.ArgumentParser(description="A Python server for the binary mining protocol.")
    parser.add_argument("--port", type=int, default=5001, help="TCP port (default 5001)")
    parser.add_argument("--bits", type=int, default=24, help="leading zero bits a nonce needs (default 24)")
    parser.add_argument("--slot", type=int, default=1 << 20, help="nonces per miner number (default 2^20)")
    args = parser.parse_args()
    pool = Pool(args.bits, args.slot)
    server = await asyncio.start_server(lambda r, w: serve(pool, r, w), "127.0.0.1", args.port)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
