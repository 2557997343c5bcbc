#!/usr/bin/env python3
"""Holds hwsim's operating point (the CSV of `hwsim run --out`) against KLU's solution of the independently assembled
MNA matrix (klu_bench's SOLUTION file, nodes in the order crossbar_mna.py wrote them)."""
import csv
import sys

ours_csv, nodes_file, solution_file = sys.argv[1:4]
rows = list(csv.reader(open(ours_csv)))
ours = dict(zip(rows[0], (float(v) for v in rows[1])))
nodes = [line.strip() for line in open(nodes_file)]
klu = [float(line) for line in open(solution_file)]
worst = max(abs(ours[f"v({n})"] - klu[i]) for i, n in enumerate(nodes))
print(f"{len(nodes)} node voltages: worst |hwsim - KLU| = {worst:.2e} V")
sys.exit(0 if worst < 1e-9 else 1)
