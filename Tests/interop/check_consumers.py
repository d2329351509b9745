#!/usr/bin/env python3
"""Reads every format of one export with its real consumer and checks they hold one graph.

Usage: check_consumers.py EXPORT_DIR
GraphML: NetworkX and igraph; JSON-LD: pyld (offline), rdflib, pyoxigraph, and pyld's triples
equal RDFTriples' (EXPORT_DIR/rdftriples.nt, when present); GEXF: networkx.read_gexf (1.3);
Neo4j CSV: Python csv with header checks; all: the same node ids and (source, target, type) edges.
Prints PASS/FAIL lines; exit status 1 on any FAIL.
"""
import csv
import json
import os
import sys

failures = 0


def report(name, ok, detail=""):
    global failures
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))
    if not ok:
        failures += 1


def main(d):
    import networkx as nx
    import igraph
    from pyld import jsonld
    import rdflib
    import pyoxigraph as ox

    g = nx.read_graphml(os.path.join(d, "graph.graphml"))
    ids = set(g.nodes)
    edges = {(s, t, a["type"]) for s, t, a in g.edges(data=True)}
    report("graphml.networkx", len(ids) > 0 and len(edges) == g.number_of_edges())
    amounts = {n: a["amount"] for n, a in g.nodes(data=True) if "amount" in a}
    report("graphml.amount_is_double", all(isinstance(v, float) for v in amounts.values()), str(amounts))
    starts = [a["evidence_start"] for _, _, a in g.edges(data=True) if "evidence_start" in a]
    report("graphml.evidence_start_is_int", all(isinstance(v, int) for v in starts))

    ig = igraph.Graph.Read_GraphML(os.path.join(d, "graph.graphml"))
    report("graphml.igraph", set(ig.vs["id"]) == ids and ig.ecount() == len(edges))

    # GEXF 1.3
    gx = nx.read_gexf(os.path.join(d, "graph.gexf"), version="1.3")
    gx_edges = {(s, t, a["type"]) for s, t, a in gx.edges(data=True)}
    report("gexf.networkx", set(gx.nodes) == ids and gx_edges == edges,
           f"{len(gx.nodes)} nodes/{len(gx_edges)} edges vs graphml {len(ids)}/{len(edges)}")
    labels = {n: a.get("label") for n, a in gx.nodes(data=True)}
    report("gexf.labels", all(labels[n] == g.nodes[n]["label"] for n in ids))

    # JSON-LD, offline
    def no_remote(url, options=None):
        raise jsonld.JsonLdError("remote loading disabled", "jsonld.LoadDocumentError")
    with open(os.path.join(d, "graph.jsonld"), encoding="utf-8") as fh:
        doc = json.load(fh)
    nq = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": no_remote})
    lines = {l for l in nq.splitlines() if l.strip()}
    ds = rdflib.Dataset()
    ds.parse(os.path.join(d, "graph.jsonld"), format="json-ld")
    store = ox.Store()
    with open(os.path.join(d, "graph.jsonld"), "rb") as fh:
        store.load(fh.read(), format=ox.RdfFormat.JSON_LD)
    report("jsonld.parsers_agree", len(lines) == len(ds) == len(store), f"pyld {len(lines)}, rdflib {len(ds)}, oxigraph {len(store)}")
    V = "https://newsgraph.dev/vocab#"
    q = f"""SELECT ?s ?t ?et WHERE {{ ?e <{V}source> ?s ; <{V}target> ?t ; <{V}edgeType> ?et }}"""
    pre = "urn:newsgraph:"
    from urllib.parse import unquote
    ox_edges = {(unquote(r["s"].value[len(pre):]), unquote(r["t"].value[len(pre):]), r["et"].value) for r in store.query(q)}
    report("jsonld.edges_match_graphml", ox_edges == edges, f"only jsonld {sorted(ox_edges - edges)[:3]}, only graphml {sorted(edges - ox_edges)[:3]}")
    q = "SELECT ?id WHERE { ?n <https://schema.org/identifier> ?id }"
    ox_ids = {r["id"].value for r in store.query(q)}
    report("jsonld.ids_match_graphml", ox_ids == ids)
    nt = os.path.join(d, "rdftriples.nt")
    if os.path.exists(nt):
        with open(nt, encoding="utf-8") as fh:
            mine = {l for l in fh.read().split("\n") if l.strip()}
        pyld_lines = {l.rstrip() for l in lines}
        report("jsonld.rdftriples_equal_pyld", mine == pyld_lines,
               f"only RDFTriples {sorted(mine - pyld_lines)[:2]}; only pyld {sorted(pyld_lines - mine)[:2]}")

    # Neo4j CSV
    with open(os.path.join(d, "neo4j", "nodes.csv"), newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    report("neo4j.nodes_header", rows[0][:3] == ["id:ID", ":LABEL", "label"] and "amount:double" in rows[0], str(rows[0]))
    report("neo4j.nodes", {r[0] for r in rows[1:]} == ids and all(len(r) == len(rows[0]) for r in rows))
    with open(os.path.join(d, "neo4j", "relationships.csv"), newline="", encoding="utf-8") as fh:
        rrows = list(csv.reader(fh))
    report("neo4j.relationships_header", rrows[0][:3] == [":START_ID", ":END_ID", ":TYPE"], str(rrows[0]))
    report("neo4j.relationships", {(r[0], r[1], r[2].lower()) for r in rrows[1:]} == edges
           and all(len(r) == len(rrows[0]) for r in rrows))
    csv_labels = {r[0]: r[2] for r in rows[1:]}
    report("neo4j.labels", all(csv_labels[n] == g.nodes[n]["label"] for n in ids))
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
