"""Static-sandbox mode: Amazon's canned ``x-amzn-api-sandbox`` answers, read from its models.

Amazon's sandbox answers a request with the first static case whose parameters all equal the
request's, placeholders and quirks included (``"content": "base 64 encoded string"``, unit
``"EACH"``…). The models are read from a folder the user names, at start-up, and never copied.

Matching, as the sandbox does it: path and query parameters compare as strings (``limit`` 2
matches ``?limit=2``), the body compares as parsed JSON; a case parameter without ``value`` (e.g.
``"body": {}``) matches any value. More specific cases (more parameters) are tried first, so the
catch-all ``"parameters": {}`` cases answer only what nothing else matches. A request that no case
matches gets ``400 InvalidInput`` — and so does every operation whose model only declares a
``dynamic`` sandbox (the 2021-12-28 APIs).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.errors import ConfigError
from station.simulator.api import ApiRequest, ApiResponse

NO_MATCH = {
    "errors": [
        {
            "code": "InvalidInput",
            "message": "Could not match input arguments with any static sandbox case.",
            "details": "",
        }
    ]
}


@dataclass(frozen=True)
class StaticCase:
    status: int
    parameters: dict[str, Any]
    response: Any

    @property
    def specificity(self) -> int:
        return sum(1 for p in self.parameters.values() if isinstance(p, dict) and "value" in p)


@dataclass(frozen=True)
class SandboxOperation:
    method: str
    template: str
    pattern: re.Pattern[str]
    operation_id: str
    cases: tuple[StaticCase, ...]


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _matches(case: StaticCase, path_params: dict[str, str], request: ApiRequest) -> bool:
    for name, spec in case.parameters.items():
        if not isinstance(spec, dict) or "value" not in spec:
            continue
        expected = spec["value"]
        if name == "body":
            try:
                body = json.loads(request.body) if request.body.strip() else None
            except ValueError:
                return False
            if body != expected:
                return False
            continue
        actual = path_params.get(name, request.query.get(name))
        if actual is None or actual != _as_text(expected):
            return False
    return True


class StaticSandbox:
    def __init__(self, operations: list[SandboxOperation]) -> None:
        self.operations = operations

    @classmethod
    def load(cls, models_dir: Path) -> StaticSandbox:
        if not models_dir.is_dir():
            raise ConfigError(
                f"The models folder {models_dir} does not exist",
                hint="Pass --models with the folder that holds Amazon's SP-API model files.",
            )
        operations: list[SandboxOperation] = []
        for path in sorted(models_dir.glob("*.json")):
            try:
                model = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ConfigError(
                    f"Cannot read the model file {path.name}: {exc}",
                    hint="Use the unmodified JSON model files from Amazon's models repository.",
                ) from None
            if not isinstance(model, dict) or not isinstance(model.get("paths"), dict):
                continue
            for template, methods in model["paths"].items():
                for method, spec in methods.items():
                    if not isinstance(spec, dict) or "operationId" not in spec:
                        continue
                    cases: list[StaticCase] = []
                    for status, response in spec.get("responses", {}).items():
                        for case in response.get("x-amzn-api-sandbox", {}).get("static", []):
                            request = case.get("request") or {}
                            cases.append(
                                StaticCase(
                                    int(status), request.get("parameters") or {}, case["response"]
                                )
                            )
                    cases.sort(key=lambda c: -c.specificity)  # stable: file order within a rank
                    regex = "".join(
                        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part)
                        for part in re.split(r"(\{\w+\})", template)
                        if part
                    )
                    operations.append(
                        SandboxOperation(
                            method.upper(),
                            template,
                            re.compile(regex),
                            spec["operationId"],
                            tuple(cases),
                        )
                    )
        if not any(op.cases for op in operations):
            raise ConfigError(
                f"No static sandbox cases found in {models_dir}",
                hint="Point --models at the folder with Amazon's SP-API model JSON files.",
            )
        return cls(operations)

    def has_cases(self, request: ApiRequest) -> bool:
        """Whether the model gives the operation this request names any static case (the
        Fulfillment Outbound models declare only ``dynamic`` sandboxes: none today)."""
        return any(
            operation.cases
            for operation in self.operations
            if operation.method == request.method and operation.pattern.fullmatch(request.path)
        )

    def answer(self, request: ApiRequest) -> ApiResponse:
        for operation in self.operations:
            found = operation.pattern.fullmatch(request.path)
            if found is None or operation.method != request.method:
                continue
            params = found.groupdict()
            for case in operation.cases:
                if _matches(case, params, request):
                    return ApiResponse.of_json(case.status, case.response)
            return ApiResponse.of_json(400, NO_MATCH)
        return ApiResponse.of_json(
            404,
            {"errors": [{"code": "NotFound", "message": "Resource not found.", "details": ""}]},
        )
