"""Small but valid files for the demo's document libraries, made in code in a few milliseconds:
a one-page PDF of text lines (written by hand: Helvetica in WinAnsi encoding, so German and
Italian letters show; WeasyPrint would take a second for the lot), a bar chart as PNG (Pillow)
and CSV text."""

from __future__ import annotations

import csv
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LINE = 15
CHARACTERS_PER_LINE = 86


def _pdf_string(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF: ``title`` in bold, then ``lines`` wrapped (an empty one is a gap);
    what does not fit on the page is left out."""
    content = [b"BT", b"/F2 15 Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    content += [_pdf_string(title) + b" Tj", b"/F1 10.5 Tf", f"{LINE} TL".encode()]
    room = (PAGE_HEIGHT - 2 * MARGIN) // LINE - 2
    wrapped = [
        part for line in lines for part in (textwrap.wrap(line, CHARACTERS_PER_LINE) or [""])
    ]
    for line in wrapped[:room]:
        content.append(b"T*" if not line else _pdf_string(line) + b" '")
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
        "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
        # Strings outside a page are PDFDocEncoding or UTF-16: the title as UTF-16 in hex.
        b"<< /Title <FEFF"
        + title.encode("utf-16-be").hex().upper().encode()
        + b"> /Producer (Netzwerkstatt demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# Pillow's built-in font lacks some letters (ü shows as a box): a system font where there is one.
FONTS = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "Arial.ttf")


def _font(size: int):
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


COLOURS = ("#2a6f97", "#e07a5f", "#81b29a", "#f2cc8f", "#6d597a", "#3d405b")


def bar_chart(title: str, bars: list[tuple[str, float]], *, maximum: float = 100.0) -> bytes:
    """A horizontal bar chart as PNG: one bar per ``(label, value)``, scaled to ``maximum``."""
    width, row = 760, 44
    height = 90 + row * max(1, len(bars)) + 30
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    bold, font = _font(19), _font(13)
    draw.text((24, 20), title, fill="#212529", font=bold)
    left, right = 290, width - 70
    draw.line((left, 70, left, height - 30), fill="#adb5bd", width=2)
    for index, (label, value) in enumerate(bars):
        top = 80 + index * row
        shown = label if len(label) <= 36 else label[:35] + "…"
        draw.text((24, top + 8), shown, fill="#343a40", font=font)
        end = left + (right - left) * max(0.0, min(value, maximum)) / maximum
        draw.rectangle((left + 1, top + 4, max(left + 2, end), top + row - 10),
                       fill=COLOURS[index % len(COLOURS)])  # fmt: skip
        draw.text((end + 8, top + 8), f"{value:g}", fill="#343a40", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def csv_text(header: list[str], rows: list[list]) -> bytes:
    """CSV with a semicolon (what spreadsheets in Germany and Italy open directly), UTF-8 with a
    byte order mark so they read the umlauts right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
