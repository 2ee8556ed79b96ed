"""The committed JSON Schema matches the models, and describes the specs it is used on."""

from __future__ import annotations

import json

from generator.schema import COMBINED, build_schemas, stale_schemas
from tests.conftest import REPO


def test_committed_schema_is_up_to_date() -> None:
    stale = stale_schemas(REPO / "schema")
    assert stale == [], f"stale: {stale}; run `curriculum schema` and commit schema/"


def test_schema_rejects_unknown_keys_and_knows_every_kind() -> None:
    schemas = {name: json.loads(text) for name, text in build_schemas().items()}
    lesson = schemas["lesson.schema.json"]
    assert lesson["additionalProperties"] is False
    assert {"lecture", "activity", "debrief", "key_takeaway"} <= set(lesson["required"])
    combined = schemas[COMBINED]
    assert set(combined["discriminator"]["mapping"]) >= {"course", "section", "lesson", "lab", "questions"}
