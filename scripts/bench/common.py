"""Shared by the peer runners: a monotonic timer, peak RSS, and the one JSON line they print.

Each runner times only the operation compared (set-up such as building the input graph is
reported as setup_seconds) and prints one JSON object on standard output, which
`newsgraph bench` reads; it takes peak RSS from wait4(2) itself, the figure here is the same
process's own view, for running a runner by hand.
"""
import json
import resource
import sys
import time


def now():
    return time.perf_counter()


def peak_rss_bytes():
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def emit(**fields):
    fields["peak_rss_bytes"] = peak_rss_bytes()
    sys.stdout.write(json.dumps(fields, sort_keys=True) + "\n")
    sys.stdout.flush()


def fail(message):
    """One line, like a compiler diagnostic, then exit 1."""
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.exit(1)


def load_jsonld(path):
    """Our graph.jsonld as (context, items); items are the objects of @graph."""
    try:
        with open(path, "rb") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: error: cannot read JSON-LD: {e}")
    return doc.get("@context", {}), doc.get("@graph", [])


def is_edge(item):
    t = item.get("@type")
    types = t if isinstance(t, list) else [t]
    return "Edge" in types
