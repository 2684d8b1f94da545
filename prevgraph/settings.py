"""One settings object for every entry point.

Each setting has a name, an environment variable, a default and a help text. The CLI
and the API read them from the environment once (:meth:`Settings.from_env`) and pass
the object into constructors; nothing deeper reads the environment. The README's
settings table is checked against :data:`SETTINGS` by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from prevgraph.errors import ConfigurationError


def default_store_path() -> Path:
    """Where the embedded store lives when nothing is set: ``$XDG_DATA_HOME/prevgraph/prevgraph.db``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "prevgraph" / "prevgraph.db"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "PREVGRAPH_STORE", None,
            "Where the graph lives: a file path for the embedded store, or a bolt://, neo4j:// or neo4j+s:// URI "
            "for Neo4j. Default: the embedded store at $XDG_DATA_HOME/prevgraph/prevgraph.db "
            "(~/.local/share/prevgraph/prevgraph.db)."),
    Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user name."),
    Setting("neo4j_password", "NEO4J_PASSWORD", "", "Neo4j password (empty: connect without authentication)."),
    Setting("neo4j_database", "NEO4J_DATABASE", "neo4j", "Neo4j database name."),
    Setting("batch_size", "PREVGRAPH_BATCH_SIZE", 5000, "Rows per batch when writing to a store."),
    Setting("api_key", "PREVGRAPH_API_KEY", "",
            "Key that allows curation mutations over GraphQL (header X-API-Key). Empty: mutations are off."),
    Setting("host", "PREVGRAPH_HOST", "127.0.0.1", "Address `prevgraph serve` listens on."),
    Setting("port", "PREVGRAPH_PORT", 8000, "Port `prevgraph serve` listens on."),
    Setting("max_query_depth", "PREVGRAPH_MAX_QUERY_DEPTH", 10, "Deepest GraphQL query accepted."),
    Setting("max_query_tokens", "PREVGRAPH_MAX_QUERY_TOKENS", 2000, "Most tokens in one GraphQL query."),
    Setting("max_aliases", "PREVGRAPH_MAX_ALIASES", 30, "Most field aliases in one GraphQL query."),
    Setting("max_page_size", "PREVGRAPH_MAX_PAGE_SIZE", 100, "Largest page a list query returns."),
    Setting("request_timeout", "PREVGRAPH_REQUEST_TIMEOUT", 10.0, "Seconds one API request may take."),
    Setting("max_body_bytes", "PREVGRAPH_MAX_BODY_BYTES", 1_000_000, "Largest API request body accepted, in bytes."),
    Setting("analysis_threads", "PREVGRAPH_ANALYSIS_THREADS", 2,
            "Threads the API computes whole-graph answers (gaps, /map) in, apart from store reads."),
    Setting("analysis_queue", "PREVGRAPH_ANALYSIS_QUEUE", 8,
            "Whole-graph computations waiting for a thread before the API answers BUSY."),
    Setting("keep_official_names", "PREVGRAPH_KEEP_OFFICIAL_NAMES", False,
            "Keep the names of heads of UN offices (a Secretary-General, a High Commissioner, a Special Rapporteur) "
            "in documents not held under a meeting rule such as Chatham House. Default: every person's name is "
            "removed from the texts loaded."),
)


@dataclass(frozen=True)
class Settings:
    store: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    batch_size: int = 5000
    api_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_depth: int = 10
    max_query_tokens: int = 2000
    max_aliases: int = 30
    max_page_size: int = 100
    request_timeout: float = 10.0
    max_body_bytes: int = 1_000_000
    analysis_threads: int = 2
    analysis_queue: int = 8
    keep_official_names: bool = False

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Read every setting from the environment; ``overrides`` (for example CLI flags) win when not None."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw = env.get(setting.env)
            if raw is None or raw == "":
                continue
            values[setting.name] = _coerce(setting, raw)
        return replace(cls(**values), **{k: v for k, v in overrides.items() if v is not None})

    @property
    def store_location(self) -> str:
        """The store setting, or the documented default path."""
        return self.store or str(default_store_path())


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _coerce(setting: Setting, raw: str) -> Any:
    """Read a number or a yes/no where the setting's default is one; text stays text."""
    kind = type(setting.default)
    if kind is bool:
        if raw.strip().casefold() not in _TRUE + _FALSE:
            raise ConfigurationError(f"{setting.env}={raw!r} is neither yes nor no (1/0, true/false); {setting.help}")
        return raw.strip().casefold() in _TRUE
    if kind not in (int, float):
        return raw
    try:
        return kind(raw)
    except ValueError as exc:
        raise ConfigurationError(f"{setting.env}={raw!r} is not a number; {setting.help}") from exc
