"""Politikassistent — the Streamlit app. It renders; the library (``assistant``) decides.

Tabs: Chat, Målstatus, Definitioner, Dokumenter, Uddrag. All document and user text is escaped.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st

from assistant import api, load_settings
from assistant.clean import display_text
from assistant.definitions import load_definitions, search_definitions
from assistant.errors import AssistantError, GoalDataError, UploadError
from assistant.export import to_csv, to_docx, to_markdown
from assistant.feedback import record_feedback
from assistant.goals import STATUSES, goal_rows, import_measurements, load_goals_cached
from assistant.index import build_index, stale_reason
from assistant.privacy import find_personal_data
from assistant.render import escape_markdown, highlighted_html, shortened
from assistant.types import STATUS_LABELS, Citation, Filters
from assistant.uploads import KINDS, STATUSES as DOC_STATUSES, add_document_and_rebuild, read_upload, suggested_metadata

st.set_page_config(page_title="Politikassistent", page_icon="📘", layout="wide")
SETTINGS = load_settings()
KIND_LABELS = {"policy": "politik", "synopsis": "synopsis", "case": "sagsfremstilling", "draft": "udkast",
               "other": "andet"}
EXAMPLES = ("Hvad er en efterkommer?", "Hvilke pejlemærker har udkastet til politikken 2023-2026?",
            "Hvor lav skal overledigheden blandt etniske minoriteter være?",
            "Hvad er kommunens ansvar i integrationspolitikken 2011-2014?")
STATUS_COLOURS = {"nået": "green", "på vej": "orange", "ikke nået": "red", "ikke målt": "gray",
                  "ikke fastsat": "gray", "afventer udvalg": "blue"}
DOCUMENT_TYPES = ("pdf", "txt", "md")
MEASUREMENT_TYPES = ("csv",)
UPLOAD_LIMIT_MB = st.get_option("server.maxUploadSize")

# Streamlit has no locale setting (streamlit issue #13500), so the English texts it draws itself are
# covered by CSS: the original text gets font-size 0 and a Danish ::after takes its place. The selectors
# are the data-testids and ARIA attributes of streamlit 1.67's frontend; check them after an upgrade.
REFUSED_FILE = f"Filen blev afvist: forkert filtype eller over {UPLOAD_LIMIT_MB} MB."
DROPDOWN = ':is([data-testid="stMultiSelectDropdown"], [data-testid="stSelectboxVirtualDropdown"])'
STREAMLIT_TEXTS_DA = (  # (selector of the element with the English text, Danish text, font size)
    ('[data-testid="stSkipToContent"]', "Gå til indholdet", "1rem"),
    ('[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p', "Vælg fil", "0.875rem"),
    ('[data-testid="stFileUploaderDropzoneInstructions"] span',  # uploaders without a rule of their own
     f"Træk og slip filen her · højst {UPLOAD_LIMIT_MB} MB", "0.875rem"),
    ('[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span',  # while a file is dragged over it
     "Slip filen her", "0.875rem"),
    ('[data-testid="stFileChip"] [role="alert"]', REFUSED_FILE, "0.875rem"),  # read by screen readers
    ('body:has([data-testid="stFileChip"][aria-invalid="true"]) [data-testid="stTooltipErrorContent"]',
     REFUSED_FILE, "0.875rem"),  # the refused file's tooltip (the only error tooltip in this app)
    (f'{DROPDOWN} [role="listbox"][data-empty] [role="option"] > span', "Ingen resultater", "0.875rem"),
    ('[data-testid="stMultiSelectDropdown"] [data-key="__select_all__"] [data-item-hl]', "Vælg alle", "0.875rem"),
    ('[data-testid="stMultiSelectDropdown"] [data-key="__select_matches__"] [data-item-hl]', "Vælg alle fundne",
     "0.875rem"),
    ('[data-testid="InputInstructions"] > span:first-child', "Tryk Enter for at anvende", "0.75rem"),
)
TOOLTIPS_DA = {"Fullscreen": "Fuld skærm", "Close fullscreen": "Luk fuld skærm", "Show data": "Vis data",
               "Show chart": "Vis diagram", "Copy Vega-Lite spec": "Kopiér Vega-Lite-specifikationen",
               "Copy to clipboard": "Kopiér", "Copied": "Kopieret"}  # by the aria-label of the hovered button


def status_badge(status: str) -> str:
    return f":{STATUS_COLOURS[status]}-background[{status.upper()}]"


# -- Streamlit's own texts in Danish ---------------------------------------------------------------

def replaced_text_css(selector: str, danish: str, size: str = "0.875rem") -> str:
    return (f'{selector} {{ font-size: 0 !important; }}\n'
            f'{selector}::after {{ content: "{danish}"; font-size: {size}; }}')


def uploader_hint_css(types: tuple[str, ...]) -> str:
    """The dropzone's hint for an uploader of these file types (found by its input's accept list)."""
    accept = ",".join(f".{t}" for t in types)
    return replaced_text_css(f'[data-testid="stFileUploaderDropzone"]:has(input[accept$=",{accept}"]) '
                             '[data-testid="stFileUploaderDropzoneInstructions"] span',
                             f"Træk og slip filen her · højst {UPLOAD_LIMIT_MB} MB · {', '.join(types).upper()}")


def tooltip_css(label: str, danish: str) -> str:
    """A toolbar or copy button's tooltip, drawn apart from its button: found by the button under the mouse."""
    hovered = f'[data-testid="stTooltipHoverTarget"]:hover > [aria-label="{label}"]'
    focused = f'[data-testid="stTooltipHoverTarget"] > [aria-label="{label}"]:focus-visible'
    return replaced_text_css(f'body:has({hovered}, {focused}) [data-testid="stTooltipContent"] p', danish)


