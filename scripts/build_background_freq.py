#!/usr/bin/env python3
"""Builds src/lexicon/<lang>/background_freq.tsv: how many text units
(paragraphs, or single sentences of sentence-pair sets) of a background
corpus contain each case-folded word.

The align stage stems these words when it loads the table and weighs a word
that is common in the language down, even when it is rare in the cluster at
hand. Only the *text* of the public evaluation sets is read (no labels):
German from KRAUTS and WikiWarsDE (temporal/), UD German GSD/PUD and the rule
suites (segmentation/), and the German sentence pairs (crossdoc/pairs.jsonl);
English from UD English EWT/GUM/PUD and the rule suites. The ECB+ clusters,
on which the aligner is measured, are left out on purpose.

Usage: scripts/build_background_freq.py [SHARED_DIR] [LEXICON_DIR]
(defaults: ../shared and src/lexicon relative to the repository)."""
import collections
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
LEXICON = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPO, "src", "lexicon")
EVAL = os.path.join(SHARED, "eval")

SOURCES = {
    "de": ["temporal/krauts_de.dev.jsonl", "temporal/wikiwarsde_de.dev.jsonl",
           "segmentation/ud_de_gsd.dev.jsonl", "segmentation/ud_de_pud.dev.jsonl",
           "segmentation/rules_de_pragmatic.dev.jsonl", "segmentation/rules_de_somajo.dev.jsonl",
           "crossdoc/pairs.jsonl"],
    "en": ["segmentation/ud_en_ewt.dev.jsonl", "segmentation/ud_en_gum.dev.jsonl",
           "segmentation/ud_en_pud.dev.jsonl", "segmentation/rules_en_pragmatic.dev.jsonl",
           "segmentation/rules_en_somajo.dev.jsonl"],
}
MIN_DF = 3
MAX_ROWS = 25000
WORD = re.compile(r"[^\W_]+")


def units(record):
    if "a" in record and "b" in record:  # a sentence pair
        return [record["a"], record["b"]]
    return [p for p in re.split(r"\n+", record.get("text", "")) if p.strip()]


def main():
    if not os.path.isdir(EVAL):
        print(f"build_background_freq: {EVAL} not found; nothing built", file=sys.stderr)
        return 0
    for lang, files in SOURCES.items():
        df = collections.Counter()
        total = 0
        for name in files:
            path = os.path.join(EVAL, name)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    if record.get("lang", lang) != lang:
                        continue
                    for unit in units(record):
                        total += 1
                        df.update(set(w.casefold() for w in WORD.findall(unit) if not w.isdigit()))
        rows = [(w, n) for w, n in df.items() if n >= MIN_DF]
        rows.sort(key=lambda r: (-r[1], r[0]))
        rows = rows[:MAX_ROWS]
        out = os.path.join(LEXICON, lang, "background_freq.tsv")
        with open(out, "w", encoding="utf-8") as f:
            f.write("# Background document frequencies: in how many text units of a general\n")
            f.write("# corpus each case-folded word occurs. Built by scripts/build_background_freq.py\n")
            f.write("# from the text (never the labels) of public evaluation sets; see the script.\n")
            f.write(f"# Words in at least {MIN_DF} units, at most {MAX_ROWS} rows. The row __documents__\n")
            f.write("# gives the number of units. The align stage stems the words when loading.\n")
            f.write("# FORMAT: word<TAB>units\n")
            f.write(f"__documents__\t{total}\n")
            for w, n in sorted(rows):
                f.write(f"{w}\t{n}\n")
        print(f"{out}: {len(rows)} words from {total} units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
