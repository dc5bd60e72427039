"""The Mini App in a real browser (Playwright driving Debian's Chromium): open it with valid
signed initData, see the journal, open a dream, switch language, see the stats chart, export.
Screenshots are kept in ``.artifacts/browser/`` for a person to look at."""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from core.db.models import Sex, User
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app
from tests.miniapp.signing import init_data, widget_payload

playwright_api = pytest.importorskip("playwright.async_api", reason="playwright is not installed")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / ".artifacts" / "browser"
PHONE = {"width": 360, "height": 760}
USER = 4242
TEXTS = [
    "I was swimming in dark water near my old school and a big dog followed me along the shore.",
    "My mother and I were flying over a city at night and I felt very happy and free.",
    "A stranger chased me through a dark forest and I was terrified that he would catch me.",
    "I was late for an exam at the university, I could not find the room and felt anxious.",
    "I found a hidden door in my grandmother's house that led to a garden full of light.",
]
THEME = {
    "bg_color": "#ffffff", "text_color": "#1c1c1d", "hint_color": "#8e8e93",
    "link_color": "#2481cc", "button_color": "#2481cc", "button_text_color": "#ffffff",
    "secondary_bg_color": "#efeff4",
}  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def browser_available() -> None:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture
async def journal() -> AsyncIterator[Web]:
    async with initialised_db("sqlite") as url, web_app(url) as web:
        user = await User.create(
            telegram_id=USER, first_name="Alice", dream_balance=20, sex=Sex.FEMALE
        )
        start = datetime.now(UTC) - timedelta(days=70)
        for index, text in enumerate(TEXTS):
            await analysed_dream(
                await User.get(id=user.id), text, start + timedelta(days=14 * index)
            )
        yield web


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            await browser.close()


def mini_app_url(web: Web, path: str = "/app/", telegram_id: int = USER) -> str:
    fragment = (
        f"tgWebAppData={quote(init_data(telegram_id))}&tgWebAppVersion=8.0&tgWebAppPlatform=android"
        f"&tgWebAppThemeParams={quote(json.dumps(THEME))}"
    )
    return f"{web.client.make_url(path)}#{fragment}"


async def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


async def test_the_mini_app_journey(journal: Web, browser: Any, tmp_path: Path) -> None:
    context = await browser.new_context(
        viewport=PHONE, device_scale_factor=2, accept_downloads=True
    )
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    await page.goto(mini_app_url(journal))
    cards = page.locator("[data-dream]")
    await cards.first.wait_for()
    assert await cards.count() == len(TEXTS)
    assert await page.evaluate("document.documentElement.classList.contains('tg')")
    await shot(page, "01-journal-en")

    await page.get_by_text("A stranger chased me").click()
    await page.locator(".interpretation").wait_for()
    assert "dream" in page.url
    await shot(page, "02-dream-en")

    await page.locator(".lang button[data-lang='ru']").click()
    await page.wait_for_url("**lang=ru**")
    await page.locator(".interpretation").wait_for()
    assert await page.locator("nav.tabs").inner_text() != ""
    assert "Дневник" in await page.locator("nav.tabs").inner_text()
    assert (await User.get(telegram_id=USER)).language == "ru"
    await shot(page, "03-dream-ru")

    await page.locator("nav.tabs a[data-nav='stats']").click()
    chart = page.locator("#h-profile svg.chart")
    await chart.wait_for()
    assert await chart.locator("rect").count() > 0
    assert (
        "DreamBank" in await page.locator("main").inner_text()
        or "норм" in await page.locator("main").inner_text()
    )
    await shot(page, "04-stats-ru")

    await page.locator("nav.tabs a[data-nav='settings']").click()
    await page.locator("#export-json").wait_for()
    async with page.expect_download() as download_info:
        await page.locator("#export-json").click()
    download = await download_info.value
    saved = tmp_path / download.suggested_filename
    await download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert sorted(d["text"] for d in exported["dreams"]) == sorted(TEXTS)
    await shot(page, "05-settings-ru")

    await page.locator("nav.tabs a[data-nav='moon']").click()
    await page.locator("#month .day").first.wait_for()
    await shot(page, "06-moon-ru")
    assert errors == []
    await context.close()


async def test_the_dashboard_signs_in_and_follows_a_dark_system_theme(
    journal: Web, browser: Any
) -> None:
    context = await browser.new_context(
        viewport={"width": 1100, "height": 800}, color_scheme="dark"
    )
    page = await context.new_page()
    query = "&".join(f"{k}={quote(str(v))}" for k, v in widget_payload(USER).items())
    await page.goto(str(journal.client.make_url(f"/auth/telegram?{query}")))
    await page.wait_for_url("**/dashboard/**")
    await page.locator("[data-dream]").first.wait_for()
    cookies = {c["name"]: c for c in await context.cookies()}
    assert cookies["os_access"]["httpOnly"] and cookies["os_access"]["sameSite"] == "Strict"
    await shot(page, "07-dashboard-dark")
    await page.goto(str(journal.client.make_url("/dashboard/stats")))
    await page.locator("#h-profile svg.chart").wait_for()
    await shot(page, "08-dashboard-stats-dark")
    await context.close()


async def test_the_new_dream_page_shows_progress_until_the_analysis(
    journal: Web, browser: Any
) -> None:
    context = await browser.new_context(viewport=PHONE)
    page = await context.new_page()
    await page.goto(mini_app_url(journal, "/app/new"))
    await page.locator("#text").fill(
        "I was on a train with my sister, the sea outside was silver and I felt calm and curious."
    )
    await shot(page, "09-new-dream")
    # Inside Telegram the MainButton sends; the page's own button is hidden there.
    await page.evaluate("document.getElementById('new-form').requestSubmit()")
    await page.locator("#progress:not(.hidden)").wait_for()
    await page.wait_for_url("**/app/dreams/**", timeout=30_000)
    await page.locator(".interpretation").wait_for()
    await context.close()
