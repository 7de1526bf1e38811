"""The application as a PDF, rendered by WeasyPrint from a template with its own styles.

The template loads nothing from outside: user text could otherwise make the renderer fetch
addresses (Markdown links are kept as text links, images are not allowed by ``core.markdown``),
and the fetcher below refuses every URL anyway."""

from __future__ import annotations

from django.template.loader import render_to_string


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"The application PDF loads no external resources ({url[:80]}).")


def render_pdf(request, context: dict) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only this page needs

    html = render_to_string("selection/pdf.html", context, request=request)
    return HTML(string=html, url_fetcher=_refuse).write_pdf()
