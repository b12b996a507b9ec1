"""The JSON Schemas editors' tools use are generated from the models and kept current."""

import json

import jsonschema
import pytest

from handbook.schemas import rendered
from handbook.yaml12 import loads
from support import ROOT

SCHEMAS = rendered()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name):
    committed = (ROOT / "data" / "schema" / name).read_text(encoding="utf-8")
    assert committed == SCHEMAS[name], f"data/schema/{name} is stale: run `make schemas`"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_data_file_names_its_schema_for_editors_tools(name):
    data_file = ROOT / "data" / name.replace(".schema.json", ".yaml")
    assert data_file.read_text().startswith(f"# yaml-language-server: $schema=schema/{name}")


def test_schema_rejects_a_typo_an_editor_might_make():
    schema = json.loads(SCHEMAS["contraindications.schema.json"])
    entry = loads((ROOT / "data/contraindications.yaml").read_text(), "data/contraindications.yaml")[0][0]
    advice = entry["treatments"]["microneedling"]
    advice["severty"] = advice.pop("severity")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([entry], schema)


def test_vscode_maps_every_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"] == {f"data/schema/{n}": f"data/{n.replace('.schema.json', '.yaml')}" for n in SCHEMAS}


def enum_properties(node, path=""):
    """(path, property) for every property in a schema that offers a fixed list of choices."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            if "enum" in value:
                yield f"{path}.{key}", value
        for key, value in node.items():
            yield from enum_properties(value, f"{path}.{key}" if key not in ("properties", "$defs") else path)
    elif isinstance(node, list):
        for item in node:
            yield from enum_properties(item, path)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_choice_is_explained_where_editors_hover(name):
    for path, prop in enum_properties(json.loads(SCHEMAS[name])):
        assert prop.get("description"), f"{name}{path}: add a docstring under the field in handbook/models.py"
