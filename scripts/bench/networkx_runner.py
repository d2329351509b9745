"""NetworkX on the same graph as newsgraph's writers and readers.

    networkx_runner.py write graph.jsonld out.graphml   # time nx.write_graphml
    networkx_runner.py read graph.graphml               # time nx.read_graphml

`write` first builds a MultiDiGraph with the attributes newsgraph's GraphML carries (lists
joined by `|`, sorted), from newsgraph's JSON-LD of the same graph (untimed, reported as
setup_seconds), so both writers serialize the same nodes, edges and values.
"""
import os
import sys

import networkx as nx

from common import emit, fail, is_edge, load_jsonld, now


def flat(v):
    if isinstance(v, list):
        return "|".join(sorted(str(x) for x in v))
    if isinstance(v, dict):
        return None
    return str(v)


def build(path):
    _, items = load_jsonld(path)
    g = nx.MultiDiGraph()
    ids = {}
    for it in items:
        if is_edge(it):
            continue
        nid = it.get("identifier", it["@id"])
        ids[it["@id"]] = nid
        attrs = {"type": it.get("@type"), "label": it.get("name", "")}
        for k, name in (("alternateName", "aliases"), ("sources", "sources"), ("kind", "kind"),
                        ("currency", "currency"), ("date", "date")):
            if k in it and flat(it[k]) is not None:
                attrs[name] = flat(it[k])
        amount = it.get("amount")
        if isinstance(amount, dict):
            if "value" in amount:
                attrs["amount"] = str(amount["value"])
            if "currency" in amount:
                attrs["currency"] = str(amount["currency"])
        g.add_node(nid, **attrs)
    for it in items:
        if not is_edge(it):
            continue
        s, t = ids.get(it["source"], it["source"]), ids.get(it["target"], it["target"])
        attrs = {"type": it.get("edgeType", "")}
        for k, name in (("roleName", "role"), ("sources", "sources"), ("evidence", "evidence")):
            if k in it and flat(it[k]) is not None:
                attrs[name] = flat(it[k])
        g.add_edge(s, t, key=attrs["type"], **attrs)
    return g


def main(argv):
    if len(argv) == 4 and argv[1] == "write":
        t0 = now()
        g = build(argv[2])
        t1 = now()
        nx.write_graphml(g, argv[3])
        t2 = now()
        emit(tool="networkx", op="write_graphml", version=nx.__version__, seconds=t2 - t1, setup_seconds=t1 - t0,
             nodes=g.number_of_nodes(), edges=g.number_of_edges(), bytes=os.path.getsize(argv[3]))
    elif len(argv) == 3 and argv[1] == "read":
        t0 = now()
        try:
            g = nx.read_graphml(argv[2])
        except Exception as e:  # report any reader failure as one line naming the file
            fail(f"{argv[2]}: error: networkx read_graphml: {e}")
        t1 = now()
        emit(tool="networkx", op="read_graphml", version=nx.__version__, seconds=t1 - t0,
             nodes=g.number_of_nodes(), edges=g.number_of_edges(), bytes=os.path.getsize(argv[2]))
    else:
        fail("usage: networkx_runner.py write GRAPH.jsonld OUT.graphml | read GRAPH.graphml")


if __name__ == "__main__":
    main(sys.argv)
