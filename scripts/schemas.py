"""Write data/schema/*.schema.json from the models in macros.py (`make schemas`)."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import json_schemas  # noqa: E402


def rendered() -> dict[str, str]:
    return {name: json.dumps(schema, indent=2, sort_keys=True) + "\n" for name, schema in json_schemas().items()}


if __name__ == "__main__":
    for name, text in rendered().items():
        (ROOT / "data" / "schema" / name).write_text(text, encoding="utf-8")
        print(f"wrote data/schema/{name}")
