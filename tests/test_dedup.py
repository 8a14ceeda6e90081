"""Near-duplicate documents and passages are recognised by content."""

from __future__ import annotations

from assistant.dedup import duplicate_documents, shingles


def test_pdf_extraction_of_the_synopsis_is_a_duplicate(corpus):
    assert corpus.by_id("synopsis-2011-2014-pdf").duplicate_of == "synopsis-2011-2014"
    assert corpus.by_id("integrationspolitik-2011-2014").duplicate_of is None


def test_duplicate_detected_without_metadata(corpus):
    texts = {d.document.id: d.cleaned.text for d in corpus.documents}
    found = duplicate_documents(texts)
    assert found == {"synopsis-2011-2014-pdf": "synopsis-2011-2014"}


def test_no_passage_is_indexed_twice(corpus):
    indexed = [c for c in corpus.chunks if not c.duplicate_of]
    pdf_copy = corpus.by_id("synopsis-2011-2014-pdf")
    assert all(c.duplicate_of for c in pdf_copy.chunks)
    seen = {}
    for c in indexed:
        for s in shingles(c.text):
            seen.setdefault(s, set()).add(c.doc_id)
    shared = [s for s, docs in seen.items() if len(docs) > 1]
    assert len(shared) < 0.02 * len(seen)