def danish_streamlit_texts() -> None:
    """One <style> (no room on the page) that shows Danish instead of Streamlit's English widget texts."""
    rules = [replaced_text_css(*entry) for entry in STREAMLIT_TEXTS_DA]
    rules += [uploader_hint_css(types) for types in (DOCUMENT_TYPES, MEASUREMENT_TYPES)]
    rules += [tooltip_css(label, danish) for label, danish in TOOLTIPS_DA.items()]
    st.html("<style>\n" + "\n".join(rules) + "\n</style>")


@st.cache_resource(show_spinner=False)
def retriever(settings_key: str):
    """The shared index and model for these settings (``settings_key`` keeps one cache entry per
    configuration). It draws nothing: streamlit cannot replay elements a cached function drew on a
    block made outside it, so the index is built beforehand (see main)."""
    return api.get_retriever(SETTINGS)


def state():
    ss = st.session_state
    ss.setdefault("messages", [])
    ss.setdefault("basket", [])
    ss.setdefault("open_doc", None)
    return ss


def rebuild(progress_label: str = "Bygger indekset:") -> None:
    bar = st.progress(0.0, text=progress_label)
    build_index(SETTINGS, progress=lambda f, m: bar.progress(min(f, 1.0), text=f"{progress_label} {m}"))
    api.reload(SETTINGS)
    st.cache_resource.clear()
    bar.empty()


# -- sidebar ---------------------------------------------------------------------------------------

def sidebar(ret) -> Filters:
    with st.sidebar:
        st.header("Filtre")
        metas = [d.meta for d in ret.index.documents.values()]
        periods = sorted({m.period for m in metas})
        kinds = sorted({m.kind for m in metas})
        chosen_periods = st.multiselect("Periode", periods, default=periods, key="f_period",
                                        placeholder="Alle perioder")  # none chosen: no filter
        chosen_kinds = st.multiselect("Dokumenttype", kinds, default=kinds, key="f_kind",
                                      format_func=lambda k: KIND_LABELS.get(k, k), placeholder="Alle typer")
        drafts = st.checkbox("Medtag udkast", value=True, key="f_drafts")
        st.header("Indeks")
        m = ret.index.manifest
        st.markdown(f"Dokumenter: **{m['documents']}**  \nTekststykker: **{m['chunks']}**  \n"
                    f"Model: {escape_markdown(m['embedder'])}  \nBygget: {escape_markdown(m['built_at'])}")
        for problem in m.get("errors", []):
            st.warning(problem)
        if notice := st.session_state.pop("index_notice", None):
            st.success(notice)
        if st.button("Genopbyg indekset", key="rebuild"):
            rebuild()
            st.session_state["index_notice"] = "Indekset er bygget igen."
            st.rerun()  # the counts above are drawn again from the new index
        st.caption("Indsæt ikke personoplysninger (fx CPR-numre) i spørgsmål.")
    return Filters(periods=tuple(chosen_periods) or None, kinds=tuple(chosen_kinds) or None,
                   include_drafts=drafts)


