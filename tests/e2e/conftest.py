"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a test visits is checked with axe-core (WCAG 2.0 and 2.1, levels A and AA, plus
axe's best practices): the ``page`` fixture notes each ``load`` event and checks the loaded page
before the test's next Playwright call (on the page, a locator, ``expect``, ...) and again when
the test ends, so a test cannot visit a page without it being checked. Each kind of page (its
Django view) is also checked once per language at 360 px: no horizontal scrolling, and axe again
on the collapsed layout. JavaScript errors and Content-Security-Policy violations fail the test too.

``E2E_SCREENSHOTS=/tmp/e2e-shots`` saves a full-page screenshot of each kind of page at 1280
and at 360 px into that folder.
"""

import functools
import inspect
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import Resolver404, resolve
from playwright._impl._sync_base import SyncBase
from playwright.sync_api import BrowserContext, Dialog, Page
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 360, "height": 740}
# Pages we do not write: Django's admin and the API's generated documentation.
UNCHECKED_PREFIXES = ("/admin/", "/api/")
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "")


@functools.cache
def axe_source() -> str:
    return AXE_SCRIPT.read_text("utf-8")


RUN_AXE = """async (options) => {
  const results = await window.axe.run(document, options);
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
  }));
}"""

# The innermost elements reaching past the right edge, to say what makes a page scroll sideways.
WIDEST_ELEMENTS = """(width) => {
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (e.classList.length ? "." + [...e.classList].join(".") : "");
  const wide = [...document.body.querySelectorAll("*")].filter(
    (e) => e.getBoundingClientRect().right > width + 1);
  return wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)))
    .slice(0, 5).map((e) => `${name(e)} (to ${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


@pytest.fixture(scope="session", autouse=True)
def _allow_database_access_beside_the_browser():
    """Playwright's sync API runs an event loop in the test's thread, so Django would refuse the
    test's database queries as coming "from async code". Lifted for the browser tests only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def _serialized_database(django_db_setup) -> dict[str, str]:
    """The test database as Django serialized it, for ``serialized_rollback`` (migrations load
    themes and site pages; transactional tests flush them). Read before Playwright starts."""
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session", autouse=True)
def _serialized_database_beside_the_browser(_serialized_database, playwright) -> None:
    """Once Playwright's event loop runs in this thread, asgiref gives Django's code other
    connection objects than before, and those lack the serialized copy when the database was
    set up first (by a test without a browser earlier in the run). Hand it over."""
    for alias, contents in _serialized_database.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """Tests name paths (``page.goto("/programmes/")``); the live server supplies the host."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Reduced motion: Bootstrap then skips its transitions, so nothing is checked mid-animation.
    return {**browser_context_args, "locale": "en-GB", "viewport": WIDE, "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def _kinds_checked_narrow() -> set[str]:
    """Kinds of page (view name and language) already checked at 360 px in this session."""
    return set()


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}")
            summary = " ".join(node["summary"].split())
            lines.append(f"      {summary}")
    return "\n".join(lines)


class PageChecker:
    """Checks every page loaded in one Playwright page; see the module docstring."""

    def __init__(self, page: Page, kinds_checked_narrow: set[str]):
        self.page = page
        self.kinds_checked_narrow = kinds_checked_narrow
        self.pending = False
        self.busy = False
        self.script_errors: list[str] = []
        page.on("load", self._loaded)
        page.on("pageerror", lambda error: self.script_errors.append(str(error)))
        page.on("console", self._console)

    def _loaded(self, _page) -> None:
        self.pending = True

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.script_errors.append(message.text)

    def check_pending(self) -> None:
        if self.busy or not self.pending:
            return
        self.busy = True
        try:
            # A page that starts navigating while it is checked is checked again once loaded.
            for _attempt in range(3):
                self.pending = False
                try:
                    self.page.wait_for_load_state("load")
                    self.check_now()
                except PlaywrightError as error:
                    if "context was destroyed" not in str(error) and "navigat" not in str(error):
                        raise
                    self.pending = True
                else:
                    break
        finally:
            self.busy = False

    def check_now(self) -> None:
        """Check the page as it is now (also after an htmx swap, which fires no load event)."""
        self.assert_no_script_errors()
        url = self.page.url
        path = urlsplit(url).path
        if not url.startswith("http") or path.startswith(UNCHECKED_PREFIXES):
            return
        self.run_axe(url)
        # German and Italian words are longer: a page is checked narrow once per language.
        language = self.page.evaluate("() => document.documentElement.lang")
        kind = f"{self.kind_of(path)}-{language}"
        if kind not in self.kinds_checked_narrow:
            self.kinds_checked_narrow.add(kind)
            self.check_narrow(url, kind)

    def run_axe(self, url: str) -> None:
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            # Not page.add_script_tag(): the site's Content-Security-Policy rightly refuses
            # inline scripts, and the tests keep that policy on. Evaluating through the
            # DevTools protocol is not subject to it.
            self.page.evaluate(axe_source())
        violations = self.page.evaluate(RUN_AXE, AXE_OPTIONS)
        if violations:
            raise AssertionError(format_violations(url, violations))

    def check_narrow(self, url: str, kind: str) -> None:
        viewport = self.page.viewport_size or WIDE
        if SCREENSHOTS:
            self.screenshot(kind, viewport)
        self.page.set_viewport_size(NARROW)
        try:
            scroll_width = self.page.evaluate("() => document.documentElement.scrollWidth")
            if scroll_width > NARROW["width"]:
                wide = self.page.evaluate(WIDEST_ELEMENTS, NARROW["width"])
                raise AssertionError(
                    f"{url} scrolls sideways at {NARROW['width']} px: the page is {scroll_width} px"
                    " wide. Sticking out: " + ", ".join(wide)
                )
            self.run_axe(url)
            if SCREENSHOTS:
                self.screenshot(kind, NARROW)
        finally:
            self.page.set_viewport_size(viewport)

    def screenshot(self, kind: str, viewport: dict) -> None:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{kind.replace(':', '-')}-{viewport['width']}.png"
        # caret="initial": hiding the caret makes Playwright inject a <style>, which the site's
        # Content-Security-Policy refuses, and the refusal would be taken for the page's error.
        self.page.screenshot(path=folder / name, full_page=True, caret="initial")

    def assert_no_script_errors(self) -> None:
        errors, self.script_errors = self.script_errors, []
        assert not errors, "JavaScript errors on the page:\n" + "\n".join(errors)

    @staticmethod
    def kind_of(path: str) -> str:
        try:
            return resolve(path).view_name
        except Resolver404:
            return path


CHECKER = pytest.StashKey[PageChecker]()


@pytest.fixture
def page(page: Page, _kinds_checked_narrow, monkeypatch, request) -> Page:
    """pytest-playwright's page, with every loaded page checked (see the module docstring)."""
    page.set_default_timeout(5_000)
    checker = PageChecker(page, _kinds_checked_narrow)
    request.node.stash[CHECKER] = checker
    # Every call of Playwright's sync API (on the page, a locator, the keyboard, expect(), ...)
    # goes through SyncBase._sync, so checking there means no loaded page escapes, whatever the
    # test calls next. Private API, hence the narrow patch: one method, for this test only.
    blocking_call = SyncBase._sync

    def check_then_call(self, awaitable):
        if isinstance(self, Dialog):
            # An open dialog (data-confirm) blocks the page: checking it now would wait for the
            # dialog to close, which this very call does. The page is checked right after.
            return blocking_call(self, awaitable)
        try:
            checker.check_pending()
        except BaseException:
            if inspect.iscoroutine(awaitable):
                awaitable.close()  # the call will not run; spare the "never awaited" warning
            raise
        return blocking_call(self, awaitable)

    monkeypatch.setattr(SyncBase, "_sync", check_then_call)
    yield page
    # Let requests still in flight (a favicon, a stylesheet) finish before the live server's
    # database goes away, or its thread fails after the test has ended.
    page.wait_for_load_state("networkidle")
    checker.check_pending()
    checker.assert_no_script_errors()


@pytest.fixture
def check_page(page: Page, request) -> Callable[[], None]:
    """Checks the page as it is now, after a change that loads no new page (an htmx swap)."""
    return request.node.stash[CHECKER].check_now


@pytest.fixture
def login(context: BrowserContext, live_server):
    """Sign a person in by giving the browser a session cookie (the form has its own test)."""

    def sign_in(user) -> None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return sign_in
