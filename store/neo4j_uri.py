"""Is NEWSGRAPH_NEO4J_URI a URI the Neo4j driver can use? One line saying why not.

A URI with credentials in it is refused without being echoed: messages and logs
would show the password.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .base import StoreError

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_neo4j_uri(uri: str) -> None:
    """Raise `StoreError` unless `uri` is ``bolt://host[:port]`` or ``neo4j://...`` without credentials.

    Examples
    --------
    >>> check_neo4j_uri("bolt://localhost:7687")
    >>> check_neo4j_uri("bolt://localhost:99999")
    Traceback (most recent call last):
    ...
    newsgraph.store.base.StoreError: NEWSGRAPH_NEO4J_URI is not a valid URI (Port out of range 0-65535)
    """
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018  (parsing the port is the check: out of range or not a number)
    except ValueError as exc:  # the URI is not echoed: it may hold credentials
        raise StoreError(f"NEWSGRAPH_NEO4J_URI is not a valid URI ({exc})") from None
    if parts.username or parts.password:
        raise StoreError("NEWSGRAPH_NEO4J_URI must not hold credentials: set NEWSGRAPH_NEO4J_USER and "
                         "NEWSGRAPH_NEO4J_PASSWORD instead")
    if parts.scheme not in SCHEMES:
        raise StoreError(f"NEWSGRAPH_NEO4J_URI must be a bolt:// or neo4j:// URI, not {uri!r}")
    if not parts.hostname:
        raise StoreError(f"NEWSGRAPH_NEO4J_URI {uri!r} names no host (e.g. bolt://localhost:7687)")