# -- chat ----------------------------------------------------------------------------------------

def add_to_basket(c: dict) -> None:
    """Button callback (runs before the rerun, so the tab label counts the new excerpt)."""
    if c not in st.session_state["basket"]:
        st.session_state["basket"].append(c)
    st.toast("Lagt i uddrag")


def open_in_document(c: dict) -> None:
    st.session_state["open_doc"] = (c["document_id"], c["start"], c["end"])
    st.session_state["doc_choice"] = c["document_id"]
    st.session_state["tab"] = "Dokumenter"  # the tabs are a keyed widget: this switches to the document


def excerpt_tab_label() -> str:
    return f"Uddrag ({len(state()['basket'])})"


def remove_from_basket(i: int) -> None:
    """Button callback; the excerpt tab's label changes with the count, so it is kept selected by name."""
    st.session_state["basket"].pop(i)
    st.session_state["tab"] = excerpt_tab_label()


def source_card(ret, c: dict, key: str) -> None:
    badge = STATUS_LABELS.get(c["status"], c["status"].upper())
    page = f" · s. {c['page']}" if c["page"] else ""
    with st.expander(f"[{c['n']}] {c['title']} · {c['period']} · {badge}{page}"):
        st.caption(f"Afsnit: {c['section'] or '—'} · {c['source_file']}, tegn {c['start']}–{c['end']}")
        doc = ret.index.documents[c["document_id"]]
        chunk = ret.chunk(c["chunk_id"])
        a, b = doc.to_cleaned(c["start"], c["end"])
        lo, hi = (chunk.clean_start, chunk.clean_end) if chunk else (a, b)
        st.html(highlighted_html(doc.cleaned[lo:hi], a - lo, b - lo))
        if st.toggle("Vis originaltekst (urenset)", key=f"orig-{key}"):
            st.code(c["original"], language=None, wrap_lines=True)
        cols = st.columns(2)
        cols[0].button("Læg i uddrag", key=f"basket-{key}", on_click=add_to_basket, args=(c,))
        cols[1].button("Åbn i dokumentet", key=f"open-{key}", on_click=open_in_document, args=(c,))
        st.caption("Kopiér citat med kildehenvisning:")
        st.code(f"»{c['quote']}« ({Citation(**c).reference()})", language=None, wrap_lines=True)


def render_answer(ret, msg: dict, idx: int) -> None:
    ans = msg["answer"]
    st.markdown(escape_markdown(ans["answer"]).replace("\n", "  \n"))
    for notice in ans["notices"]:
        st.info(notice)
    for c in ans["citations"]:
        source_card(ret, c, f"{idx}-{c['n']}")
    if not ans["answerable"] and ans["passages"]:
        st.markdown("**Måske relevant:**")
        for p in ans["passages"][:3]:
            meta = ret.index.meta(p["document_id"])
            with st.expander(f"{meta.title} · {meta.period} · {meta.status_label}"):
                st.markdown(escape_markdown(shortened(p["text"], 800)))
    with st.popover("Giv feedback"):
        rating = st.feedback("thumbs", key=f"fb-{idx}")
        comment = st.text_input("Kommentar (valgfri)", key=f"fbc-{idx}")
        if st.button("Send", key=f"fbs-{idx}") and rating is not None:
            record_feedback(SETTINGS.data_dir, int(rating), ans["question"], ans["answer"], comment,
                            [c["chunk_id"] for c in ans["citations"]])
            st.success("Tak for din feedback.")


def chat_tab(ret, filters: Filters) -> None:
    ss = state()
    if not ss["messages"]:
        st.info("Stil et spørgsmål om Københavns Kommunes integrationspolitikker. Fx:")
        cols = st.columns(len(EXAMPLES))
        for col, example in zip(cols, EXAMPLES):
            if col.button(example, key=f"ex-{example}"):
                ss["pending"] = example
    for idx, msg in enumerate(ss["messages"]):
        with st.chat_message("user"):
            st.markdown(escape_markdown(msg["question"]))
        with st.chat_message("assistant"):
            render_answer(ret, msg, idx)
    question = st.chat_input("Skriv dit spørgsmål …") or ss.pop("pending", None)
    if question is not None and not re.search(r"\w", question):
        st.warning("Skriv et spørgsmål om integrationspolitikkerne, fx »Hvad er en efterkommer?«.")
    elif question:
        found = find_personal_data(question)
        answer = api.ask(question, filters=filters, settings=SETTINGS)
        data = answer.to_dict()
        if found:
            data["notices"] = [f"Dit spørgsmål ser ud til at indeholde personoplysninger ({', '.join(found)}). "
                               "Indsæt ikke personoplysninger her."] + data["notices"]
        ss["messages"].append({"question": answer.question or question, "answer": data})
        st.rerun()


