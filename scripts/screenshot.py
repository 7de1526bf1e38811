"""Take screenshots of pages for a look: python scripts/screenshot.py URL OUT.png [WIDTH] [LANG]."""

import sys

from playwright.sync_api import sync_playwright

url, out = sys.argv[1], sys.argv[2]
width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280
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
    page = browser.new_page(viewport={"width": width, "height": 900})
    if len(sys.argv) > 4:
        page.context.add_cookies(
            [{"name": "netzwerkstatt_language", "value": sys.argv[4], "url": url}]
        )
    page.goto(url)
    page.screenshot(path=out, full_page=True)
    browser.close()
