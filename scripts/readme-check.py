#!/usr/bin/env python3
"""Runs the README's examples as a new user would, and fails when one does not work.

Every ```bash block that follows a `<!-- readme-check GROUP -->` comment in README.md is run, line by line, in a
fresh folder (holding links to the built jars, interop/ and my_id.txt); blocks of one group run in README order and
share what they start (a node started in one block serves the next), groups run at once. What a line is decides
what "works" means:

  ./mvnw ...                      the build: done once before the groups run, unless --no-build (the test suite
                                  runs this from its own build)
  java -jar node/target/node.jar  a node, started in the background; works once GET /last_block answers
  client-miner.jar wallet ...     runs to its end: exit code 0
  client-miner.jar (a miner)      works once it prints a won block ("Success: ..."); a line that runs until Ctrl-C
                                  (no &, no --blocks) then gets Ctrl-C (SIGINT) and must exit 0; --blocks N, exit 0
  curl ...                        exit code 0 and a JSON answer from the node (not from another port)
  anything else                   exit code 0

Ports: the README's ports (5000-5099) are mapped to free ports, one map per group, so the examples run beside other
nodes on this machine and beside each other; --as-written keeps them (a machine where they are free). A node line
that leaves its ports to the defaults gets the mapped 5000 and 5001 through SERVER_PORT and NODE_TCP_PORT (which
command-line settings outrank). A miner or wallet line that leaves the node to its
default (localhost:5000) gets the mapped URL added. A group with several nodes must end on one chain (the same /last_block on every
node within 60 s). Wallet passwords come from BLOCKMINE_WALLET_PASSWORD, set here.

  scripts/readme-check.py               # builds, then every group (about a minute on 2 cores)
  scripts/readme-check.py --no-build    # jars already built
  scripts/readme-check.py wallet        # only the groups named
"""
import argparse
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!-- readme-check (\S+) -->\s*\n```bash\n(.*?)```", re.S)
PORT = re.compile(r"(?<![\d.])(50\d\d)(?![\d])")
COMMENT = re.compile(r"\s+#[^'\"]*$")  # a trailing comment (the examples put no # inside quotes)
PRINT_LOCK = threading.Lock()


def say(group, text):
    with PRINT_LOCK:
        print(f"[{group}] {text}", flush=True)


