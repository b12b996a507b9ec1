"""data/schema/*.schema.json, generated from the models (`python -m handbook schemas`)."""

import json
from pathlib import Path

from handbook.models import json_schemas


def rendered() -> dict[str, str]:
    from handbook.questions import json_schema as questions_schema

    schemas = {**json_schemas(), "questions.schema.json": questions_schema()}
    return {name: json.dumps(schema, indent=2, sort_keys=True) + "\n" for name, schema in schemas.items()}


def write(root: Path) -> None:
    for name, text in rendered().items():
        (root / "data" / "schema" / name).write_text(text, encoding="utf-8")
        print(f"wrote data/schema/{name}")
