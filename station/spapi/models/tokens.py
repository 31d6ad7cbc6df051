"""Tokens API 2021-03-01 models (Restricted Data Tokens)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from station.spapi.models.common import ApiModel

__all__ = [
    "CreateRestrictedDataTokenRequest",
    "CreateRestrictedDataTokenResponse",
    "RestrictedResource",
]

#: Amazon's limit on the resources one createRestrictedDataToken call may name.
MAX_RESOURCES_PER_TOKEN = 50


class RestrictedResource(ApiModel):
    method: Literal["GET", "PUT", "POST", "DELETE"]
    path: str = Field(min_length=1, pattern=r"^/")
    data_elements: list[str] | None = None


class CreateRestrictedDataTokenRequest(ApiModel):
    target_application: str | None = None
    restricted_resources: list[RestrictedResource] = Field(
        min_length=1, max_length=MAX_RESOURCES_PER_TOKEN
    )


class CreateRestrictedDataTokenResponse(ApiModel):
    restricted_data_token: str | None = None
    expires_in: int | None = None

    def __repr__(self) -> str:
        return (
            "CreateRestrictedDataTokenResponse(restricted_data_token=<hidden>, "
            f"expires_in={self.expires_in})"
        )

    __str__ = __repr__
