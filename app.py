"""Politikassistent — the Streamlit app. It renders; the library decides."""

from __future__ import annotations

import streamlit as st

from assistant.config import load_settings
from assistant.errors import AssistantError
from assistant.pipeline import process_corpus

st.set_page_config(page_title="Politikassistent", page_icon="📘", layout="wide")


@st.cache_resource(show_spinner="Indlæser dokumenterne …")
def load_corpus():
    return process_corpus(load_settings())


st.title("Politikassistent")
st.caption("Københavns Kommunes integrationspolitikker – med kildehenvisninger.")

try:
    corpus = load_corpus()
except AssistantError as exc:
    st.error(str(exc))
    st.stop()

st.subheader("Dokumenter")
for doc in corpus.documents:
    meta = doc.document.meta
    with st.expander(f"{meta.title} · {meta.period} · {meta.status_label}"):
        st.text(f"Fil: {meta.source_file}\nUdsteder: {meta.issuer}\nDato: {meta.date}\n"
                f"Tekststykker: {len(doc.chunks)}")
for error in corpus.errors:
    st.warning(str(error))
