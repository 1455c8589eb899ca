"""Screenshots of the main pages for the docs: serve a knowledge base on a free loopback port with
uvicorn and photograph each page with Debian's chromium through Playwright.

    PYTHONPATH=src python scripts/screenshots.py --db demo.duckdb --out docs/img

Writes home.png, article.png, entity.png, quotes.png, events.png and article-phone.png (a phone
width). Pages are picked from the knowledge base itself: the article with the most quotes, the
person in most articles.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from newsgraph.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str) -> tuple[uvicorn.Server, str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/img")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--full", action="store_true", help="whole pages instead of the first screen")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.db)
    try:
        quotes = httpx.get(f"{base}/api/quotes", params={"size": 200, "anonymous": "false"}, timeout=120).json()["rows"]
        counts: dict[str, int] = {}
        for q in quotes:
            counts[q["article_id"]] = counts.get(q["article_id"], 0) + 1
        article = max(counts, key=lambda a: counts[a]) if counts else httpx.get(f"{base}/api/articles", timeout=120).json()["rows"][0]["id"]
        person = httpx.get(f"{base}/api/entities", params={"type": "PERSON", "size": 1}, timeout=120).json()["rows"][0]["id"]
        shots = {"home": "/", "article": f"/article/{article}", "entity": f"/entity/{person}", "quotes": "/quotes",
                 "events": "/events"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 820})
            for name, path in shots.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}.png"), full_page=args.full)
                print(out / f"{name}.png")
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            phone.goto(base + shots["article"])
            phone.screenshot(path=str(out / "article-phone.png"))
            print(out / "article-phone.png")
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
