"""Hostile text in every title, name and Markdown field of a course, and checks that none of it can run.

`make_hostile` rewrites a copy of the fixture course so that every title and name (course, section,
module, lesson, lab, quiz, rubric, checklist, workshop day, view, roles, tiers, lenses), an objective
verb and every Markdown text field carries script in the forms a trainer could type; the course must
still validate. `script_hazards` parses built HTML and lists what could run: an `on*` attribute, a
script URL in any attribute that holds one, or a script that the theme did not put there.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from generator.model.base import ID_PATTERN

TITLE = ' <img src=x onerror=alert(1)> </title><script>alert(2)</script> {: onmouseover="alert(3)"}'
MARKDOWN = (
    " <script>alert(11)</script> <a href='javascript:alert(12)'>a</a>"
    " [j](javascript:alert(13)) [J](JaVaScRiPt:alert(14)) [e](javascript&#58;alert(15))"
    " [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=) [v](vbscript:msgbox(17))"
    ' ![i](javascript:alert(18)) [o](#){: onclick="alert(19)"} **b**{: onmouseover="alert(20)"}'
    " `<svg onload=alert(21)>` \\`<img src=x onerror=alert(22)>`"
    ' [r][bad]\n\n[bad]: javascript:alert(23)\n\n{: onmouseover="alert(24)"}'
    '\n\n```{.js onclick="alert(25)"}\n<script>alert(25)</script>\n```'
    "\n\n``<img src=x onerror=alert(26)>` (an unclosed fence would swallow the page: see test_safe_markdown)"
)
VERB = "Explain <img src=x onerror=alert(31)>"
# Keys whose values are ids, references, enums or things a lab runs: hostile text there is a validation
# error (tested elsewhere), not a page. A list of ids is left alone wherever it is.
_NOT_TEXT = {
    "id", "kind", "type", "module", "lesson", "lab", "purpose", "commands", "expected_output", "start",
    "end", "difficulty", "mode", "starts_from", "practical_task", "rubric", "match", "copy_files", "env",
    "templates", "day", "verb",
}  # fmt: skip
_ID = re.compile(ID_PATTERN)
_ONE_LINE = {"title", "name", "subtitle", "accepted", "left", "right"}  # titles, names, answers
ALERT = re.compile(r"alert\(|msgbox\(")


def _hostile(value: object, key: str | None = None) -> object:
    if isinstance(value, dict):
        return {k: v if k in _NOT_TEXT else _hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key != "accepted" and all(isinstance(v, str) and _ID.match(v) for v in value):
            return value
        return [_hostile(v, key) for v in value]
    if isinstance(value, str) and value.strip():
        return value + (TITLE if key in _ONE_LINE else MARKDOWN)
    return value


def make_hostile(course: Path) -> None:
    """Put hostile text into every title, name and Markdown field of the course at `course`."""
    for path in sorted([*course.glob("curriculum/**/*.yaml"), *course.glob("question_bank/**/*.yaml")]):
        data = _hostile(yaml.safe_load(path.read_text(encoding="utf-8")))
        if path.name == "course.yaml":
            data.setdefault("vocabulary", {}).setdefault("bloom_verbs", {})[VERB] = "understand"
        if path.name == "landing-data.yaml":
            data["objectives"][0]["verb"] = VERB
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "background", "xlink:href"}
_SCRIPT_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)


class _Hazards(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            # What a browser reads: entities decoded (done by the parser), C0 controls and spaces ignored.
            url = re.sub(r"[\x00-\x20\x7f]", "", value or "")
            if name in _URL_ATTRIBUTES and _SCRIPT_SCHEME.match(url):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = [dict(attrs).get("src") or ""]
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}> element")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def page_hazards(text: str) -> tuple[list[str], list[str]]:
    """(what could run, every script's src or text) in one HTML page."""
    parser = _Hazards()
    parser.feed(text)
    parser.close()
    return parser.found, parser.scripts


def script_hazards(site: Path, clean: Path) -> list[str]:
    """'page: hazard' for everything in the built `site` that could run script; `clean` is the same course
    built without hostile text, whose scripts are the theme's own."""
    found = []
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no pages in {site}"
    for page in pages:
        rel = page.relative_to(site)
        hazards, scripts = page_hazards(page.read_text(encoding="utf-8"))
        found += [f"{rel}: {h}" for h in hazards]
        theirs = page_hazards((clean / rel).read_text(encoding="utf-8"))[1] if (clean / rel).exists() else []
        if len(scripts) != len(theirs):
            found.append(f"{rel}: {len(scripts)} scripts, the theme's own page has {len(theirs)}")
        found += [f"{rel}: script {s[:80]!r}" for s in scripts if ALERT.search(s)]
    return found
