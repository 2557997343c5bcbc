#!/usr/bin/env python3
"""Assembles the MNA matrix of a netlist of resistors and DC voltage sources (the crossbar benchmark netlists that
`hwsim bench` writes), independently of hwsim's engine, as a Matrix Market file and a right-hand side, for
klu_bench.c. Unknowns: every node but ground, then one branch current per voltage source."""
import sys

SUFFIX = {"t": 1e12, "g": 1e9, "meg": 1e6, "k": 1e3, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12, "f": 1e-15}


def number(text):
    t = text.lower()
    for s in sorted(SUFFIX, key=len, reverse=True):
        if t.endswith(s):
            return float(t[: -len(s)]) * SUFFIX[s]
    return float(t)


def main(netlist, mtx, rhs_file):
    resistors, sources, nodes = [], [], {}

    def node(name):
        if name == "0":
            return -1
        return nodes.setdefault(name, len(nodes))

    with open(netlist) as f:
        next(f)  # title
        for line in f:
            w = line.split()
            if not w or w[0].startswith(("*", ".")):
                continue
            kind = w[0][0].lower()
            if kind == "r":
                resistors.append((node(w[1]), node(w[2]), number(w[3])))
            elif kind == "v":
                sources.append((node(w[1]), node(w[2]), number(w[4] if w[3].lower() == "dc" else w[3])))
            else:
                sys.exit(f"{netlist}: only R and V elements, got {w[0]}")
    n = len(nodes)
    entries = {}

    def add(r, c, v):
        if r >= 0 and c >= 0:
            entries[(r, c)] = entries.get((r, c), 0.0) + v

    for a, b, r in resistors:
        g = 1.0 / r
        add(a, a, g); add(b, b, g); add(a, b, -g); add(b, a, -g)
    rhs = [0.0] * (n + len(sources))
    for k, (a, b, v) in enumerate(sources):
        br = n + k
        add(a, br, 1.0); add(b, br, -1.0); add(br, a, 1.0); add(br, b, -1.0)
        rhs[br] = v
    size = n + len(sources)
    with open(mtx, "w") as f:
        f.write("%%MatrixMarket matrix coordinate real general\n")
        f.write(f"{size} {size} {len(entries)}\n")
        for (r, c), v in sorted(entries.items(), key=lambda e: (e[0][1], e[0][0])):
            f.write(f"{r + 1} {c + 1} {v!r}\n")
    with open(rhs_file, "w") as f:
        f.write("\n".join(repr(x) for x in rhs) + "\n")
    with open(rhs_file + ".nodes", "w") as f:
        f.write("\n".join(sorted(nodes, key=nodes.get)) + "\n")
    print(f"{netlist}: {size} unknowns, {len(entries)} non-zeros")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: crossbar_mna.py NETLIST OUT.mtx OUT.rhs")
    main(*sys.argv[1:])
