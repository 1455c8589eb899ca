"""Rebuild archive.warc.gz: one HTTP response record holding an invented article page.

Run from the repository root with the project's environment: ``.venv/bin/python scripts/make_example_warc.py``.
"""

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Village co-operative buys its last shop</title></head>
<body><article><h1>Village co-operative buys its last shop</h1>
<p>Residents of the Scottish village of Kinloch Rannoch have raised 180,000 pounds to buy the village's only grocery shop, the community trust said on Friday.</p>
<p>Trust chair Morag Innes said more than 300 households had contributed. "Without the shop, older people would have had to drive 30 miles for bread," she said.</p>
<p>The Scottish Land Fund added a grant of 95,000 pounds, the trust said.</p></article></body></html>"""


def main() -> None:
    with open("examples/archive.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        http_headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://example.org/kinloch-shop",
            "response",
            payload=BytesIO(HTML),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": "2026-07-10T12:00:00Z"},
        )
        writer.write_record(record)


if __name__ == "__main__":
    main()
