"""Take screenshots of pages for a look.

    python scripts/screenshot.py URL OUT.png [WIDTH] [LANG] [--login EMAIL] [--password PW]

With --login, signs in first (on the same host, through the login form); the demo password is
the default."""

import argparse
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("out")
parser.add_argument("width", nargs="?", type=int, default=1280)
parser.add_argument("lang", nargs="?", default="")
parser.add_argument("--login", default="")
parser.add_argument("--password", default="netzwerkstatt-demo")
args = parser.parse_args()

with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    page = browser.new_page(viewport={"width": args.width, "height": 900})
    if args.lang:
        page.context.add_cookies(
            [{"name": "netzwerkstatt_language", "value": args.lang, "url": args.url}]
        )
    if args.login:
        parts = urlsplit(args.url)
        page.goto(f"{parts.scheme}://{parts.netloc}/accounts/login/")
        page.locator("input[name=login]").fill(args.login)
        page.locator("input[name=password]").fill(args.password)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state()
    page.goto(args.url)
    page.screenshot(path=args.out, full_page=True)
    browser.close()
