"""rdflib's JSON-LD serializer and parser on the same graph as newsgraph's.

    rdflib_runner.py write graph.jsonld out.jsonld   # time Graph.serialize(format="json-ld")
    rdflib_runner.py read graph.jsonld               # time Graph.parse(format="json-ld")

`write` first loads the triples of newsgraph's JSON-LD into an rdflib Graph by expanding its
(flat, fixed) context directly, which is much faster than rdflib's parser; that load is
untimed (setup_seconds), so only serialization is compared.
"""
import os
import sys

import rdflib
from rdflib import RDF, Literal, URIRef

from common import emit, fail, is_edge, load_jsonld, now


def expander(context):
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def iri(term):
        if ":" in term:
            p, local = term.split(":", 1)
            if p in prefixes:
                return prefixes[p] + local
        return term

    terms = {}
    for k, v in context.items():
        if k.startswith("@") or k in prefixes:
            continue
        if isinstance(v, str):
            terms[k] = (iri(v), False)
        elif isinstance(v, dict) and "@id" in v:
            terms[k] = (iri(v["@id"]), v.get("@type") == "@id")
    return terms, iri


def load(path):
    context, items = load_jsonld(path)
    terms, iri = expander(context)
    g = rdflib.Graph()
    add = g.add

    def node(obj):
        s = URIRef(obj["@id"])
        for k, v in obj.items():
            if k == "@id":
                continue
            if k == "@type":
                for t in v if isinstance(v, list) else [v]:
                    add((s, RDF.type, URIRef(terms[t][0] if t in terms else iri(t))))
                continue
            if k not in terms:
                continue
            p, is_ref = terms[k]
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, dict):
                    add((s, URIRef(p), node(x)))
                elif is_ref:
                    add((s, URIRef(p), URIRef(x)))
                else:
                    add((s, URIRef(p), Literal(x)))
        return s

    nodes = edges = 0
    for it in items:
        node(it)
        if is_edge(it):
            edges += 1
        else:
            nodes += 1
    return g, nodes, edges


def main(argv):
    if len(argv) == 4 and argv[1] == "write":
        t0 = now()
        g, nodes, edges = load(argv[2])
        t1 = now()
        g.serialize(destination=argv[3], format="json-ld")
        t2 = now()
        emit(tool="rdflib", op="serialize json-ld", version=rdflib.__version__, seconds=t2 - t1, setup_seconds=t1 - t0,
             triples=len(g), nodes=nodes, edges=edges, bytes=os.path.getsize(argv[3]))
    elif len(argv) == 3 and argv[1] == "read":
        _, items = load_jsonld(argv[2])  # only to count nodes and edges, untimed
        edges = sum(1 for it in items if is_edge(it))
        nodes = len(items) - edges
        del items
        t0 = now()
        g = rdflib.Graph()
        try:
            g.parse(argv[2], format="json-ld")
        except Exception as e:  # one line naming the file
            fail(f"{argv[2]}: error: rdflib parse json-ld: {e}")
        t1 = now()
        emit(tool="rdflib", op="parse json-ld", version=rdflib.__version__, seconds=t1 - t0, triples=len(g),
             nodes=nodes, edges=edges, bytes=os.path.getsize(argv[2]))
    else:
        fail("usage: rdflib_runner.py write GRAPH.jsonld OUT.jsonld | read GRAPH.jsonld")


if __name__ == "__main__":
    main(sys.argv)