def blocks(readme):
    """(group, [command lines]) per marked block, continued lines joined, comments and blank lines dropped."""
    found = []
    for group, body in MARKER.findall(readme):
        lines, current = [], ""
        for raw in body.splitlines():
            current += raw.rstrip()
            if current.endswith("\\"):
                current = current[:-1] + " "
                continue
            if current.strip():
                lines.append(current.strip())
            current = ""
        found.append((group, lines))
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Group:
    def __init__(self, name, lines, folder, as_written):
        self.name, self.lines, self.folder = name, lines, folder
        self.ports = {}
        self.as_written = as_written
        self.background = []  # (process, what)
        self.nodes = []  # HTTP ports of the nodes started
        self.starting = []  # nodes not known to answer yet
        self.started = time.monotonic()
        self.failure = None

    def port(self, written):
        if self.as_written:
            return written
        if written not in self.ports:
            self.ports[written] = str(free_port())
        return self.ports[written]

    def mapped(self, line):
        return PORT.sub(lambda m: self.port(m.group(1)), line)

    def default_node(self, command):
        """A miner or wallet line that leaves the node to its default (http://localhost:5000) names the mapped one."""
        outer = re.sub(r"\$\([^)]*\)", "", command)  # what $(...) runs is a command of its own
        if self.as_written or "client-miner.jar" not in outer or re.search(r"localhost:|127\.0\.0\.1:|https?://", outer):
            return command
        url = f"http://localhost:{self.port('5000')}"
        if re.search(r"client-miner\.jar\s+wallet\s+(balance|send)", outer):
            return f"{command} --node {url}"
        if re.search(r"client-miner\.jar\s+wallet|--protocol", outer):
            return command
        return f"{command} {url}"

    def env(self, line):
        env = dict(os.environ, BLOCKMINE_WALLET_PASSWORD="readme-check-password")
        if env.get("JAVA_HOME"):  # "java" is the JDK 25 the build found (scripts/java-env.sh), not whatever is first
            env["PATH"] = f"{env['JAVA_HOME']}/bin:{env.get('PATH', '')}"
        if "node/target/node.jar" in line:
            if "--server.port" not in line:
                env["SERVER_PORT"] = self.port("5000")
            if "--node.tcp.port" not in line:
                env["NODE_TCP_PORT"] = self.port("5001")
        return env

    def start(self, command, env):
        log = open(self.folder / f"{len(self.background)}-{self.name}.log", "w+")
        process = subprocess.Popen(["bash", "-c", command], cwd=self.folder, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        return process, log

    def run(self):
        try:
            for line in self.lines:
                self.step(line)
            while self.starting:
                self.await_node(*self.starting.pop(0))
            if len(self.nodes) > 1:
                self.converge()
            say(self.name, f"works ({time.monotonic() - self.started:.0f} s)")
        except Exception as e:  # the group's failure, said once; the others go on
            self.failure = str(e)
            say(self.name, f"FAILED: {e}")
        finally:
            for process, _ in self.background:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            for process, _ in self.background:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

    def step(self, line):
        command = COMMENT.sub("", self.mapped(line)).strip()
        background = command.endswith("&")
        command = command.rstrip("&").strip()
        say(self.name, f"$ {command}{' &' if background else ''}   ({time.monotonic() - self.started:.0f} s)")
        if command.startswith("./mvnw"):
            say(self.name, "  (built once, before the groups run)")
            return
        env = self.env(line)
        command = self.default_node(command)
        if "node/target/node.jar" in command:
            process, log = self.start(command, env)
            self.background.append((process, log))
            http = re.search(r"--server.port=(\d+)", command)
            port = int(http.group(1) if http else env["SERVER_PORT"] if "SERVER_PORT" in env else 5000)
            self.starting.append((port, process, log))  # nodes started one after the other come up together
            self.nodes.append(port)
            return
        while self.starting:
            self.await_node(*self.starting.pop(0))
        miner = "client-miner.jar" in command and not re.search(r"client-miner\.jar\s+(wallet|bench|--help)", command)
        if miner and not re.search(r"--blocks\s+\d+", command):
            process, log = self.start(command, env)
            self.await_output(process, log, "Success:", 180, "a won block")
            if background:
                # it has shown that it works and mines on for the group's other steps: at a low priority, so that on a
                # small machine it does not starve the steps still to be checked (this group's and the others')
                os.setpriority(os.PRIO_PGRP, process.pid, 15)
                self.background.append((process, log))
                return
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C, as the README says
            code = process.wait(timeout=30)
            text = read(log)
            if code != 0 or "Coins" not in text:
                raise RuntimeError(f"after Ctrl-C the miner exited {code} without its summary:\n{tail(text)}")
            return
        result = subprocess.run(["bash", "-c", command], cwd=self.folder, env=env, capture_output=True, text=True,
                                timeout=300)
        output = result.stdout + result.stderr
        if result.returncode != 0:
            raise RuntimeError(f"exit code {result.returncode}:\n{tail(output)}")
        if command.startswith("curl"):
            try:
                answer = json.loads(result.stdout)
            except ValueError:
                raise RuntimeError(f"curl did not get JSON: {tail(output)}")
            if "binary mining port" in str(answer):
                raise RuntimeError(f"curl reached a binary mining port: {answer}")
        say(self.name, "  " + tail(output, 3).replace("\n", "\n  "))

    def await_node(self, port, process, log):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the node exited with {process.returncode}:\n{tail(read(log))}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/last_block", timeout=2) as answer:
                    json.load(answer)
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the node did not answer on port {port} within 120 s:\n{tail(read(log))}")

    def await_output(self, process, log, text, seconds, what):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in read(log):
                return
            if process.poll() is not None:
                raise RuntimeError(f"exited with {process.returncode} before {what}:\n{tail(read(log))}")
            time.sleep(0.3)
        raise RuntimeError(f"no {what} within {seconds} s:\n{tail(read(log))}")

    def converge(self):
        deadline = time.monotonic() + 60
        tips = None
        while time.monotonic() < deadline:
            tips = [last_index(port) for port in self.nodes]
            if len(set(tips)) == 1 and tips[0] is not None and tips[0] > 1:
                say(self.name, f"  all {len(tips)} nodes are at block {tips[0]}")
                return
            time.sleep(0.5)
        raise RuntimeError(f"the nodes did not agree on one chain within 60 s: last blocks {tips}")


def last_index(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/last_block", timeout=5) as answer:
            body = json.load(answer)
            return body.get("last_block", body)["index"]
    except (OSError, ValueError, KeyError):
        return None


def read(log):
    log.flush()
    return Path(log.name).read_text(errors="replace")


def tail(text, lines=15):
    return "\n".join(text.strip().splitlines()[-lines:])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("groups", nargs="*", help="run only these groups")
    parser.add_argument("--no-build", action="store_true", help="the jars are built already")
    parser.add_argument("--as-written", action="store_true", help="keep the README's ports")
    args = parser.parse_args()
    found = blocks((ROOT / "README.md").read_text())
    names = list(dict.fromkeys(group for group, _ in found))
    unknown = set(args.groups) - set(names)
    if unknown:
        parser.error(f"no such group {sorted(unknown)}; the README has {names}")
    if not args.no_build:
        subprocess.run(["./mvnw", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="readme-check-") as top:
        groups = []
        for name in args.groups or names:
            folder = Path(top) / name
            folder.mkdir()
            for item in ("node", "client-miner", "interop", "scripts", "my_id.txt"):
                (folder / item).symlink_to(ROOT / item)
            lines = [line for group, block in found if group == name for line in block]
            groups.append(Group(name, lines, folder, args.as_written))
        threads = [threading.Thread(target=g.run) for g in groups]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    failed = [g for g in groups if g.failure]
    print(f"README examples: {len(groups) - len(failed)} of {len(groups)} groups work "
          f"({time.monotonic() - started:.0f} s){'' if not failed else '; failed: ' + ', '.join(g.name for g in failed)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
