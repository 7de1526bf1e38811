"""@mentions in posts: finding them in a text and showing them in the rendered Markdown.

A mention is written ``@[Name](user:ID)``; the form's person picker inserts it. Typing only
``@[Name]`` works too: when saving, it becomes a full mention if exactly one person who sees the
thread has that name. Rendering replaces each mention by a placeholder before the Markdown is
rendered and sanitised, and the placeholders by escaped HTML afterwards, so no text of a post
ever reaches the page as raw HTML. Only mentions of people who were told (a ``Mention`` row)
are highlighted; any other stays the plain text ``@Name``."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from netzwerkstatt.core.markdown import render_markdown

MENTION = re.compile(r"@\[(?P<name>[^\[\]\n]{1,150})\]\(user:(?P<id>\d{1,12})\)")
# ``@[Name]`` not followed by a link target: a mention typed by hand.
TYPED = re.compile(r"@\[(?P<name>[^\[\]\n]{1,150})\](?!\()")


def token(user) -> str:
    """The mention of ``user`` as written in a post."""
    name = re.sub(r"[\[\]\n]", "", user.display_name).strip() or "?"
    return f"@[{name}](user:{user.pk})"


def mentioned_ids(text: str) -> list[int]:
    """The ids mentioned in ``text``, each once, in order."""
    return list(dict.fromkeys(int(m.group("id")) for m in MENTION.finditer(text or "")))


def complete_typed(text: str, people: Iterable) -> str:
    """Turn ``@[Name]`` into ``@[Name](user:ID)`` where exactly one of ``people`` is called so
    (ignoring case); other bracketed names stay as they are."""
    by_name: dict[str, list] = {}
    for person in people:
        by_name.setdefault(person.display_name.strip().casefold(), []).append(person)

    def replace(match: re.Match) -> str:
        found = by_name.get(match.group("name").strip().casefold(), [])
        return token(found[0]) if len(found) == 1 else match.group(0)

    return TYPED.sub(replace, text or "")


def render(text: str, people: dict[int, object]) -> SafeString:
    """The post's Markdown as sanitised HTML with the mentions of ``people`` (id → person)
    highlighted and every other mention as plain ``@Name``."""
    nonce = secrets.token_hex(6)
    found: list[re.Match] = []

    def hold(match: re.Match) -> str:
        found.append(match)
        return f"mention{nonce}x{len(found) - 1}x"

    html = str(render_markdown(MENTION.sub(hold, text or "")))
    for index, match in enumerate(found):
        person = people.get(int(match.group("id")))
        if person is not None:
            shown = (
                f'<span class="mention" data-user="{person.pk}">@{escape(person.display_name)}'
                "</span>"
            )
        else:
            shown = f"@{escape(match.group('name'))}"
        html = html.replace(f"mention{nonce}x{index}x", shown)
    return mark_safe(html)
