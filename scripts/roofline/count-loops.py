#!/usr/bin/env python3
"""Counts the instructions of C2's loops in VectorTailKernel::rounds from -XX:+PrintAssembly output (hsdis on
objdump) and turns them into vector operations per proof and a peak rate. Usage: count-loops.py ASM CLOCK_GHZ [M/s]."""
import re
import sys
from collections import Counter

SHIFTS = {"vprord", "vprold", "vpsrld", "vpslld", "vpsrad"}
ALU = {"vpaddd", "vpsubd", "vpternlogd", "vpxord", "vpandd", "vpord", "vpandnd", "vpxorq", "vpandq", "vporq"}

text = open(sys.argv[1], errors="replace").read()
clock = float(sys.argv[2])
measured = float(sys.argv[3]) if len(sys.argv) > 3 else None
sections = re.split(r"\n(?=Compiled method )", text)
rounds = [s for s in sections if re.match(r"Compiled method \(c2\)\s+\d+\s+\d+\s+4\s+\S*VectorTailKernel::rounds", s)]
if not rounds:
    sys.exit("no C2 compilation of VectorTailKernel::rounds in " + sys.argv[1])
code = []
for line in rounds[-1].splitlines():
    m = re.match(r"\s*([0-9a-f]+):\t[0-9a-f ]+\t(\S+)\s*(.*)", line)
    if m:
        code.append((int(m.group(1), 16), m.group(2), m.group(3)))

loops = []
for address, op, args in code:
    m = re.search(r"0x([0-9a-f]+)", args) if op.startswith("j") else None
    if m and code[0][0] <= int(m.group(1), 16) < address:
        body = [c for c in code if int(m.group(1), 16) <= c[0] <= address]
        inner = not any(c[1].startswith("j") and re.search(r"0x([0-9a-f]+)", c[2])
                        and int(re.search(r"0x([0-9a-f]+)", c[2]).group(1), 16) < c[0] for c in body[:-1])
        if inner and any(c[1] in SHIFTS for c in body):
            loops.append(body)

def classes(body):
    ops = Counter(c[1] for c in body)
    memory = sum(1 for c in body if "(%" in c[2])
    moves = sum(1 for c in body if c[1].startswith("vmovdq") and "(%" not in c[2])
    return ops, memory, moves

per_round = {}
print("C2 loops in VectorTailKernel::rounds (last compilation):")
for body in loops:
    ops, memory, moves = classes(body)
    shifts = sum(n for o, n in ops.items() if o in SHIFTS)
    alu = sum(n for o, n in ops.items() if o in ALU) + shifts
    schedule = ops["vpsrld"] > 0
    # each round of both vectors has 8 vpternlogd (Ch, Maj, two Σ each), plus 4 for the two schedule words
    rounds_per_iteration = ops["vpternlogd"] / (12 if schedule else 8)
    kind = "rounds with schedule word" if schedule else "rounds on message words"
    print(f"  {kind}: {len(body)} instructions per iteration ({rounds_per_iteration:g} round(s) of both vectors): "
          f"{alu} vector ALU ops ({shifts} shifts/rotates; " + ", ".join(f"{n} {o}" for o, n in ops.most_common()
          if o in ALU or o in SHIFTS) + f"), {moves} register moves, {memory} memory accesses")
    per_round[kind] = (alu / rounds_per_iteration, shifts / rounds_per_iteration, ops["vpsrld"] / rounds_per_iteration)

fused = per_round.get("rounds with schedule word")
first = per_round.get("rounds on message words", (34, 12, 0))
if not fused:
    sys.exit("no loop with schedule words found")
# the bench's 101-byte block string: rounds 13..63 per counter value, 13..15 on message words, 16..63 with a
# schedule word; the slot digits are in word 13, and the schedule words that do not depend on it are broadcast
# from scalar code instead (one op for both vectors in place of the two σ0, two σ1 and six adds)
slot_dependent = [t == 13 for t in range(16)]
for t in range(16, 64):
    slot_dependent.append(any(slot_dependent[t - d] for d in (2, 7, 15, 16)))
uniform = slot_dependent[16:].count(False)
schedule_shifts = 3 * fused[2]  # per vector: σ0 and σ1 are two rotates and a shift each
schedule_ops = schedule_shifts + 10  # per vector: two vpternlogd, three vpaddd
# the message words, slot digits and the final test add ~44 operations per 32 proofs
total = 48 * fused[0] - uniform * (schedule_ops - 1) + 3 * first[0] + 44
shifts = 48 * fused[1] - uniform * schedule_shifts + 3 * first[1]
print(f"{uniform} of the 48 schedule words are the same in every lane and are broadcast")
per_proof = total / 32
peak = 4 * clock * 1e3 / per_proof
print(f"per 32 proofs (101-byte block string): ~{total:.0f} vector ALU ops = {per_proof:.1f} per proof, "
      f"{shifts / 32:.1f} of them shifts/rotates")
print(f"peak at 4 ops/cycle and {clock:.2f} GHz: {peak:.0f} M proofs/s per core "
      f"(the 2 shift pipes alone: {2 * clock * 1e3 / (shifts / 32):.0f})")
if measured:
    print(f"measured {measured:.1f} M proofs/s: {100 * measured / peak:.0f} % of the peak")
