"""The catalogue as data: schema.org JSON-LD for a practice (its page and ``catalogue.json``), CSV
rows, and the Atom feed of new practices.

A practice is a schema.org ``CreativeWork`` (documented experience, neither a course nor step-by-
step instructions): ``name``, ``description`` (the summary as plain text), ``inLanguage``,
``about`` (themes as ``DefinedTerm``), ``spatialCoverage`` (countries), ``creator`` (the owning
organisation), ``audience``, ``datePublished``, ``url``; each translation is a ``workTranslation``
whose ``translationOfWork`` points back at the original.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from netzwerkstatt.core.markdown import render_markdown
from netzwerkstatt.vocabularies import regions

from .models import Practice

SCHEMA_ORG = "https://schema.org"
CSV_COLUMNS = (
    "url",
    "title",
    "summary",
    "language",
    "translations",
    "organisation",
    "organisation_country",
    "programme",
    "themes",
    "countries",
    "organisation_kinds",
    "target_groups",
    "ready_for_transfer",
    "published",
)


def plain(text: str) -> str:
    """Markdown as one line of plain text."""
    return " ".join(strip_tags(render_markdown(text or "")).split())


def jsonld(practice: Practice, build_uri) -> dict:
    """The practice as a schema.org ``CreativeWork`` (without ``@context``). ``build_uri`` makes
    an absolute URL of a path (``request.build_absolute_uri``). Expects ``themes`` and
    ``translations`` prefetched."""
    url = build_uri(practice.get_absolute_url())
    organisation = practice.organisation
    item = {
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": practice.title,
        "description": plain(practice.summary),
        "inLanguage": practice.language,
        "about": [
            {"@type": "DefinedTerm", "termCode": theme.code, "name": str(theme.name)}
            for theme in practice.themes.all()
        ],
        "spatialCoverage": [
            {"@type": "Country", "identifier": code, "name": regions.country_name(code)}
            for code in practice.countries
        ],
        "creator": {
            "@type": "Organization",
            "name": organisation.name,
            "url": build_uri(organisation.get_absolute_url()),
            "address": {"@type": "PostalAddress", "addressCountry": organisation.country},
        },
        "audience": [
            {"@type": "Audience", "audienceType": label} for label in practice.target_group_labels
        ],
        "isPartOf": {"@type": "CreativeWorkSeries", "name": practice.programme.name},
        "datePublished": practice.published_at.date().isoformat()
        if practice.published_at
        else None,
        "workTranslation": [
            {
                "@type": "CreativeWork",
                "@id": f"{url}?lang={translation.language}",
                "url": f"{url}?lang={translation.language}",
                "name": translation.title,
                "description": plain(translation.summary),
                "inLanguage": translation.language,
                "translationOfWork": {"@id": url},
            }
            for translation in practice.translations.all()
        ],
    }
    if practice.ready_for_transfer:
        item["keywords"] = [_("Ready for transfer")]
    return {key: value for key, value in item.items() if value not in (None, [], "")}


def jsonld_document(items: Iterable[dict]) -> dict:
    return {"@context": SCHEMA_ORG, "@graph": list(items)}


def script_json(data: dict) -> SafeString:
    """JSON for a ``<script type="application/ld+json">`` block: <, > and & escaped as \\uXXXX
    (as Django's ``json_script`` does), so no text can close the script element. Browsers do not
    execute a data block, so the Content-Security-Policy has nothing to allow."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=False)
    escaped = text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    return mark_safe(escaped)  # escaped above


# CSV -------------------------------------------------------------------------------------------


def formula_safe(value) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, -, @, tab or carriage return would make
    it a formula, so it gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(practices: Iterable[Practice], build_uri) -> Iterator[list[str]]:
    """The header and one row per practice (lists joined with "; ", codes rather than labels,
    so the file reads the same in every interface language)."""
    yield list(CSV_COLUMNS)
    for practice in practices:
        row = [
            build_uri(practice.get_absolute_url()),
            practice.title,
            plain(practice.summary),
            practice.language,
            "; ".join(t.language for t in practice.translations.all()),
            practice.organisation.name,
            practice.organisation.country,
            practice.programme.name,
            "; ".join(theme.code for theme in practice.themes.all()),
            "; ".join(practice.countries),
            "; ".join(practice.organisation_kinds),
            "; ".join(practice.target_groups),
            "yes" if practice.ready_for_transfer else "no",
            practice.published_at.date().isoformat() if practice.published_at else "",
        ]
        yield [formula_safe(cell) for cell in row]


# Atom ------------------------------------------------------------------------------------------


def atom_feed(practices: Iterable[Practice], build_uri, *, feed_url: str, link: str) -> Atom1Feed:
    feed = Atom1Feed(
        title=_("Good practice – Netzwerkstatt"),
        link=link,
        description=_("Good practice newly published in the programmes' public catalogue."),
        feed_url=feed_url,
        language=None,
        feed_guid=feed_url,
    )
    for practice in practices:
        url = build_uri(practice.get_absolute_url())
        feed.add_item(
            title=practice.title,
            link=url,
            description=plain(practice.summary),
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=practice.published_at,
            updateddate=practice.published_at,
            author_name=practice.organisation.name,
            categories=[str(theme.name) for theme in practice.themes.all()],
        )
    return feed