# -- goals ---------------------------------------------------------------------------------------

def goal_chart(row: dict):
    points = [{"dato": m["date"][:10], "værdi": m["value"]} for m in row["measurements"]]
    if len(points) < 1:
        return None
    chart = alt.Chart(pd.DataFrame(points)).mark_line(point=True).encode(
        x=alt.X("dato:N", title=None), y=alt.Y("værdi:Q", title=row["measurements"][0]["unit"]))
    if row["target"] and row["target"]["value"] is not None:
        rule = alt.Chart(pd.DataFrame([{"mål": row["target"]["value"]}])).mark_rule(
            color="red", strokeDash=[4, 4]).encode(y="mål:Q")
        chart = chart + rule
    return chart.properties(height=160)


def goal_source(ret, src: dict) -> None:
    """Where a goal stands: the document's title and the cleaned quote, the original text beneath."""
    doc = ret.index.documents.get(src["document_id"])
    if doc is not None:
        a, b = doc.to_cleaned(src["start"], src["end"])
        st.caption(f"Kilde: {escape_markdown(doc.meta.title)}, tegn {src['start']}–{src['end']} "
                   f"i {doc.meta.source_file}")
        st.markdown(f"»{escape_markdown(display_text(doc.cleaned[a:b]))}«")
    st.caption("Originaltekst (urenset):")
    st.code(src["quote"], language=None, wrap_lines=True)


def goals_tab(ret) -> None:
    try:
        rows = goal_rows(load_goals_cached(SETTINGS.corpus_dir))
    except GoalDataError as exc:
        st.error(str(exc))
        return
    cols = st.columns(2)
    periods = sorted({r["period"] for r in rows})
    period = cols[0].multiselect("Periode", periods, default=periods, key="g_period",
                                 placeholder="Vælg en eller flere")
    statuses = cols[1].multiselect("Status", list(STATUSES), default=list(STATUSES), key="g_status",
                                   placeholder="Vælg en eller flere")
    shown = [r for r in rows if r["period"] in period and r["status"] in statuses]
    counts = pd.Series([r["status"] for r in shown]).value_counts()
    st.markdown(" · ".join(f"{status_badge(s)} **{counts.get(s, 0)}**" for s in STATUSES))
    table = pd.DataFrame([{"id": r["id"], "periode": r["period"], "område": r["area"], "mål": r["title"],
                           "status": r["status"], "begrundelse": r["status_reason"],
                           "mål (tal)": (r["target"] or {}).get("text"),
                           "seneste": f"{r['latest']['value']:g} {r['latest']['unit']} ({r['latest']['date']})"
                           if r["latest"] else None, "frist": r["deadline"]} for r in shown])
    st.download_button("Hent som CSV", table.to_csv(index=False).encode("utf-8-sig"), "maalstatus.csv",
                       "text/csv", key="goals_csv")
    for policy in dict.fromkeys(r["policy"] for r in shown):
        meta = ret.index.meta(policy) if policy in ret.index.documents else None
        st.subheader(meta.title if meta else policy)
        for area in dict.fromkeys(r["area"] for r in shown if r["policy"] == policy):
            st.markdown(f"**{escape_markdown(area)}**")
            for r in (r for r in shown if r["policy"] == policy and r["area"] == area):
                with st.expander(f"{status_badge(r['status'])} · {escape_markdown(r['title'])}"):
                    st.markdown(escape_markdown(r["statement"]))
                    target = (r["target"] or {}).get("text") or "—"
                    latest = f"{r['latest']['value']:g} {r['latest']['unit']} ({r['latest']['date']})" \
                        if r["latest"] else "—"
                    st.markdown(f"Mål: **{escape_markdown(target)}** · Seneste tal: **{escape_markdown(latest)}**"
                                f" · Frist: {escape_markdown(r['deadline'] or '—')}")
                    st.caption(r["status_reason"])
                    chart = goal_chart(r)
                    if chart is not None:
                        st.altair_chart(chart, width="stretch")
                    goal_source(ret, r["source"])
    st.subheader("Tilføj målinger")
    st.caption("CSV med kolonnerne goal_id (målets id), date (dato), value (værdi), unit (enhed), source (kilde), "
               "registered_by (registreret af) og registered_at (registreringstidspunkt).")
    upload = st.file_uploader("CSV-fil med nye målinger", type=list(MEASUREMENT_TYPES), key="goal_upload")
    if upload is not None and st.button("Importér målinger", key="goal_import"):
        try:
            n = import_measurements(SETTINGS.corpus_dir, upload.getvalue().decode("utf-8", errors="replace"))
            st.success(f"{n} målinger er tilføjet.")
        except GoalDataError as exc:
            st.error("Filen blev afvist, og intet er ændret:")
            for problem in exc.problems:
                st.markdown(f"- {escape_markdown(problem)}")


