"""Block propagation across a network of nodes on this machine (run by scripts/network-bench.sh).

Starts N nodes (separate JVMs from node/target/node.jar), connects them in a line and, fresh again, in a random graph
of degree 3 (each node registered with its neighbours by POST /nodes/register), mines blocks on the first node and
times, per block, when each node has it: every node's /dashboard/events stream is read and a block counts as arrived
when it first shows up there. The first blocks go to fresh nodes (each still on a genesis block of its own, so the
others must adopt the chain), the rest to nodes that already agree (steady state).
"""
import argparse
import hashlib
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

JVM_FLAGS = ["-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


class Node:
    def __init__(self, number, port, java, jar, difficulty, log_dir):
        self.number = number
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.arrivals = {}  # (index, proof) -> monotonic time first seen
        self.lock = threading.Lock()
        self.log = open(os.path.join(log_dir, f"node-{number}.log"), "w")
        self.process = subprocess.Popen(
            [java, *JVM_FLAGS, "-jar", jar, f"--server.port={port}", "--node.tcp.port=-1",
             f"--node.difficulty={difficulty}"], stdout=self.log, stderr=subprocess.STDOUT)

    def get(self, path, timeout=5):
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return json.loads(response.read())

    def post(self, path, body, timeout=10):
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def watch(self):
        """Reads the node's event stream; records when each block (by index and proof) first appears."""
        def run():
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3600)
            connection.request("GET", "/dashboard/events", headers={"Accept": "text/event-stream"})
            response = connection.getresponse()
            while True:
                line = response.readline()
                if not line:
                    return
                if line.startswith(b"data:"):
                    now = time.monotonic()
                    snapshot = json.loads(line[5:])
                    with self.lock:
                        for block in snapshot["blocks"]:
                            self.arrivals.setdefault((block["index"], block["proof"]), now)
        threading.Thread(target=run, daemon=True).start()

    def has(self, key):
        with self.lock:
            return self.arrivals.get(key)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wait_up(nodes, timeout):
    deadline = time.monotonic() + timeout
    for node in nodes:
        while True:
            try:
                node.get("/last_block", timeout=2)
                break
            except OSError:
                if node.process.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"node {node.number} did not come up: see its log")
                time.sleep(0.5)


def line_graph(n):
    return [(i, i + 1) for i in range(n - 1)]


def random_graph(n, degree, rng):
    """A random connected graph in which every node has `degree` neighbours (configuration model, retried)."""
    while True:
        stubs = [i for i in range(n) for _ in range(degree)]
        rng.shuffle(stubs)
        edges = {tuple(sorted(stubs[i:i + 2])) for i in range(0, len(stubs), 2)}
        if len(edges) * 2 != len(stubs) or any(a == b for a, b in edges):
            continue
        reached, frontier = {0}, [0]
        while frontier:
            here = frontier.pop()
            for a, b in edges:
                for x, y in ((a, b), (b, a)):
                    if x == here and y not in reached:
                        reached.add(y)
                        frontier.append(y)
        if len(reached) == n:
            return sorted(edges)


def mine(node, zeros):
    block = node.get("/last_block")["last_block"]
    prefix = json.dumps(block, sort_keys=True)
    proof = 0
    while not hashlib.sha256((prefix + str(proof)).encode()).hexdigest().startswith("0" * zeros):
        proof += 1
    started = time.monotonic()
    status, answer = node.post("/mine", {"proof": proof, "id": "bench"})
    if status != 200:
        sys.exit(f"mining on node {node.number} answered {status}: {answer}")
    return (answer["index"], str(proof)), started


def run_topology(name, edges, args, java, jar, log_dir):
    nodes = [Node(i, args.base_port + i, java, jar, args.difficulty, log_dir) for i in range(args.nodes)]
    rows = []
    try:
        wait_up(nodes, args.startup_timeout)
        for node in nodes:
            node.watch()
        for a, b in edges:
            nodes[a].post("/nodes/register", {"nodes": [nodes[b].url]})
            nodes[b].post("/nodes/register", {"nodes": [nodes[a].url]})
        time.sleep(1)  # the watchers are connected
        genesis = {json.dumps(node.get("/last_block")["last_block"], sort_keys=True) for node in nodes}
        print(f"{name}: {len(nodes)} nodes up, {len(edges)} links, {len(genesis)} different genesis blocks", flush=True)
        for number in range(args.fresh + args.steady):
            phase = "fresh" if number < args.fresh else "steady"
            key, started = mine(nodes[0], args.difficulty)
            deadline = started + args.block_timeout
            while time.monotonic() < deadline and not all(node.has(key) for node in nodes):
                time.sleep(0.01)
            delays = [node.has(key) - started for node in nodes[1:] if node.has(key)]
            rows.append((name, phase, key[0], 1 + len(delays), len(nodes),
                         statistics.median(delays) * 1000 if delays else float("nan"),
                         max(delays) * 1000 if delays else float("nan"),
                         (nodes[-1].has(key) - started) * 1000 if nodes[-1].has(key) else float("nan")))
            _, _, index, have, total, p50, worst, last = rows[-1]
            print("  block %d (%s): %d/%d nodes, p50 %.0f ms, max %.0f ms, last node %.0f ms"
                  % (index, phase, have, total, p50, worst, last), flush=True)
            time.sleep(args.pause)
    finally:
        for node in nodes:
            node.stop()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nodes", type=int, nargs="?", default=10)
    parser.add_argument("--topology", choices=["line", "random", "both"], default="both")
    parser.add_argument("--fresh", type=int, default=3, help="blocks mined on fresh nodes (default 3)")
    parser.add_argument("--steady", type=int, default=5, help="blocks mined after that (default 5)")
    parser.add_argument("--difficulty", type=int, default=4, help="hex zeros (default 4)")
    parser.add_argument("--base-port", type=int, default=5100)
    parser.add_argument("--seed", type=int, default=18, help="of the random graph")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between blocks")
    parser.add_argument("--block-timeout", type=float, default=30.0)
    parser.add_argument("--startup-timeout", type=float, default=300.0)
    parser.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"))
    parser.add_argument("--jar", default="node/target/node.jar")
    parser.add_argument("--logs", default="target/network-bench")
    args = parser.parse_args()
    os.makedirs(args.logs, exist_ok=True)
    topologies = []
    if args.topology in ("line", "both"):
        topologies.append(("line", line_graph(args.nodes)))
    if args.topology in ("random", "both"):
        topologies.append(("random, degree 3", random_graph(args.nodes, 3, random.Random(args.seed))))
    rows = []
    for name, edges in topologies:
        rows += run_topology(name, edges, args, args.java, args.jar, args.logs)
    print(f"\n{args.nodes} nodes, JVMs {' '.join(JVM_FLAGS)}, {os.cpu_count()} cores, difficulty {args.difficulty}; "
          "times from POST /mine on node 0 to the block in each other node's event stream\n")
    print("| topology | phase | block | nodes with it | p50 ms | max ms | last node in the line ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, phase, index, have, total, p50, worst, last in rows:
        print(f"| {name} | {phase} | {index} | {have}/{total} | {p50:.0f} | {worst:.0f} | {last:.0f} |")


if __name__ == "__main__":
    main()
