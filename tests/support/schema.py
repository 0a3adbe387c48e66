"""A small JSON Schema checker for the subset quiz/contract.py writes (the page's twin is
docs/assets/javascripts/quiz-schema.js): type, const, enum, pattern, maxLength, minimum,
maximum, items, minItems, maxItems, properties, required, additionalProperties,
propertyNames, maxProperties, anyOf and local $ref. Anything else in a schema is an error,
so the contract cannot use a keyword both checkers would silently skip."""

from __future__ import annotations

import re
from typing import Any

KNOWN = {"$ref", "type", "const", "enum", "pattern", "maxLength", "minimum", "maximum",
         "items", "minItems", "maxItems", "properties", "required", "additionalProperties",
         "propertyNames", "maxProperties", "anyOf", "description"}


def kind_fits(kind: str, value: object) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    types = {"string": str, "boolean": bool, "null": type(None), "array": list, "object": dict}
    return isinstance(value, types[kind])


def problems(schema: dict[str, Any], value: object, defs: dict[str, Any],
             where: str = "$") -> list[str]:
    """Every way `value` does not fit `schema` (its $refs point into `defs`)."""
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"{where}: the checkers do not know {sorted(unknown)}")
    if "$ref" in schema:
        return problems(defs[schema["$ref"].rsplit("/", 1)[-1]], value, defs, where)
    if "anyOf" in schema:
        tries = [problems(s, value, defs, where) for s in schema["anyOf"]]
        return [] if any(not t for t in tries) else [f"{where}: fits none of its shapes "
                                                      f"({min(tries, key=len)[0]})"]
    if "const" in schema and (value != schema["const"] or type(value) is not type(
            schema["const"])):
        return [f"{where}: is not {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: is not one of {schema['enum']}"]
    kind = schema.get("type")
    if kind is None:
        return []
    if not kind_fits(kind, value):
        return [f"{where}: is not of type {kind}"]
    found: list[str] = []
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            found.append(f"{where}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            found.append(f"{where}: does not match {schema['pattern']}")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            found.append(f"{where}: out of range")
    elif isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            found.append(f"{where}: wrong number of items")
        for n, item in enumerate(value):
            found += problems(schema["items"], item, defs, f"{where}[{n}]")
    elif isinstance(value, dict):
        found += object_problems(schema, value, defs, where)
    return found


def object_problems(schema: dict[str, Any], value: dict[str, Any], defs: dict[str, Any],
                    where: str) -> list[str]:
    found = [f"{where}: lacks {name!r}" for name in schema.get("required", [])
             if name not in value]
    if len(value) > schema.get("maxProperties", len(value)):
        found.append(f"{where}: too many entries")
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if "propertyNames" in schema:
            found += problems(schema["propertyNames"], name, defs, f"{where} key {name!r}")
        if name in properties:
            found += problems(properties[name], item, defs, f"{where}.{name}")
        elif extra is False:
            found.append(f"{where}: has no field {name!r}")
        elif isinstance(extra, dict):
            found += problems(extra, item, defs, f"{where}.{name}")
    return found


def check(document: dict[str, Any], name: str, value: object) -> list[str]:
    """Problems of `value` as the shape `name` of a contract document."""
    return problems({"$ref": f"#/$defs/{name}"}, value, document["$defs"])
