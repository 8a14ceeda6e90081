"""End to end: a real `streamlit run` server and headless Chromium (Debian's), driven by Playwright.

Screenshots of each page are written to test-artifacts/ when a test fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
playwright.expect.set_options(timeout=30_000)  # a rerun on a loaded 2-core CI machine can take seconds
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(env: dict[str, str], log_path: Path):
    """A real `streamlit run app.py` with these environment settings; yields its URL once healthy."""
    port = _free_port()
    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                             "--server.fileWatcherType", "none"],
                            cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit stopped ({proc.returncode}); see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("streamlit not healthy after 90 s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def served(built_settings, tmp_path_factory):
    corpus = tmp_path_factory.mktemp("served") / "corpus"
    shutil.copytree(CORPUS, corpus)
    env = {"ASSISTANT_INDEX_DIR": str(built_settings.index_dir),
           "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_DATA_DIR": str(corpus.parent / "data")}
    with streamlit_server(env, corpus.parent / "server.log") as url:
        yield url, corpus


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture()
def page(browser, served, request):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    pg.goto(served[0])
    playwright.expect(pg.get_by_role("tab", name="Chat")).to_be_visible()
    # The excerpt tab is rendered last: once it is in the page, the first run has finished.
    playwright.expect(pg.get_by_text("Ingen uddrag endnu", exact=False)).to_be_attached()
    yield pg
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()


def wait_until_idle(page) -> None:
    """Until streamlit's script run has finished (its own `data-test-script-state` on the app root).
    A click while a run is still drawing can land on a node that is being replaced, and is lost."""
    playwright.expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def open_expander(page, scope, label: str) -> None:
    """Opens the expander `label` in `scope` and waits until it is open. A click that lands while a run
    is still drawing is lost (the expander stays shut and draws nothing inside): then once more."""
    details = scope.get_by_test_id("stExpander").filter(has_text=label).locator("details")
    for attempt in range(2):
        wait_until_idle(page)
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        try:
            playwright.expect(details).to_have_attribute("open", "", timeout=10_000)
            return
        except AssertionError:
            if attempt:
                raise


# The text a user sees: drawn text nodes (not hidden, font size above 0) and the text of ::before/::after,
# where the app's CSS puts Danish in place of Streamlit's English. inner_text() sees neither of those.
RENDERED_TEXT_JS = """root => {
    const parts = [];
    const drawn = style => style.visibility === "visible" && parseFloat(style.fontSize) > 0;
    const pseudo = (el, which) => {
        const style = getComputedStyle(el, which);
        if (style.content.startsWith('"') && drawn(style)) parts.push(JSON.parse(style.content));
    };
    const walk = node => {
        if (node.nodeType === Node.TEXT_NODE) {
            if (drawn(getComputedStyle(node.parentElement))) parts.push(node.textContent);
        } else if (node.nodeType === Node.ELEMENT_NODE
                   && (node.checkVisibility() || getComputedStyle(node).display === "contents")) {
            pseudo(node, "::before");
            node.childNodes.forEach(walk);
            pseudo(node, "::after");
        }
    };
    walk(root);
    return parts.join(" ").replace(/\\s+/g, " ");
}"""
STREAMLIT_ENGLISH = ("Drag and drop", "Browse files", "Limit 200MB", "per file", "Upload", "Choose an option",
                     "Choose options", "No results", "Select all", "not allowed", "Press Enter", "Download as CSV",
                     "Skip to main content")


def expect_danish(locator, *danish: str, timeout: float = 30) -> None:
    """Waits until the locator's rendered text holds every Danish text and none of Streamlit's English."""
    deadline = time.monotonic() + timeout
    while True:
        text = locator.first.evaluate(RENDERED_TEXT_JS) if locator.count() else ""
        missing = [d for d in danish if d not in text]
        english = [e for e in STREAMLIT_ENGLISH if e in text]
        if not (missing or english) or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert not missing, f"{missing} not shown in {text!r}"
    assert not english, f"English {english} shown in {text!r}"


def ask(page, question: str):
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(1)
    playwright.expect(answer).to_be_visible()
    wait_until_idle(page)
    return answer


def test_ask_and_open_a_source_card(page):
    answer = ask(page, "Hvad er en efterkommer?")
    playwright.expect(answer.get_by_test_id("stChatMessageContent")).to_contain_text("Efterkommere er født i Danmark")
    card = answer.get_by_test_id("stExpander").first
    playwright.expect(card).to_contain_text("UDKAST")
    card.locator("summary").click()
    mark = card.locator("mark.cited")
    playwright.expect(mark).to_be_visible()
    playwright.expect(mark).to_contain_text("Efterkommere er født i Danmark")
    documents_tab = page.get_by_role("tab", name="Dokumenter")
    for attempt in range(2):  # a click that lands while a run is still drawing is lost: once more
        wait_until_idle(page)
        card.get_by_role("button", name="Åbn i dokumentet").click()  # switches to the document, cited place first
        try:
            playwright.expect(documents_tab).to_have_attribute("aria-selected", "true", timeout=15_000)
            break
        except AssertionError:
            if attempt:
                raise
    documents = page.get_by_test_id("stTabPanel").nth(3)
    playwright.expect(documents.get_by_text("Det citerede sted")).to_be_visible()
    playwright.expect(documents.locator("mark.cited").first).to_contain_text("Efterkommere er født i Danmark")


def test_goal_panel_shows_statuses(page):
    page.get_by_role("tab", name="Målstatus").click()
    panel = page.get_by_test_id("stTabPanel").nth(1)
    reached = panel.get_by_test_id("stExpander").filter(has_text="Mål 3")
    playwright.expect(reached.first).to_contain_text("NÅET")
    playwright.expect(panel.get_by_text("AFVENTER UDVALG", exact=False).first).to_be_visible()


def test_look_up_a_definition(page):
    page.get_by_role("tab", name="Definitioner").click()
    box = page.get_by_label("Søg efter et begreb")
    box.fill("MENAPT")
    box.press("Enter")
    panel = page.get_by_test_id("stTabPanel").nth(2)
    playwright.expect(panel.get_by_text("Tyrkiet, Syrien, Irak", exact=False).first).to_be_visible()


def test_basket_export(page):
    answer = ask(page, "Hvor lav skal overledigheden blandt etniske minoriteter være?")
    card = answer.get_by_test_id("stExpander").first
    card.locator("summary").click()
    card.get_by_role("button", name="Læg i uddrag").click()
    tab = page.get_by_role("tab", name="Uddrag (1)")
    playwright.expect(tab).to_be_visible()
    wait_until_idle(page)
    tab.click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Hent Markdown").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "5,8 procent" in text and "Kilde: Københavns Kommune (2010)" in text
    wait_until_idle(page)
    page.get_by_role("button", name="Fjern").click()  # the tab's label changes; the tab stays open
    panel = page.get_by_test_id("stTabPanel").nth(4)
    playwright.expect(panel.get_by_text("Ingen uddrag endnu", exact=False)).to_be_visible()
    playwright.expect(page.get_by_role("tab", name="Uddrag (0)")).to_have_attribute("aria-selected", "true")


def test_bad_upload_is_refused_and_nothing_changes(page, served, tmp_path):
    corpus = served[1]
    before = {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()}
    bad = tmp_path / "beskadiget.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    page.get_by_role("tab", name="Dokumenter").click()
    panel = page.get_by_test_id("stTabPanel").nth(3)
    open_expander(page, panel, "Tilføj et dokument")
    panel.locator("input[type=file]").set_input_files(str(bad))
    wait_until_idle(page)
    panel.get_by_role("button", name="Tilføj og genopbyg indekset").click()
    playwright.expect(panel.get_by_test_id("stAlertContentError")).to_contain_text("beskadiget.pdf")
    assert {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()} == before


def test_streamlit_widget_texts_are_danish(page, tmp_path):
    """Streamlit's own widget texts (uploader, multiselect, selectbox, tooltips, input hints) are English and
    have no locale setting: the app's CSS and placeholders show Danish ones instead."""
    expect_danish(page.get_by_test_id("stSkipToContent"), "Gå til indholdet")
    page.get_by_role("tab", name="Målstatus").click()
    goals = page.get_by_test_id("stTabPanel").nth(1)
    expect_danish(goals.get_by_test_id("stFileUploaderDropzone"), "Vælg fil",
                  "Træk og slip filen her · højst 200 MB · CSV")
    expect_danish(page.locator("body"), "Tilføj målinger", "Vælg fil")
    status = goals.get_by_test_id("stMultiSelect").filter(has_text="Status")
    status.locator("input").click()
    dropdown = page.get_by_test_id("stMultiSelectDropdown")
    expect_danish(dropdown, "Ingen resultater")  # every status is chosen
    page.keyboard.press("Escape")
    playwright.expect(dropdown).to_be_hidden()
    wait_until_idle(page)
    status.get_by_role("button", name="Clear all").click()
    playwright.expect(status.locator("input")).to_have_attribute("placeholder", "Vælg en eller flere")
    wait_until_idle(page)
    status.locator("input").click()
    expect_danish(dropdown, "Vælg alle", "ikke målt")
    page.keyboard.press("Escape")
    playwright.expect(dropdown).to_be_hidden()

    page.get_by_role("tab", name="Dokumenter").click()
    documents = page.get_by_test_id("stTabPanel").nth(3)
    kinds = documents.get_by_test_id("stTable").locator("tbody tr td:nth-child(2)")
    playwright.expect(kinds.first).to_be_attached()
    assert "politik" in kinds.all_text_contents() and "policy" not in kinds.all_text_contents()
    expect_danish(documents.get_by_test_id("stTable").locator("thead"), "titel", "periode", "dublet af")
    choice = documents.get_by_test_id("stSelectbox").filter(has_text="Åbn dokument").locator("input")
    playwright.expect(choice).to_have_attribute("placeholder", "Vælg et dokument")
    choice.click()
    page.keyboard.type("zzzz")
    options = page.get_by_test_id("stSelectboxVirtualDropdown")
    expect_danish(options, "Ingen resultater")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    playwright.expect(options).to_be_hidden()
    expect_danish(documents.get_by_test_id("stDownloadButton"), "Hent listen som CSV")
    open_expander(page, documents, "Tilføj et dokument")
    dropzone = documents.get_by_test_id("stFileUploaderDropzone")
    expect_danish(dropzone, "Vælg fil", "Træk og slip filen her · højst 200 MB · PDF, TXT, MD")
    dragged = page.evaluate_handle("() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.txt')); "
                                   "return d; }")
    dropzone.dispatch_event("dragenter", {"dataTransfer": dragged})
    expect_danish(dropzone, "Slip filen her")
    dropzone.dispatch_event("dragleave", {"dataTransfer": dragged})
    wrong = tmp_path / "notat.docx"
    wrong.write_bytes(b"PK\x03\x04 not a document")
    documents.locator("input[type=file]").set_input_files(str(wrong))  # refused in the browser: not a PDF/TXT/MD
    chip, tooltip = documents.get_by_test_id("stFileChip"), page.get_by_test_id("stTooltipErrorContent")
    for attempt in range(6):  # the error tooltip opens on a hover that arrives after the chip is drawn
        page.mouse.move(0, 0)
        chip.hover()
        try:
            playwright.expect(tooltip).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == 5:
                raise
    expect_danish(tooltip, "Filen blev afvist")

    page.get_by_role("tab", name="Definitioner").click()
    page.get_by_label("Søg efter et begreb").fill("MENAPT")  # typed, not yet applied
    expect_danish(page.get_by_test_id("InputInstructions"), "Tryk Enter for at anvende")
    expect_danish(page.locator("body"), "Søg efter et begreb")


