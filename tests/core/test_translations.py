"""Every interface string has a German and an Italian translation that gettext will use."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "netzwerkstatt" / "locale"


def _entries(language: str):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text("utf-8")
    return text.split("\n\n")[1:]  # the first block is the header


@pytest.mark.parametrize("language", ["de", "it"])
def test_no_entry_is_fuzzy_or_empty(language):
    fuzzy = [e for e in _entries(language) if "#, fuzzy" in e or re.search(r"#,.*fuzzy", e)]
    empty = [
        e
        for e in _entries(language)
        if re.search(r'^msgstr(\[\d\])? ""\s*$', e.strip().splitlines()[-1])
        and not e.startswith("#~")
    ]
    assert fuzzy == []
    assert empty == []


@pytest.mark.parametrize("language", ["de", "it"])
def test_placeholders_survive_translation(language):
    for entry in _entries(language):
        msgid = "".join(re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', entry, re.M)[:1])
        named_in_id = set(re.findall(r"%\((\w+)\)", entry.split("msgstr")[0]))
        for translation in entry.split("msgstr")[1:]:
            assert set(re.findall(r"%\((\w+)\)", translation)) <= named_in_id, msgid
