"""The JSON Schemas editors' tools use are generated from the models and kept current."""

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from schemas import rendered

SCHEMAS = rendered()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name):
    committed = (ROOT / "data" / "schema" / name).read_text(encoding="utf-8")
    assert committed == SCHEMAS[name], f"data/schema/{name} is stale: run `make schemas`"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_data_file_validates_against_its_schema(name):
    data_file = ROOT / "data" / name.replace(".schema.json", ".yaml")
    jsonschema.validate(yaml.safe_load(data_file.read_text(encoding="utf-8")), json.loads(SCHEMAS[name]))
    assert data_file.read_text().startswith(f"# yaml-language-server: $schema=schema/{name}")


def test_schema_rejects_a_typo_an_editor_might_make():
    schema = json.loads(SCHEMAS["contraindications.schema.json"])
    entry = yaml.safe_load((ROOT / "data/contraindications.yaml").read_text())[0]
    entry["severty"] = entry.pop("severity")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([entry], schema)


def test_vscode_maps_every_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"] == {f"data/schema/{n}": f"data/{n.replace('.schema.json', '.yaml')}" for n in SCHEMAS}