def test_two_browser_sessions_keep_their_own_conversations(browser, served):
    pages = []
    for question in ("Hvad er en efterkommer?", "Hvad er MENAPT?"):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = ctx.new_page()
        pg.goto(served[0])
        playwright.expect(pg.get_by_text("Ingen uddrag endnu", exact=False)).to_be_attached()
        pg.get_by_test_id("stChatInputTextArea").fill(question)
        pages.append((ctx, pg, question))
    for _ctx, pg, _q in pages:  # both questions are sent before either answer is read
        pg.get_by_test_id("stChatInputTextArea").press("Enter")
    (c1, p1, _), (c2, p2, _) = pages
    playwright.expect(p1.get_by_test_id("stChatMessage").nth(1)).to_contain_text("Efterkommere er født i Danmark")
    playwright.expect(p2.get_by_test_id("stChatMessage").nth(1)).to_contain_text("MENAPT")
    assert p1.get_by_test_id("stChatMessage").count() == 2 and p2.get_by_test_id("stChatMessage").count() == 2
    playwright.expect(p1.get_by_test_id("stChatMessage").first).to_contain_text("efterkommer")
    playwright.expect(p2.get_by_test_id("stChatMessage").first).to_contain_text("MENAPT")
    c1.close()
    c2.close()


@contextlib.contextmanager
def own_server_page(browser, env: dict[str, str], tmp_path: Path):
    """A page on a server of its own (these settings), loaded, with a long timeout for index builds."""
    with streamlit_server(env, tmp_path / "server.log") as url:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = ctx.new_page()
        pg.set_default_timeout(120_000)
        pg.goto(url)
        playwright.expect(pg.get_by_text("Ingen uddrag endnu", exact=False)).to_be_attached()
        try:
            yield pg
        finally:
            ctx.close()


