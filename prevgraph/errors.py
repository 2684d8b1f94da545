"""One error hierarchy for prevgraph.

Every failure a user can meet is a subclass of :class:`PrevgraphError`. Its message
is one line that names the file, setting or id involved and says what to do; the
CLI prints it without a traceback (``--debug`` shows it) and the API turns it into
one stable GraphQL error shape.
"""

from __future__ import annotations


class PrevgraphError(Exception):
    """Root of every error prevgraph raises on purpose."""

    code = "PREVGRAPH_ERROR"


class OntologyError(PrevgraphError):
    """The ontology or reference data is inconsistent, or a record breaks it."""

    code = "ONTOLOGY_ERROR"


class ValidationError(OntologyError):
    """A node or edge does not fit the ontology (unknown kind, forbidden pattern)."""

    code = "INVALID_FACT"


class StoreError(PrevgraphError):
    """The graph store failed."""

    code = "STORE_ERROR"


class StoreUnavailable(StoreError):
    """The store cannot be reached or refuses the credentials."""

    code = "STORE_UNAVAILABLE"


class ConfigurationError(PrevgraphError):
    """A setting has a value prevgraph cannot use."""

    code = "BAD_SETTING"


class NotFound(PrevgraphError):
    """A node, edge, body name or resolution symbol is not in the graph."""

    code = "NOT_FOUND"


class DocumentError(PrevgraphError):
    """A document cannot be read (missing, empty, corrupt, encrypted, too large, not text)."""

    code = "UNREADABLE_DOCUMENT"


class BadRequest(PrevgraphError):
    """A request prevgraph cannot read: malformed JSON, a bad cursor, an argument out of range."""

    code = "BAD_REQUEST"


class LimitExceeded(PrevgraphError):
    """A request went over one of the API's limits (depth, tokens, aliases, page size, body size, time)."""

    code = "LIMIT_EXCEEDED"


class Busy(PrevgraphError):
    """The API is already computing as many whole-graph answers (gaps, maps) as it queues; try again shortly."""

    code = "BUSY"


class Ambiguous(NotFound):
    """A name names several nodes; the message lists them (their ids name each one alone)."""

    code = "AMBIGUOUS"

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class AccessDenied(PrevgraphError):
    """A curation mutation came without the API key, or with a wrong one."""

    code = "FORBIDDEN"


class MutationsDisabled(AccessDenied):
    """Curation mutations are off because no API key is set (PREVGRAPH_API_KEY)."""

    code = "MUTATIONS_DISABLED"


class MapError(PrevgraphError):
    """A map option or a dialogue story has a value the map cannot use.

    For example an unknown status, a bad date or a missing scene field.
    """

    code = "BAD_MAP_OPTION"


class AnalysisError(PrevgraphError):
    """A gap analysis or pathway search was given an option it cannot use.

    For example an unknown finding kind, a bad date or an unknown flow.
    """

    code = "BAD_ANALYSIS_OPTION"


class GoldError(PrevgraphError):
    """A gold annotation file or folder for `prevgraph eval` cannot be read (the message names the file and field)."""

    code = "BAD_GOLD"
