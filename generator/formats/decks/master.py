"""Which master a deck starts from, and which of its slide layouts serves each kind of slide."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from generator.errors import ToolkitError
from generator.formats.decks.geometry import Area
from generator.model.course import Course
from generator.resources import builtin_templates

BUILTIN_MASTER = builtin_templates() / "decks" / "default.pptx"
MAPPING_FILE = "layouts.yaml"

# What each kind of slide is used for, and the layout name it has in a standard Office master.
ROLES = {
    "title": ("Title Slide", "the opening slide of a deck"),
    "content": ("Title and Content", "text and table slides"),
    "section": ("Section Header", "section dividers and breaks"),
    "title_only": ("Title Only", "diagram and table slides"),
}


def find_master(course: Course, template: Path | None = None) -> Path:
    """The master to use: the one given, else the course's own `deck.pptx`, else the built-in one."""
    if template is not None:
        if not template.is_file():
            raise ToolkitError(f"deck template '{template}' not found: pass the path of a .pptx file")
        return template
    if course.spec.templates:
        folder = course.root / course.spec.templates
        for candidate in (folder / "decks" / "deck.pptx", folder / "deck.pptx"):
            if candidate.is_file():
                return candidate
    if not BUILTIN_MASTER.is_file():
        raise ToolkitError(
            f"the built-in deck master {BUILTIN_MASTER} is missing: "
            "rebuild it with `python templates/decks/make_default_master.py`"
        )
    return BUILTIN_MASTER


