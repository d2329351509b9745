"""igraph's GraphML reader (C, over libxml2) on newsgraph's graph.graphml.

    igraph_runner.py read graph.graphml
"""
import os
import sys

import igraph

from common import emit, fail, now


def main(argv):
    if len(argv) != 3 or argv[1] != "read":
        fail("usage: igraph_runner.py read GRAPH.graphml")
    t0 = now()
    try:
        g = igraph.Graph.Read_GraphML(argv[2])
    except Exception as e:  # one line naming the file
        fail(f"{argv[2]}: error: igraph Read_GraphML: {e}")
    t1 = now()
    emit(tool="igraph", op="Read_GraphML", version=igraph.__version__, seconds=t1 - t0,
         nodes=g.vcount(), edges=g.ecount(), bytes=os.path.getsize(argv[2]))


if __name__ == "__main__":
    main(sys.argv)
