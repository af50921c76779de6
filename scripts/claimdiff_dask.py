#!/usr/bin/python3
"""Run a claimdiff subcommand over a JSON Lines corpus on a Dask cluster.

Each partition of the corpus (a dask.bag of lines) is piped through
`claimdiff SUBCOMMAND --jsonl -`, exactly as Spark's RDD.pipe or Hadoop
Streaming would do it: one JSON line in, one JSON line out, carrying its id.

    # a local cluster of 2 worker processes
    scripts/claimdiff_dask.py --local 2 segment corpus.jsonl out.jsonl
    # a multi-host cluster: start `dask-scheduler` on one host and
    # `dask-worker tcp://HOST:8786` on the others (each with claimdiff
    # installed at the same path), then
    scripts/claimdiff_dask.py --scheduler tcp://HOST:8786 extract corpus.jsonl out.jsonl

Output lines keep the corpus order (partitions are concatenated in order).
Exit status: 0 when every record was answered without error, 2 otherwise.
"""

import argparse
import json
import os
import subprocess
import sys


def pipe_partition(lines, claimdiff, subcommand, extra):
    """Pipes one partition through claimdiff; returns its output lines."""
    lines = [l.rstrip("\n") for l in lines if l.strip()]
    if not lines:
        return []
    proc = subprocess.run(
        [claimdiff, subcommand, "--jsonl", "-"] + list(extra),
        input=("\n".join(lines) + "\n").encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    if proc.returncode not in (0, 2):
        raise RuntimeError("claimdiff failed (%d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    out = proc.stdout.decode("utf-8").splitlines()
    if len(out) != len(lines):
        raise RuntimeError("claimdiff answered %d of %d lines" % (len(out), len(lines)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", type=int, metavar="N", help="start a local cluster of N worker processes")
    where.add_argument("--scheduler", metavar="ADDRESS", help="address of a running dask scheduler")
    parser.add_argument("--claimdiff", default=os.environ.get("CLAIMDIFF", "claimdiff"), help="claimdiff binary")
    parser.add_argument("--blocksize", default="4MiB", help="bytes of corpus per partition")
    parser.add_argument("subcommand")
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("extra", nargs="*", help="more claimdiff options (after --)")
    args = parser.parse_args()

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    claimdiff = os.path.abspath(args.claimdiff) if os.path.sep in args.claimdiff else args.claimdiff
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(args.scheduler)
    try:
        bag = db.read_text(args.corpus, blocksize=args.blocksize)
        result = bag.map_partitions(pipe_partition, claimdiff, args.subcommand, args.extra)
        lines = result.compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    failed = 0
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for line in lines:
            if '"error":' in line and json.loads(line).get("error"):
                failed += 1
            f.write(line + "\n")
    os.replace(tmp, args.output)
    print("claimdiff_dask: %d records, %d failed, %d partitions" % (len(lines), failed, result.npartitions),
          file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