def layout_names(master: Path) -> dict[str, str]:
    """Role -> layout name: the standard names, overridden by a `layouts.yaml` next to the master."""
    names = {role: default for role, (default, _) in ROLES.items()}
    mapping = master.with_name(MAPPING_FILE)
    if not mapping.is_file():
        return names
    import yaml

    try:
        data = yaml.safe_load(mapping.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ToolkitError(f"{mapping}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ToolkitError(f"{mapping}: expected a mapping of role to layout name, e.g. `section: Divider`")
    for role, name in data.items():
        if role not in ROLES:
            raise ToolkitError(
                f"{mapping}: unknown role '{role}'; the roles are {', '.join(ROLES)} "
                "(each maps to the name of a slide layout in the master)"
            )
        if not isinstance(name, str) or not name.strip():
            raise ToolkitError(f"{mapping}: '{role}' must name a slide layout, got {name!r}")
        names[role] = name.strip()
    return names


# -- geometry, read from the .pptx parts with the standard library ------------------------------
# Why not python-pptx: `curriculum validate` measures slide text too, and must not pay for loading it.
# What is read mirrors python-pptx: a layout placeholder without its own position takes the master's
# placeholder of the same base type; the slides the decks add take their layout's.

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TITLES = ("title", "ctrTitle")
_BODIES = ("body", "obj", "subTitle")
# The master placeholder type a layout placeholder inherits its position from.
_BASE_TYPE = {
    "body": "body", "chart": "body", "clipArt": "body", "ctrTitle": "title", "dgm": "body", "dt": "dt",
    "ftr": "ftr", "media": "body", "obj": "body", "pic": "body", "sldNum": "sldNum", "subTitle": "body",
    "tbl": "body", "title": "title",
}  # fmt: skip


@dataclass(frozen=True)
class LayoutGeometry:
    """Where one layout puts its title and its main body text, and how it styles titles."""

    name: str
    title: Area | None  # None: the layout has no title placeholder
    body: Area | None
    caps: bool = False
    bold: bool = False


@dataclass(frozen=True)
class MasterGeometry:
    """The slide size and, per role, the layout the decks use for it."""

    path: Path
    width: int
    height: int
    layouts: dict[str, LayoutGeometry]

    def content_area(self) -> Area:
        """The area of text and table slides: the content layout's body, else below its title."""
        layout = self.layouts["content"]
        if layout.body is not None:
            return layout.body
        margin = int(self.width * 0.05)
        title = layout.title
        top = title.top + title.height + margin // 2 if title is not None else int(self.height * 0.2)
        return Area(margin, top, self.width - 2 * margin, self.height - top - margin)

    def title_area(self, role: str) -> Area:
        """Where a slide of this role shows its title (a layout without one gets a box above the content)."""
        title = self.layouts[role].title
        if title is not None:
            return title
        content = self.content_area()
        top = max(0, content.top - int(self.height * 0.16))
        return Area(content.left, top, content.width, int(self.height * 0.14))


def read_geometry(path: Path, names: dict[str, str]) -> MasterGeometry:
    """The geometry of the master at `path` for the layouts named per role; ValueError if it cannot be read
    (the deck renderer reports an unusable master itself)."""
    try:
        with zipfile.ZipFile(path) as package:
            return _geometry(package, path, names)
    except (OSError, KeyError, IndexError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise ValueError(f"deck template '{path}' could not be read ({exc})") from exc


def _geometry(package: zipfile.ZipFile, path: Path, names: dict[str, str]) -> MasterGeometry:
    presentation = "ppt/presentation.xml"
    root = ET.fromstring(package.read(presentation))
    size = root.find(f"{_P}sldSz")
    if size is None:
        raise KeyError("p:sldSz")
    master_id = root.find(f"{_P}sldMasterIdLst/{_P}sldMasterId")
    if master_id is None:
        raise KeyError("p:sldMasterId")
    master_part = _related(package, presentation)[master_id.attrib[f"{_R}id"]]
    master = ET.fromstring(package.read(master_part))
    master_placeholders = _placeholders(master)
    master_rels = _related(package, master_part)
    by_name: dict[str, ET.Element] = {}
    for layout_id in master.iterfind(f"{_P}sldLayoutIdLst/{_P}sldLayoutId"):
        layout = ET.fromstring(package.read(master_rels[layout_id.attrib[f"{_R}id"]]))
        c_sld = layout.find(f"{_P}cSld")
        by_name.setdefault(c_sld.get("name", "") if c_sld is not None else "", layout)
    title_style = master.find(f"{_P}txStyles/{_P}titleStyle")
    layouts = {}
    for role, name in names.items():
        if name in by_name:
            layouts[role] = _layout(name, by_name[name], master_placeholders, title_style)
    missing = [name for role, name in names.items() if role not in layouts]
    if missing:
        raise KeyError(f"no slide layout named {missing[0]!r}")
    return MasterGeometry(path, int(size.attrib["cx"]), int(size.attrib["cy"]), layouts)


def _related(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> the part it points to, for one part."""
    folder, name = posixpath.split(part)
    rels = ET.fromstring(package.read(posixpath.join(folder, "_rels", name + ".rels")))
    out = {}
    for rel in rels.iter(f"{_RELS}Relationship"):
        target = rel.attrib["Target"]
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.attrib["Id"]] = posixpath.normpath(joined)
    return out


_Placeholder = tuple[str, int, ET.Element, list[int | None]]  # type, idx, element, [x, y, cx, cy]


def _placeholders(part: ET.Element) -> list[_Placeholder]:
    """The placeholders of a master or layout, in document order, with their own position if any."""
    out = []
    tree = part.find(f"{_P}cSld/{_P}spTree")
    for shape in tree if tree is not None else []:
        ph = shape.find(f"./*/{_P}nvPr/{_P}ph")
        if ph is None:
            continue
        dims: list[int | None] = [None, None, None, None]
        xfrm = shape.find(f"{_P}spPr/{_A}xfrm")
        if xfrm is None:
            xfrm = shape.find(f"{_P}xfrm")  # a graphic frame keeps its position here
        if xfrm is not None:
            off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
            if off is not None:
                dims[0], dims[1] = int(off.attrib["x"]), int(off.attrib["y"])
            if ext is not None:
                dims[2], dims[3] = int(ext.attrib["cx"]), int(ext.attrib["cy"])
        out.append((ph.get("type", "obj"), int(ph.get("idx", "0")), shape, dims))
    return out


def _layout(
    name: str, layout: ET.Element, master: list[_Placeholder], title_style: ET.Element | None
) -> LayoutGeometry:
    own = _placeholders(layout)

    def area(kinds: tuple[str, ...]) -> tuple[Area | None, ET.Element | None]:
        found = [p for p in own if p[0] in kinds]
        if not found:
            return None, None
        kind, idx, element, dims = min(found, key=lambda p: p[1])
        # a slide's placeholder takes the position of its layout's placeholder with the same idx
        kind, _, element, dims = next(p for p in own if p[1] == idx)
        base_type = _BASE_TYPE.get(kind)
        base = next((p[3] for p in master if p[0] == base_type), [None] * 4)
        values = [mine if mine is not None else inherited for mine, inherited in zip(dims, base, strict=True)]
        if any(v is None for v in values):
            raise KeyError(f"layout {name!r}: a placeholder without a position")
        x, y, cx, cy = (int(v) for v in values if v is not None)
        return Area(x, y, cx, cy), element

    title, title_element = area(_TITLES)
    body, _ = area(_BODIES)
    caps = bold = False
    for source in (title_style, title_element):
        if source is None:
            continue
        for rpr in source.iter(f"{_A}defRPr"):
            caps = rpr.get("cap", "all" if caps else "none") == "all"
            bold = rpr.get("b", "1" if bold else "0") in ("1", "true")
            break
    return LayoutGeometry(name, title, body, caps, bold)
