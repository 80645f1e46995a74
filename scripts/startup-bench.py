#!/usr/bin/env python3
"""Time from a node's start to its first answer to GET /last_block (run through scripts/startup-bench.sh).

Starts the node RUNS times, one after the other, each on free ports, and times from the
moment the process is started to the first 200 answer to GET /last_block (asked every 10 ms), and the CPU time
the node had used by then (less sensitive to the load than the wall time); then stops it.
Prints the machine, the load average before and after, every run and the median. The command is the README's
(`java -jar node/target/node.jar`) unless one is given after `--`; the ports are appended to it.
"""
import argparse
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown cpu"


def cpu_seconds(group):
    """CPU time (user + system) of the live processes in a process group: the node and a JVM it started."""
    ticks = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ..., utime (12), stime (13)
                ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process):
    """SIGTERM to the node and to a JVM it started itself (its own process group), then SIGKILL after 30 s."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass  # it had already exited
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def one_run(command, timeout, log):
    port = free_port()
    url = f"http://127.0.0.1:{port}/last_block"
    full = [*command, f"--server.port={port}", f"--node.tcp.port={free_port()}"]
    with open(log, "w") as out:
        start = time.monotonic()
        process = subprocess.Popen(full, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while time.monotonic() - start < timeout:
                if process.poll() is not None:
                    sys.exit(f"the node exited with {process.returncode} before answering (log: {log})")
                if answers(url):
                    return time.monotonic() - start, cpu_seconds(process.pid)
                time.sleep(0.01)
            sys.exit(f"the node did not answer within {timeout} s (log: {log})")
        finally:
            stop(process)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="?", type=int, default=5, help="how many starts (default 5)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one start may take (default 120)")
    parser.add_argument("--log", default=str(ROOT / "target/startup-bench.log"), help="the last run's output")
    parser.add_argument("command", nargs=argparse.REMAINDER,
                        help="-- then the command that starts the node (default: java -jar node/target/node.jar)")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
        command = [java, "-jar", str(ROOT / "node/target/node.jar")]
    Path(args.log).parent.mkdir(parents=True, exist_ok=True)

    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()} {platform.release()}")
    print(f"command: {' '.join(command)} --server.port=... --node.tcp.port=...")
    print(f"load average before: {load_average()}")
    times, cpus = [], []
    for run in range(1, args.runs + 1):
        seconds, cpu = one_run(command, args.timeout, args.log)
        times.append(seconds)
        cpus.append(cpu)
        print(f"run {run}: {seconds:.2f} s to the first GET /last_block, {cpu:.1f} CPU s"
              f" (load average {load_average()})", flush=True)
    print(f"load average after: {load_average()}")
    print(f"median of {len(times)}: {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}),"
          f" {statistics.median(cpus):.1f} CPU s")


if __name__ == "__main__":
    main()
