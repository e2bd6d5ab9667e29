"""The API reference page at /docs: the OpenAPI schema (/openapi.json) laid out as HTML on the
server, so it reads offline, without JavaScript and under the strict CSP like every other page."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Param:
    name: str
    where: str
    type: str
    required: bool
    description: str = ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    params: list[Param] = field(default_factory=list)
    body: Optional[str] = None
    responses: list[tuple[str, str, str]] = field(default_factory=list)  # status, description, type
    writes: bool = False


def type_name(schema) -> str:
    """A schema as a short type: `DossierSummary`, `list of ArticleIn`, `integer`, `A or B`."""
    if not isinstance(schema, dict) or not schema:
        return "any"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            names = [type_name(s) for s in schema[key] if s.get("type") != "null"]
            return " or ".join(dict.fromkeys(names)) or "null"
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items'))}"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "object" and "additionalProperties" in schema:
        return f"map of {type_name(schema['additionalProperties'])}"
    return str(schema.get("type", "any"))


def _body_type(body: Optional[dict]) -> Optional[str]:
    if not body:
        return None
    for media, content in body.get("content", {}).items():
        return f"{type_name(content.get('schema'))} ({media})"
    return None


def reference(spec: dict) -> tuple[list[Operation], list[tuple[str, str, list[Param]]]]:
    """Operations in path order, and the schemas (name, description, fields)."""
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [Param(name=p["name"], where=p["in"], type=type_name(p.get("schema")),
                            required=p.get("required", False),
                            description=p.get("description") or p.get("schema", {}).get("description", ""))
                      for p in op.get("parameters", [])]
            responses = []
            for status, answer in op.get("responses", {}).items():
                schema = next(iter(answer.get("content", {}).values()), {}).get("schema")
                responses.append((status, answer.get("description", ""), type_name(schema) if schema else ""))
            operations.append(Operation(method=method.upper(), path=path, summary=op.get("summary", ""),
                                        description=op.get("description", ""), params=params,
                                        body=_body_type(op.get("requestBody")), responses=responses,
                                        writes=method.lower() != "get"))
    schemas = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", ()))
        fields = [Param(name=k, where="", type=type_name(v), required=k in required, description=v.get("description", ""))
                  for k, v in schema.get("properties", {}).items()]
        schemas.append((name, schema.get("description", ""), fields))
    return operations, schemas
