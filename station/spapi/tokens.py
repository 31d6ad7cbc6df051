"""Tokens API client: createRestrictedDataToken (RdtCache calls it; callers rarely should)."""

from __future__ import annotations

from collections.abc import Sequence

from station.spapi.models.tokens import (
    CreateRestrictedDataTokenRequest,
    CreateRestrictedDataTokenResponse,
    RestrictedResource,
)
from station.spapi.operations import OperationClient

__all__ = ["TokensClient"]


class TokensClient(OperationClient):
    envelope = False
    base_path = "/tokens/2021-03-01"

    def create_restricted_data_token(
        self,
        body: CreateRestrictedDataTokenRequest | Sequence[RestrictedResource],
        *,
        target_application: str | None = None,
    ) -> CreateRestrictedDataTokenResponse:
        if not isinstance(body, CreateRestrictedDataTokenRequest):
            body = CreateRestrictedDataTokenRequest(
                target_application=target_application, restricted_resources=list(body)
            )
        return self._call(
            CreateRestrictedDataTokenResponse,
            "createRestrictedDataToken",
            "POST",
            f"{self.base_path}/restrictedDataToken",
            body=body,
        )
