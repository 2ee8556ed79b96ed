"""Which addresses a resource may link to: http, https and mailto, written in full."""

from __future__ import annotations

import pytest

from generator.checks.resources import url_problem


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.getdbt.com/",
        "http://example.org/a?b=c&d=e#f",
        "mailto:trainer@example.org",
        "http://localhost:8000",
    ],
)
def test_a_full_web_or_mail_address_is_accepted(url: str) -> None:
    assert url_problem(url) == ""


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("javascript:alert(1)", "'javascript:' address"),
        ("JavaScript:alert(1)", "'javascript:' address"),
        ("data:text/html,<script>", "'data:' address"),
        ("ftp://example.org/file", "'ftp:' address"),
        ("docs.getdbt.com", "not a full address"),
        ("https//docs.getdbt.com", "not a full address"),
        ("https://", "no host name"),
        ("https://exa mple.org", "spaces"),
        ("mailto:", "no e-mail address"),
    ],
)
def test_anything_else_is_refused_with_the_reason(url: str, said: str) -> None:
    assert said in url_problem(url)
