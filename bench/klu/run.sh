#!/usr/bin/env bash
# KLU (SuiteSparse, Debian's libsuitesparse-dev) against hwsim on the crossbar operating points (issue 13).
# From the repository root: bench/klu/run.sh [N ...]   (default 64 128 256; needs gcc, python3, libsuitesparse-dev)
set -euo pipefail
out=${TMPDIR:-/tmp}/hwsim-klu
mkdir -p "$out"
gcc -O2 -Wall -o "$out/klu_bench" bench/klu/klu_bench.c -I/usr/include/suitesparse -lklu -lamd -lcolamd -lbtf -lsuitesparseconfig -lm
dotnet build -c Release src/Cli -v q > /dev/null
hwsim=src/Cli/bin/Release/net10.0/hwsim
for n in "${@:-64 128 256}"; do
  for k in $n; do
    TMPDIR="$out" "$hwsim" bench "crossbar$k" --ngspice never --repeat 1 > /dev/null   # writes the case's netlist
    net="$out/hwsim-bench/crossbar$k.cir"
    python3 bench/klu/crossbar_mna.py "$net" "$out/c$k.mtx" "$out/c$k.rhs"
    echo "== crossbar$k: KLU (analyze = BTF + AMD ordering)"
    "$out/klu_bench" "$out/c$k.mtx" "$out/c$k.rhs" 3 "$out/c$k.sol"
    echo "== crossbar$k: hwsim run --stats (best of 3 by ordering + factoring + solving)"
    for r in 1 2 3; do "$hwsim" run "$net" --stats --out "$out/ours$k.csv" | grep -E "reading|set-up|ordering|factoring|solving" | tr -s ' ' | paste -sd';'; done
    python3 bench/klu/compare_solution.py "$out/ours$k.csv" "$out/c$k.rhs.nodes" "$out/c$k.sol"
  done
done
