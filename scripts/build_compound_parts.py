#!/usr/bin/env python3
"""Builds src/lexicon/de/compound_parts.tsv: German words that are productive
parts of compounds, derived from the Debian word list (package wngerman,
/usr/share/dict/ngerman).

A word of 3 to 12 letters is kept when it is itself in the list and at least
MIN_USES longer words of the list start or end with it (lower-cased): "atom"
(Atomwaffe, Atomkraft, ...), "programm" (Atomprogramm, Fernsehprogramm, ...).
The align stage splits a compound into such parts or into words of the
documents at hand. The build never reads the word list; only this script
does, and its output is committed.

Usage: scripts/build_compound_parts.py [WORDLIST] [OUT]"""
import collections
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDLIST = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/ngerman"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPO, "src", "lexicon", "de", "compound_parts.tsv")
MIN_USES = 12
MAX_ROWS = 12000


def main():
    if not os.path.exists(WORDLIST):
        print(f"build_compound_parts: {WORDLIST} not found (apt-get install wngerman)", file=sys.stderr)
        return 1
    with open(WORDLIST, encoding="utf-8", errors="replace") as f:
        words = sorted({w.strip().lower() for w in f if w.strip().isalpha()})
    vocab = set(words)
    uses = collections.Counter()
    candidates = {w for w in vocab if 3 <= len(w) <= 12}
    for w in words:
        n = len(w)
        for k in range(3, min(n - 3, 12) + 1):
            if w[:k] in candidates:
                uses[w[:k]] += 1
            if w[n - k:] in candidates:
                uses[w[n - k:]] += 1
    rows = [(w, c) for w, c in uses.items() if c >= MIN_USES]
    rows.sort(key=lambda r: (-r[1], r[0]))
    rows = sorted(w for w, _ in rows[:MAX_ROWS])
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Productive parts of German compounds (Atom|waffen|programm, Gipfel|treffen).\n")
        f.write("# Built by scripts/build_compound_parts.py from the Debian word list\n")
        f.write(f"# /usr/share/dict/ngerman (wngerman): words that start or end at least {MIN_USES}\n")
        f.write("# longer words of the list. Matching: case-folded; the align stage also\n")
        f.write("# accepts words of the documents at hand as parts.\n")
        f.write("# FORMAT: part\n")
        for w in rows:
            f.write(w + "\n")
    print(f"{OUT}: {len(rows)} parts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
