"""The OpenAPI 3.1 document, generated from the registered endpoints and their pydantic models,
so it cannot drift from the handlers (a test checks it against the application's routes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from miniapp.api.errors import ErrorResponse
from miniapp.api.registry import Access, Endpoint

REF = "#/components/schemas/{model}"
_REGEX_PARAM = re.compile(r"{(\w+):[^}]*}")
JsonSchemaMode = Literal["validation", "serialization"]
SECURITY_SCHEMES = {
    "miniApp": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`tma <initData>` of the Telegram Mini App (signed by Telegram, fresh).",
    },
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": "os_access",
        "description": "The dashboard's access token; unsafe methods also need X-CSRF-Token.",
    },
}
_ERRORS = {
    "401": "Not authenticated: missing, forged, tampered or expired credentials",
    "403": "Forbidden: CSRF header missing or wrong, or not an admin",
    "404": "Not found (or not yours)",
    "413": "Request body too large",
    "422": "Invalid request",
}


def _models(
    endpoints: Iterable[Endpoint[Any]],
) -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    """Request bodies as validated, responses as serialized (computed fields included)."""
    found: dict[str, tuple[type[BaseModel], JsonSchemaMode]] = {
        "ErrorResponse": (ErrorResponse, "serialization")
    }
    for endpoint in endpoints:
        if endpoint.reads_body:
            found[endpoint.input.__name__] = (endpoint.input, "validation")
        if endpoint.output is not None:
            found[endpoint.output.__name__] = (endpoint.output, "serialization")
    return list(found.values())


def _query_parameters(endpoint: Endpoint[Any]) -> list[dict[str, Any]]:
    if endpoint.reads_body or endpoint.method in ("POST", "PUT", "PATCH", "DELETE"):
        return []
    schema = endpoint.input.model_json_schema()
    required = set(schema.get("required", ()))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema.get("properties", {}).items()
    ]


def _responses(endpoint: Endpoint[Any]) -> dict[str, Any]:
    content: dict[str, Any] = {}
    if endpoint.output is not None:
        ref = REF.format(model=endpoint.output.__name__)
        content["application/json"] = {"schema": {"$ref": ref}}
    for media in endpoint.produces:
        content.setdefault(media, {"schema": {"type": "string"}})
    ok: dict[str, Any] = {"description": "OK"}
    if content:
        ok["content"] = content
    error = {
        "content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorResponse")}}}
    }
    responses = {str(endpoint.status): ok}
    for status, text in _ERRORS.items():
        responses[status] = {"description": text, **error}
    return responses


def _operation(endpoint: Endpoint[Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": endpoint.handler.__name__,
        "summary": endpoint.summary,
        "tags": [endpoint.tag],
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in endpoint.path_params
        ]
        + _query_parameters(endpoint),
        "responses": _responses(endpoint),
    }
    if endpoint.reads_body:
        ref = REF.format(model=endpoint.input.__name__)
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": ref}}},
        }
    if endpoint.access is Access.PUBLIC:
        operation["security"] = []
    return operation


def openapi_path(path: str) -> str:
    """aiohttp's ``{id:regex}`` placeholders as OpenAPI's ``{id}``."""
    return _REGEX_PARAM.sub(r"{\1}", path)


def build_openapi(endpoints: list[Endpoint[Any]], version: str) -> dict[str, Any]:
    _, schemas = models_json_schema(
        _models(endpoints),
        ref_template=REF,
    )
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in endpoints:
        paths.setdefault(openapi_path(endpoint.path), {})[endpoint.method.lower()] = _operation(
            endpoint
        )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "OneiroScope API",
            "version": version,
            "description": "The dream journal, statistics and lunar calendar of one user.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": schemas.get("$defs", {}), "securitySchemes": SECURITY_SCHEMES},
        "security": [{"miniApp": []}, {"session": []}],
    }
