#!/usr/bin/env python3
"""Runs the attacks of the security section against a running node and reports what they cost it.

    python3 scripts/attack-node.py http://127.0.0.1:5000 --pid $(pgrep -n -f node.jar) [--seconds 60]

(-n: the newest, the node's own JVM: `java -jar node.jar` relaunches itself from the AOT cache as a child process.)

Hostile peers are served from this process (an endless answer, a trickling one, a 1,000,000-block chain that is
invalid from its second block); then, round after round until --seconds have passed: resolves against them, 300
announcements of blocks far ahead, 10,000 dead peers in 33 requests, impossible peer URLs, cross-site POSTs,
malformed requests on raw sockets, announced blocks with absurd fields, dashboard viewers that never read.
Throughout, a bystander asks GET /last_block every 0.2 s; the node's heap (jvm_memory_used_bytes, heap), RSS and
open files are sampled. Prints the worst /last_block time, the peak heap and RSS, and whether the chain stayed at its length.
Standard library only; the node needs node.difficulty low enough for Python to find a proof (3 is quick).
"""
import argparse
import hashlib
import http.server
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def call(url, body=None, content_type="application/json", method=None, timeout=30):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method)
    if content_type and data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def block_string(block):
    return json.dumps(block, sort_keys=True)


def proof_for(previous, zeros, start=0, valid=True):
    text, proof = block_string(previous), start
    while (hashlib.sha256((text + str(proof)).encode()).hexdigest().startswith("0" * zeros)) != valid:
        proof += 1
    return proof


class Peer(http.server.ThreadingHTTPServer):
    """A hostile peer (a peer URL has no path, so each kind has a port of its own)."""
    daemon_threads = True


def peer_handler(genesis, kind):
    head = '{"chain": [' + block_string(genesis)
    previous_hash = hashlib.sha256(block_string(genesis).encode()).hexdigest()
    bad = proof_for(genesis, 3, valid=False)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                self.chunk(head)
                if kind == "endless":
                    while True:
                        self.chunk(" " * 65536)
                elif kind == "slow":
                    for _ in range(600):
                        self.chunk(" ")
                        time.sleep(0.5)
                else:
                    for index in range(2, 1_000_001):
                        self.chunk(', {"index": %d, "previous_hash": "%s", "proof": %d, "timestamp": 1700000000.5, '
                                   '"transactions": []}' % (index, previous_hash, bad))
                self.chunk('], "length": 1}')
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the node hung up

        def chunk(self, text):
            data = text.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    return Handler


def raw(host, port, data):
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(data)
        try:
            return s.recv(200)
        except OSError:
            return b""


