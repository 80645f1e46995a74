#!/usr/bin/env python3
"""A miner for the binary mining protocol (README, "Binary mining protocol"), pure Python: struct and hashlib.

    python3 binary_miner.py HOST PORT [--name ana] [--jobs N] [--seconds S]

It sends G, searches the slot of every T it gets, sends S for the first nonce that meets the target, and asks
again after each answer. It prints one line per frame it receives and ends with "won: W lost: L rejected: R".
Pure Python is slow: give the node a low zero_bits target when testing with it.
"""
import argparse
import hashlib
import socket
import struct
import time

T_HEAD = struct.Struct("!HHIBH")  # txn, miner, slot, zero_bits, data_len
TXN = struct.Struct("!H")
SUBMIT = struct.Struct("!HI")  # txn, nonce
NONCE = struct.Struct("<I")


class Connection:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=30)

    def receive(self, size):
        data = bytearray()
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("the node closed the connection")
            data += chunk
        return bytes(data)

    def frame(self):
        """(type, fields) of the next frame from the node."""
        kind = self.receive(1)
        if kind == b"T":
            txn, miner, slot, bits, size = T_HEAD.unpack(self.receive(T_HEAD.size))
            return "T", {"txn": txn, "miner": miner, "slot": slot, "bits": bits, "data": self.receive(size)}
        if kind in (b"A", b"I", b"R"):
            return kind.decode(), {"txn": TXN.unpack(self.receive(TXN.size))[0]}
        if kind == b"Q":
            return "Q", {}
        raise ValueError(f"unknown frame type {kind!r}")

    def has_input(self):
        """True when the node has sent something (usually I): the search stops to read it."""
        self.sock.setblocking(False)
        try:
            return bool(self.sock.recv(1, socket.MSG_PEEK))
        except BlockingIOError:
            return False
        finally:
            self.sock.setblocking(True)

    def send(self, data):
        self.sock.sendall(data)


def meets(digest, bits):
    return int.from_bytes(digest, "big") >> (256 - bits) == 0


def search(job, connection, deadline):
    """A nonce of the job's slot that meets the target, or None (slot done, out of time, or the node spoke)."""
    first = job["miner"] * job["slot"]
    for offset in range(job["slot"]):
        nonce = (first + offset) & 0xFFFFFFFF
        if meets(hashlib.sha256(NONCE.pack(nonce) + job["data"]).digest(), job["bits"]):
            return nonce
        if offset % 4096 == 4095 and (time.time() > deadline or connection.has_input()):
            return None
    return None


def main():
    parser = argparse.ArgumentParser(description="A Python miner for the binary mining protocol.")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--name", default="pyminer", help="miner name, at most 10 bytes (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=1, help="stop after this many jobs won or lost (default 1)")
    parser.add_argument("--seconds", type=float, default=60, help="stop after this long (default 60)")
    args = parser.parse_args()
    ask = b"G" + args.name.encode()[:10].ljust(10, b"\0")
    deadline = time.time() + args.seconds
    counts = {"A": 0, "I": 0, "R": 0}
    connection = Connection(args.host, args.port)
    try:
        connection.send(ask)
        while counts["A"] + counts["I"] < args.jobs and time.time() < deadline:
            kind, fields = connection.frame()
            print(kind, {key: value for key, value in fields.items() if key != "data"}, flush=True)
            if kind == "Q":
                break
            if kind in counts:
                counts[kind] += 1
                connection.send(ask)
                continue
            nonce = search(fields, connection, deadline)
            if nonce is not None:
                connection.send(b"S" + SUBMIT.pack(fields["txn"], nonce))
            elif time.time() < deadline:
                connection.send(ask)
        try:
            connection.send(b"Q")
        except OSError:
            pass
    finally:
        connection.sock.close()
    print(f"won: {counts['A']} lost: {counts['I']} rejected: {counts['R']}")


if __name__ == "__main__":
    main()
