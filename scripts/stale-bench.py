#!/usr/bin/env python3
"""Stale-work benchmark (run through scripts/stale-bench.sh, which builds the jars).

Starts a node (node/target/node.jar) and MINERS Java miners (client-miner.jar, --threads 1 each, ids bench-1..N) for
SECONDS, once per mode: push (the miners listen to GET /events) and poll (--no-push: they ask GET /last_block every
second, as before). Each miner writes one JSON line per proof search (--search-log); afterwards the node's chain
says when every block was forged, so for every search that did not win its block we know how long it went on after
someone else had forged it: search time spent on a dead block. Prints one table row per mode:

  blocks forged         blocks the node appended in the SECONDS that start --warmup seconds after every miner
                        has started searching (the window; the searches counted below are those that ended in it)
  stale valid proofs    proofs the node answered 409 "too late": valid, but for a block already forged
  stale share           stale valid proofs / blocks forged (the issue's target: <= 3 % with three miners)
  abandoned             searches dropped because a new block was heard of (pushed or polled)
  search thread-s       seconds of proof search x threads (CPU-seconds when every search thread has a core)
  on dead blocks        of them, spent after the block was forged elsewhere, and its share
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_JAR = ROOT / "node/target/node.jar"
MINER_JAR = ROOT / "client-miner/target/client-miner.jar"


def parse_args():
    p = argparse.ArgumentParser(prog="scripts/stale-bench.sh", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("miners", nargs="?", type=int, default=3, help="Java miners (default 3)")
    p.add_argument("seconds", nargs="?", type=float, default=40, help="seconds per mode (default 40)")
    p.add_argument("--warmup", type=float, default=20,
                   help="seconds of mining before the window starts, for the JIT (default 20)")
    p.add_argument("--modes", default="push,poll", help="comma-separated: push, poll (default push,poll)")
    p.add_argument("--port", type=int, default=5080, help="the node's HTTP port (default 5080)")
    p.add_argument("--difficulty", type=int, default=6, help="hex zeros (default 6, as the course)")
    p.add_argument("--engine", default="auto", help="the miners' --engine (default auto)")
    p.add_argument("--poll", type=float, default=1.0, help="the miners' --poll in poll mode (default 1 s)")
    p.add_argument("--keep", action="store_true", help="keep the logs (printed path) instead of deleting them")
    return p.parse_args()


def get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read())


def wait_for(url, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            return get_json(url, 2)
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the node did not answer {url} within {seconds} s")


def run_mode(mode, args, work):
    base = f"http://127.0.0.1:{args.port}"
    node_log = open(work / f"node-{mode}.log", "w")
    node = subprocess.Popen(["java", "-Xmx512m", "-jar", str(NODE_JAR), f"--server.port={args.port}",
                             "--node.tcp.port=-1", f"--node.difficulty={args.difficulty}"],
                            cwd=work, stdout=node_log, stderr=subprocess.STDOUT)
    miners = []
    try:
        wait_for(base + "/last_block")
        for i in range(1, args.miners + 1):
            cmd = ["java", "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-jar", str(MINER_JAR), base,
                   "--id", f"bench-{i}", "--threads", "1", "--zeros", str(args.difficulty), "--engine", args.engine,
                   "--search-log", str(work / f"{mode}-miner-{i}.jsonl")]
            if mode == "poll":
                cmd += ["--no-push", "--poll", str(args.poll)]
            out = open(work / f"{mode}-miner-{i}.log", "w")
            miners.append((subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT), out))
        # the clock starts once every miner searches (JVM start-up on a busy machine takes seconds)
        deadline = time.time() + 120
        while not all("proof of work started" in (work / f"{mode}-miner-{i}.log").read_text()
                      for i in range(1, args.miners + 1)):
            if time.time() > deadline:
                raise SystemExit(f"the miners did not start searching within 120 s (logs in {work})")
            time.sleep(0.2)
        time.sleep(args.warmup)  # the JIT compiles the search kernel: the first blocks take seconds
        window = (time.time(), time.time() + args.seconds)
        time.sleep(args.seconds)
        for proc, _ in miners:
            proc.send_signal(signal.SIGTERM)
        for proc, out in miners:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            out.close()
        chain = get_json(base + "/chain", 30)["chain"]
        (work / f"chain-{mode}.json").write_text(json.dumps(chain))
    finally:
        for proc, _ in miners:
            if proc.poll() is None:
                proc.kill()
        node.send_signal(signal.SIGTERM)
        try:
            node.wait(timeout=30)
        except subprocess.TimeoutExpired:
            node.kill()
        node_log.close()
    return summarise(mode, args, work, chain, window)


def summarise(mode, args, work, chain, window):
    """Blocks forged and searches ended inside the window, so every mode is judged over the same SECONDS."""
    inside = lambda t: window[0] <= t <= window[1]
    forged_at = {b["index"]: b["timestamp"] for b in chain}
    searches = []
    for i in range(1, args.miners + 1):
        log = work / f"{mode}-miner-{i}.jsonl"
        if log.exists():
            searches += [s for s in (json.loads(line) for line in log.read_text().splitlines() if line.strip())
                         if inside(s["end"])]
    outcomes = {}
    for s in searches:
        outcomes[s["outcome"]] = outcomes.get(s["outcome"], 0) + 1
    cpu = sum((s["end"] - s["start"]) * s["threads"] for s in searches)
    dead = 0.0
    for s in searches:
        if s["outcome"] == "won" or s["index"] not in forged_at:
            continue
        dead += max(0.0, s["end"] - max(s["start"], forged_at[s["index"]])) * s["threads"]
    blocks = sum(1 for b in chain if b["index"] > 1 and inside(b["timestamp"]))
    stale = outcomes.get("stale", 0)
    return {"mode": mode, "blocks": blocks, "stale": stale, "won": outcomes.get("won", 0),
            "abandoned": outcomes.get("abandoned", 0), "cpu": cpu, "dead": dead,
            "stale_share": 100.0 * stale / blocks if blocks else 0.0, "dead_share": 100.0 * dead / cpu if cpu else 0.0}


def main():
    args = parse_args()
    for jar in (NODE_JAR, MINER_JAR):
        if not jar.exists():
            raise SystemExit(f"{jar} is missing: run scripts/stale-bench.sh, which builds it")
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if any(m not in ("push", "poll") for m in modes):
        raise SystemExit("--modes takes push and/or poll")
    work = Path(tempfile.mkdtemp(prefix="stale-bench-"))
    print(f"{args.miners} miners (--threads 1), {args.seconds:g} s per mode after {args.warmup:g} s of warm-up, difficulty {args.difficulty}, "
          f"{os.cpu_count()} cores; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    rows = []
    for mode in modes:
        rows.append(run_mode(mode, args, work))
        print(f"  {mode}: done", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| mode | miners | seconds | blocks forged | stale valid proofs (409) | stale share of blocks | searches abandoned"
          " | search thread-s | thread-s on dead blocks | share on dead blocks |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    label = {"push": "push (server-sent events)", "poll": f"polling every {args.poll:g} s"}
    for r in rows:
        print(f"| {label[r['mode']]} | {args.miners} | {args.seconds:g} | {r['blocks']} | {r['stale']} | "
              f"{r['stale_share']:.1f} % | {r['abandoned']} | {r['cpu']:.1f} | {r['dead']:.1f} | {r['dead_share']:.1f} % |")
    if args.keep:
        print(f"\nlogs: {work}")
    else:
        for f in work.iterdir():
            f.unlink()
        work.rmdir()


if __name__ == "__main__":
    sys.exit(main())
