"""User Markdown becomes safe HTML."""

import pytest

from netzwerkstatt.core.markdown import render_markdown


def test_markdown_renders_emphasis_lists_links_and_tables():
    html = render_markdown(
        "**bold** *it* ~~gone~~\n\n- one\n- two\n\n[site](https://example.org)\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )

    assert "<strong>bold</strong> <em>it</em> <s>gone</s>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert "<td>1</td>" in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# One", "<h2>One</h2>"),
        ("## Two", "<h3>Two</h3>"),
        ("##### Five", "<h6>Five</h6>"),
        ("###### Six", "<h6>Six</h6>"),
    ],
)
def test_headings_move_down_a_level_below_the_page_title(source, expected):
    assert render_markdown(source).strip() == expected


def test_script_tags_never_become_html():
    html = render_markdown("<script>alert('x')</script>\n\nText")

    assert "<script" not in html
    assert "<p>Text</p>" in html


def test_javascript_links_lose_their_target():
    html = render_markdown("[click](javascript:alert(1)) [data](data:text/html;base64,xx)")

    assert "href" not in html
    assert "<a" not in html


def test_event_handler_attributes_are_removed():
    html = render_markdown(
        '<img src="x" onerror="alert(1)">\n\n<a href="https://x.org" onclick="evil()">x</a>'
    )

    assert "<img" not in html
    assert "<a " not in html


def test_raw_html_inside_links_is_not_trusted():
    html = render_markdown('[<b onmouseover="x()">hi</b>](https://example.org "t")')

    assert "onmouseover=" not in html.replace("&lt;", "").split("<a")[0]
    assert "<b " not in html
    assert 'title="t"' in html


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_renders_as_nothing(empty):
    assert render_markdown(empty) == ""