# -- definitions, documents, excerpts -------------------------------------------------------------

def definitions_tab(ret) -> None:
    query = st.text_input("Søg efter et begreb", key="def_query", placeholder="fx efterkommer, MENAPT")
    found = search_definitions(load_definitions(SETTINGS.corpus_dir), query)
    if not found:
        st.info(f"Intet begreb matcher »{query}«. Prøv et andet ord, eller stil spørgsmålet i chatten.")
    else:
        st.caption(f"{len(found)} begreb" + ("" if len(found) == 1 else "er"))
    for d in found:
        meta = ret.index.meta(d.document) if d.document in ret.index.documents else None
        label = f"{d.term} · {d.period}" + (f" · {meta.status_label}" if meta else "")
        with st.expander(label, expanded=bool(query)):
            st.markdown(escape_markdown(d.text))
            src = d.sources[0]
            st.caption(f"Kilde: {meta.title if meta else d.document}, tegn {src.start}–{src.end}")


def document_row(d, files: dict[str, str]) -> dict:
    """A row of the document table, in Danish: the type's label, and a duplicate's original by its file
    (no English »None« when there is none). The file is what citations name; the id is in the JSON."""
    original = files.get(d.duplicate_of or "", "")
    return {"titel": d.meta.title, "type": KIND_LABELS.get(d.meta.kind, d.meta.kind), "periode": d.meta.period,
            "status": d.meta.status_label, "dato": d.meta.date, "fil": d.meta.source_file, "dublet af": original}


def documents_tab(ret) -> None:
    ss = state()
    docs = list(ret.index.documents.values())
    # a static table: st.dataframe's column menu (sorting, pinning) has only English texts
    files = {d.meta.id: d.meta.source_file for d in docs}
    table = pd.DataFrame([document_row(d, files) for d in docs])
    st.table(table, hide_index=True, alt="Dokumenterne i korpusset")
    st.download_button("Hent listen som CSV", table.to_csv(index=False).encode("utf-8-sig"), "dokumenter.csv",
                       "text/csv", key="doc_csv")
    ids = [d.meta.id for d in docs]
    opened = ss["open_doc"]
    index = ids.index(opened[0]) if opened and opened[0] in ids else 0
    choice = st.selectbox("Åbn dokument", ids, index=index, key="doc_choice",
                          format_func=lambda i: ret.index.documents[i].meta.title, placeholder="Vælg et dokument")
    if notice := ss.pop("doc_notice", None):
        st.success(notice)
    with st.expander("Tilføj et dokument"):
        upload_form(ss)
    doc = ret.index.documents[choice]
    original = st.toggle("Vis originaltekst (urenset)", key="doc_original")
    span = (opened[1], opened[2]) if opened and opened[0] == choice else (0, 0)
    text, (a, b) = (doc.text, span) if original else (doc.cleaned, doc.to_cleaned(*span) if span != (0, 0) else (0, 0))
    if b > a:  # opened from a source: the cited place first, then the whole document
        st.markdown(f"**Det citerede sted** (tegn {span[0]}–{span[1]} i {doc.meta.source_file})")
        st.html(highlighted_html(text, a, b, max_chars=1500))
        st.markdown("**Hele dokumentet**")
    st.html(highlighted_html(text, a, b, max_chars=200_000))


