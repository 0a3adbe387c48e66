"""Write the engine's contract (quiz/contract.py) for the page scripts, from Python.

Three files beside the page scripts in docs/assets/javascripts/, each regenerated when
the contract changes and never edited by hand:

- quiz-contract.js: the constants the page shares with Python and the JSON Schema, which
  quiz-schema.js checks saved values against (published);
- quiz-contract.d.ts: the same shapes as TypeScript declarations, which the page
  scripts import as types (`tsc` checks them; not published);
- quiz-contract.schema.json: the JSON Schema alone, for other tools (not published).

`tests/test_contract.py` fails when a committed copy differs from what Python writes;
`./dev build` (or `.venv/bin/python -m walk_away.contract`) writes them again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from quiz import contract

FOLDER = Path("docs") / "assets" / "javascripts"
JS, DTS, SCHEMA = "quiz-contract.js", "quiz-contract.d.ts", "quiz-contract.schema.json"
HEADER = "// Generated from quiz/contract.py by the walk-away/contract plugin: do not edit.\n"
UNPUBLISHED = (DTS, SCHEMA)


def ts_type(schema: dict[str, Any]) -> str:
    """A schema fragment as a TypeScript type."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "const" in schema:
        return json.dumps(schema["const"])
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(ts_type(s) for s in schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        item = ts_type(schema["items"])
        return f"({item})[]" if " | " in item else f"{item}[]"
    if kind == "object" and "properties" in schema:
        return "{ " + " ".join(f"{field}" for field in fields(schema)) + " }"
    if kind == "object":
        return f"Record<string, {ts_type(schema['additionalProperties'])}>"
    return {"string": "string", "integer": "number", "number": "number",
            "boolean": "boolean", "null": "null"}[str(kind)]


def fields(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    return [f"{name}{'' if name in required else '?'}: {ts_type(item)};"
            for name, item in schema["properties"].items()]


def declaration(name: str, schema: dict[str, Any]) -> str:
    doc = f"/** {schema['description']} */\n" if "description" in schema else ""
    if schema.get("type") == "object" and "properties" in schema:
        body = "".join(f"  {line}\n" for line in fields(schema))
        return f"{doc}export interface {name} {{\n{body}}}\n"
    return f"{doc}export type {name} = {ts_type(schema)};\n"


def constant_type(value: object) -> str:
    if isinstance(value, list):
        return "readonly [" + ", ".join(json.dumps(v) for v in value) + "]"
    return json.dumps(value)  # a literal type: SAVED_VERSION is 3, not any number


def typescript() -> str:
    constants = "".join(f"export declare const {name}: {constant_type(value)};\n"
                        for name, value in contract.PAGE_CONSTANTS.items())
    replies = "".join(f"  {json.dumps(kind)}: {reply};\n"
                      for kind, (_, reply) in contract.REQUESTS.items())
    shapes = "\n".join(declaration(name, schema) for name, schema in contract.DEFS.items())
    names = "".join(f"  {name}: {name};\n" for name in contract.DEFS)
    return (f"{HEADER}\n{constants}/** The id pattern (ID_PATTERN), compiled. */\n"
            "export declare const ID: RegExp;\n"
            "/** The whole contract as a JSON Schema; its $defs are the shapes below. */\n"
            "export declare const SCHEMA: { $defs: Record<string, object> };\n\n"
            f"/** Each request type's reply. */\nexport interface ReplyTo {{\n{replies}}}\n\n"
            f"/** Every shape by its name in SCHEMA.$defs. */\nexport interface Shapes {{\n"
            f"{names}}}\n\n"
            f"{shapes}")


def without_descriptions(schema: Any, fields: bool = False) -> Any:
    """The schema without its prose (`fields`: a "properties" map, whose keys are names)."""
    if isinstance(schema, dict):
        return {k: without_descriptions(v, k == "properties" and not fields)
                for k, v in schema.items()
                if fields or k not in ("description", "title", "$schema", "$id")}
    return [without_descriptions(v) for v in schema] if isinstance(schema, list) else schema


def javascript() -> str:
    constants = "".join(f"export const {name} = {json.dumps(value)};\n"
                        for name, value in contract.PAGE_CONSTANTS.items())
    # Compact, and without descriptions: every page preloads it (the .d.ts documents).
    schema = json.dumps(without_descriptions(contract.json_schema()), ensure_ascii=False,
                        separators=(",", ":"))
    return (f"{HEADER}// Types: quiz-contract.d.ts. The JSON Schema is checked by "
            f"quiz-schema.js.\n\n{constants}export const ID = new RegExp(ID_PATTERN);\n"
            f"export const SCHEMA = {schema};\n")


def generated() -> dict[str, str]:
    """File name (in docs/assets/javascripts/) -> its text."""
    schema = json.dumps(contract.json_schema(), indent=2, ensure_ascii=False) + "\n"
    return {JS: javascript(), DTS: typescript(), SCHEMA: schema}


def write(project: Path) -> list[str]:
    """Write the files that differ from Python's contract; the names written."""
    written = []
    for name, body in generated().items():
        path = project / FOLDER / name
        if not path.is_file() or path.read_text(encoding="utf-8") != body:
            path.write_text(body, encoding="utf-8")
            written.append(name)
    return written


class ContractConfig(Config):
    """No options."""


class ContractPlugin(BasePlugin[ContractConfig]):
    def on_pre_build(self, config: MkDocsConfig) -> None:
        write(Path(config.config_file_path).parent)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.endswith(UNPUBLISHED):
                files.remove(file)
        return files


if __name__ == "__main__":  # python -m walk_away.contract: write them without a build
    print(", ".join(write(Path.cwd())) or "up to date")