def attacks(node, host, port, hostile, stop):
    rounds = 0
    while not stop.is_set():
        rounds += 1
        status, _ = call(node + "/nodes/register", {"nodes": hostile})
        assert status == 201, "the hostile peers were not registered: %d" % status
        threads = [threading.Thread(target=call, args=(node + "/nodes/resolve",), daemon=True) for _ in range(3)]
        for t in threads:
            t.start()
        for i in range(300):  # attack 5: gaps
            call(node + "/blocks", {"index": 1000 + i, "previous_hash": "ab" * 32, "proof": 1, "timestamp": 1.5,
                                    "transactions": []})
        for r in range(33):  # attack 8: 10,000 dead peers (the first request fills the registry, the rest get 409)
            call(node + "/nodes/register", {"nodes": ["http://10.%d.%d.%d:9" % (rounds % 250, r, i)
                                                      for i in range(1, 58 if r == 0 else 304)]})
        for bad in ("http://127.0.0.1:99999", "http://169.254.169.254", "ftp://x:1"):  # attack 9
            call(node + "/nodes/register", {"nodes": [bad]})
        for kind in (None, "text/plain"):  # attack 10
            call(node + "/nodes/register", json.dumps({"nodes": ["http://127.0.0.1:1"]}).encode(), content_type=kind)
        for request in (b"GARBAGE\r\n\r\n", b"GET / HTTP/3.0\r\nHost: x\r\n\r\n",
                        b"GET /x HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 20000 + b"\r\n\r\n"):
            raw(host, port, request)
        tip = json.loads(call(node + "/last_block")[1])["last_block"]
        for timestamp, recipient in ((1e308, "eve"), (1.5, "x" * 5000)):  # attack 4
            block = {"index": tip["index"] + 1, "previous_hash": hashlib.sha256(block_string(tip).encode()).hexdigest(),
                     "proof": proof_for(tip, 3), "timestamp": timestamp,
                     "transactions": [{"amount": 1, "recipient": recipient, "sender": "0"}]}
            call(node + "/blocks", block_string(block).encode())
        viewers = []
        for _ in range(4):  # attack 6: viewers that never read
            s = socket.create_connection((host, port))
            s.sendall(b"GET /dashboard/events HTTP/1.1\r\nHost: x\r\n\r\n")
            viewers.append(s)
        for t in threads:
            t.join(60)
        for s in viewers:
            s.close()
        for peer in json.loads(call(node + "/nodes")[1])["nodes"]:  # start the next round with room for them
            call(node + "/nodes?url=" + urllib.parse.quote(peer, safe=""), method="DELETE")
    return rounds


def sample(node, pid, stop, worst):
    while not stop.is_set():
        started = time.monotonic()
        try:
            call(node + "/last_block", timeout=5)
            worst["last_block"] = max(worst["last_block"], time.monotonic() - started)
        except OSError:
            worst["last_block"] = max(worst["last_block"], 5.0)
            worst["failures"] += 1
        try:
            metrics = call(node + "/actuator/prometheus", timeout=5)[1].decode()
            heap = sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
                       if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line)
            worst["heap"] = max(worst["heap"], heap)
        except (OSError, ValueError, IndexError):
            pass
        if pid:
            with open("/proc/%d/status" % pid) as status:
                rss = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS"))
            worst["rss"] = max(worst["rss"], rss)
            worst["fds"] = max(worst["fds"], len(os.listdir("/proc/%d/fd" % pid)))
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("node")
    parser.add_argument("--pid", type=int, default=0, help="the node's process id, to read its RSS")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    node = args.node.rstrip("/")
    host, port = urllib.parse.urlsplit(node).hostname, urllib.parse.urlsplit(node).port
    genesis = json.loads(call(node + "/chain")[1])["chain"][0]
    length = len(json.loads(call(node + "/chain")[1])["chain"])
    hostile = []
    for kind in ("endless", "slow", "million"):
        peer = Peer(("127.0.0.1", 0), peer_handler(genesis, kind))
        threading.Thread(target=peer.serve_forever, daemon=True).start()
        hostile.append("http://127.0.0.1:%d" % peer.server_address[1])
    stop = threading.Event()
    worst = {"last_block": 0.0, "failures": 0, "heap": 0.0, "rss": 0, "fds": 0}
    sampler = threading.Thread(target=sample, args=(node, args.pid, stop, worst), daemon=True)
    sampler.start()
    timer = threading.Timer(args.seconds, stop.set)
    timer.start()
    rounds = attacks(node, host, port, hostile, stop)
    sampler.join()
    after = len(json.loads(call(node + "/chain")[1])["chain"])
    print("rounds of attacks: %d in %.0f s" % (rounds, args.seconds))
    print("GET /last_block: worst %.0f ms, %d failed" % (worst["last_block"] * 1000, worst["failures"]))
    print("heap used: peak %.0f MB; RSS: peak %.0f MB; open files: peak %d"
          % (worst["heap"] / 2**20, worst["rss"] / 2**20, worst["fds"]))
    print("chain length: %d before, %d after (announced blocks with absurd fields refused)" % (length, after))


if __name__ == "__main__":
    main()
