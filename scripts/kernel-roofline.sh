#!/usr/bin/env bash
# The HTTP vector kernel against this core's limit (README: Performance, Roofline): measures the core's issue
# rates, prints C2's code of the kernel loop through a disassembler plugin built here, counts its vector
# operations per proof and compares the peak they allow with the kernel's JMH rate. Needs gcc, objdump (binutils)
# and python3, an x86-64 CPU with AVX-512 and built jars (./mvnw -q -DskipTests package). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
out=target/roofline
mkdir -p "$out"
[ -f bench/target/benchmarks.jar ] || { echo "bench/target/benchmarks.jar missing: run ./mvnw -q -DskipTests package" >&2; exit 1; }
for tool in gcc objdump python3; do
  command -v "$tool" > /dev/null || { echo "$tool is needed (Debian: apt-get install gcc binutils python3)" >&2; exit 1; }
done
gcc -O2 -shared -fPIC -o "$out/hsdis-amd64.so" scripts/roofline/hsdis-objdump.c
gcc -O2 -mavx512f -o "$out/issue-rates" scripts/roofline/issue-rates.c

echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Issue rates of this core (512-bit integer instructions):"
"$out/issue-rates" | tee "$out/issue-rates.txt" | grep -v '^clock_ghz='
clock=$(sed -n 's/^clock_ghz=//p' "$out/issue-rates.txt")

echo "Kernel (JMH HttpRuleBenchmark, vector, 1 thread) with its compiled code printed..."
LD_LIBRARY_PATH="$PWD/$out${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$JAVA_HOME/bin/java" -jar bench/target/benchmarks.jar \
  HttpRule -p kernel=vector -f 1 -wi 3 -w 2 -i 3 -r 2 \
  -jvmArgsAppend "--add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet -XX:CompileCommand=print,dev.blockmine.pow.engine.VectorTailKernel::rounds" \
  > "$out/asm.txt" 2>&1
rate=$(awk '/^HttpRuleBenchmark.kernel +vector/ {print $(NF-3)}' "$out/asm.txt" | tail -n 1)
echo "Kernel: ${rate:-?} M proofs/s (JMH score, proofs per microsecond); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/roofline/count-loops.py "$out/asm.txt" "$clock" ${rate:+"$rate"}
echo "(compiled code in $out/asm.txt)"