def suggestion(ss, upload) -> dict[str, str]:
    """The upload's suggested description, read once per file (a PDF that cannot be read gets the
    defaults here and its Danish error when it is added)."""
    key = (upload.name, upload.size)
    if ss.get("upload_guess", (None,))[0] != key:
        try:
            guess = suggested_metadata(read_upload(SETTINGS, upload.name, upload.getvalue()).text, upload.name)
        except UploadError:
            guess = {"title": upload.name.rsplit(".", 1)[0], "period": "ukendt", "status": "draft", "kind": "other"}
        ss["upload_guess"] = (key, guess)
    return ss["upload_guess"][1]


def upload_form(ss) -> None:
    """A new document with its description (title, type, period, status), then the rebuild; on
    success the page reruns so the sidebar and the document list count it."""
    round_ = ss.setdefault("upload_round", 0)  # a new key empties the uploader after a success
    upload = st.file_uploader("PDF-, TXT- eller MD-fil", type=list(DOCUMENT_TYPES), key=f"doc_upload_{round_}")
    if upload is None:
        return
    guess = suggestion(ss, upload)
    st.caption("Beskriv dokumentet (forslagene er læst ud af filen – ret dem, hvis de er forkerte).")
    cols = st.columns([3, 1, 1, 1])
    title = cols[0].text_input("Titel", value=guess["title"], key=f"up_title_{round_}")
    kind = cols[1].selectbox("Dokumenttype", KINDS, index=KINDS.index(guess["kind"]), key=f"up_kind_{round_}",
                             format_func=lambda k: KIND_LABELS.get(k, k), placeholder="Vælg en type")
    period = cols[2].text_input("Periode", value=guess["period"], key=f"up_period_{round_}")
    status = cols[3].selectbox("Status", DOC_STATUSES, index=DOC_STATUSES.index(guess["status"]),
                               key=f"up_status_{round_}", format_func=lambda k: STATUS_LABELS[k].lower(),
                               placeholder="Vælg en status")
    if not st.button("Tilføj og genopbyg indekset", key="doc_add"):
        return
    bar = st.progress(0.0, text="Kontrollerer filen …")
    try:
        add_document_and_rebuild(SETTINGS, upload.name, upload.getvalue(),
                                 progress=lambda f, m: bar.progress(min(f, 1.0), text=m),
                                 described={"title": title, "kind": kind, "period": period, "status": status})
    except UploadError as exc:
        bar.empty()
        st.error(str(exc))
        return
    api.reload(SETTINGS)
    st.cache_resource.clear()
    ss["doc_notice"] = f"»{upload.name}« er tilføjet, og indekset er bygget igen."
    ss["upload_round"] = round_ + 1
    st.rerun()


def excerpts_tab() -> None:
    basket = state()["basket"]
    if not basket:
        st.info("Ingen uddrag endnu. Brug »Læg i uddrag« på en kilde i chatten.")
        return
    citations = [Citation(**c) for c in basket]
    for i, c in enumerate(citations):
        st.markdown(f"**{i + 1}.** »{escape_markdown(c.quote)}«  \n{escape_markdown(c.reference())}")
        st.button("Fjern", key=f"rm-{i}", on_click=remove_from_basket, args=(i,))
    cols = st.columns(3)
    cols[0].download_button("Hent Markdown", to_markdown(citations).encode("utf-8"), "uddrag.md",
                            "text/markdown", key="dl_md")
    cols[1].download_button("Hent Word", to_docx(citations), "uddrag.docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            key="dl_docx")
    cols[2].download_button("Hent CSV", to_csv(citations).encode("utf-8-sig"), "uddrag.csv", "text/csv",
                            key="dl_csv")


def main() -> None:
    danish_streamlit_texts()
    st.title("Politikassistent")
    st.caption("Københavns Kommunes integrationspolitikker – hvert svar med kilder, du kan åbne og kontrollere.")
    try:
        reason = stale_reason(SETTINGS)  # first start, a changed corpus or a damaged index
        if reason:
            rebuild(f"Indekset {reason} – bygger det:")
        ret = retriever(repr(SETTINGS))
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()
    filters = sidebar(ret)
    chat, goals, definitions, documents, excerpts = st.tabs(
        ["Chat", "Målstatus", "Definitioner", "Dokumenter", excerpt_tab_label()], key="tab", on_change="rerun")
    with chat:
        chat_tab(ret, filters)
    with goals:
        goals_tab(ret)
    with definitions:
        definitions_tab(ret)
    with documents:
        documents_tab(ret)
    with excerpts:
        excerpts_tab()


main()