def test_first_start_builds_the_index_and_answers(browser, built_settings, tmp_path):
    """A new user's first start: no index yet. The app builds it with a progress bar (outside the
    cached loader, which streamlit could not replay) and then answers."""
    index_dir = tmp_path / "index"  # empty: the index is built by the app
    env = {"ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    with own_server_page(browser, env, tmp_path) as pg:
        playwright.expect(pg.get_by_test_id("stException")).to_have_count(0)
        answer = ask(pg, "Hvem har ansvaret for at løfte integrationsopgaven i København?")
        playwright.expect(answer.get_by_test_id("stChatMessageContent")).to_contain_text("[1]")
    assert (index_dir / "current" / "manifest.json").exists()


def test_an_upload_is_described_added_and_counted(browser, tmp_path):
    """A new document with its description: the form suggests title and period from the file, the
    user corrects one, and after the rebuild the sidebar and metadata.yaml count the document."""
    import yaml

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "003_5fcab05f8b4f1b9f.txt", corpus)
    entries = yaml.safe_load((CORPUS / "metadata.yaml").read_text(encoding="utf-8"))["documents"]
    (corpus / "metadata.yaml").write_text(yaml.safe_dump(
        {"documents": [e for e in entries if e["source_file"] == "003_5fcab05f8b4f1b9f.txt"]},
        allow_unicode=True), encoding="utf-8")
    new = tmp_path / "fritid.txt"
    new.write_text("Udkast til Københavns Fritidspolitik 2027-2030\n\nPolitikken gælder 2027-2030. Alle unge i "
                   "København skal have et fritidsjob eller en fritidsaktivitet, som de selv har valgt.\n",
                   encoding="utf-8")
    env = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_CORPUS_DIR": str(corpus),
           "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    with own_server_page(browser, env, tmp_path) as pg:
        sidebar = pg.get_by_test_id("stSidebar")
        playwright.expect(sidebar).to_contain_text("Dokumenter: 1")
        pg.get_by_role("tab", name="Dokumenter").click()
        panel = pg.get_by_test_id("stTabPanel").nth(3)
        open_expander(pg, panel, "Tilføj et dokument")
        panel.locator("input[type=file]").set_input_files(str(new))
        title = panel.get_by_label("Titel")
        playwright.expect(title).to_have_value("Udkast til Københavns Fritidspolitik 2027-2030")
        playwright.expect(panel.get_by_label("Periode")).to_have_value("2027-2030")
        title.fill("Fritidspolitik 2027-2030 (udkast)")
        title.press("Enter")
        wait_until_idle(pg)
        panel.get_by_role("button", name="Tilføj og genopbyg indekset").click()
        playwright.expect(panel.get_by_test_id("stAlertContentSuccess")).to_contain_text("fritid.txt")
        playwright.expect(sidebar).to_contain_text("Dokumenter: 2")
        playwright.expect(panel.get_by_label("Titel")).to_have_count(0)  # the uploader is empty again
    (entry,) = [e for e in yaml.safe_load((corpus / "metadata.yaml").read_text(encoding="utf-8"))["documents"]
                if e["source_file"] == "fritid.txt"]
    assert entry == {"id": "fritid", "source_file": "fritid.txt", "title": "Fritidspolitik 2027-2030 (udkast)",
                     "kind": "draft", "period": "2027-2030", "status": "draft"}
