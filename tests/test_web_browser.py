"""End to end in a real headless Chromium: overview -> article, highlighted spans, a screenshot."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest
from test_web import HOSTILE, _article

from newsevents import store
from newsevents.web import create_app

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable (make browser installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    import uvicorn

    db = tmp_path / "browser.duckdb"
    text = "Kenyan police arrested protesters in Nairobi. \"We restored order,\" police said. " + HOSTILE
    with store.Store(str(db)) as writer:
        writer.write(_article("doc1", text, "2023-03-06"))
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


def test_click_from_overview_to_highlighted_article(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(server + "/")
            assert page.locator("svg.chart").count() == 1
            page.click("a.article-link")
            page.wait_for_url("**/article/doc1")
            assert page.locator("#article-text .ann.event").first.inner_text() == "arrested"
            assert "lex:173.arrest" in page.locator("#article-text .ann.event").first.get_attribute("title")
            assert page.locator("#article-text .ann.actor").count() >= 2
            assert page.locator("#article-text .ann.place").first.inner_text() == "Nairobi"
            assert HOSTILE in page.locator("#article-text").inner_text()
            assert dialogs == []
            shot = tmp_path / "article.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 1000
            if os.environ.get("NEWSEVENTS_SCREENSHOT_DIR"):
                shutil.copy(shot, os.environ["NEWSEVENTS_SCREENSHOT_DIR"])
        finally:
            browser.close()
