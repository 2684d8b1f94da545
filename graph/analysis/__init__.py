"""Gap analyses: which flows between Geneva and New York are mandated, realised, blocked or missing.

Pure functions over the NetworkX projection (``GraphStore.to_networkx()``, either store);
they never touch a store. Notebooks, the CLI, the GraphQL API and the maps call:

- :func:`find_gaps` -> ranked :class:`Finding` records, of the kinds in :data:`FINDING_KINDS`;
- :func:`find_paths` -> ranked :class:`Pathway` records between two nodes, with each hop's evidence;
- :func:`findings_json`, :func:`findings_csv`, :func:`findings_markdown` to render findings.

>>> import networkx as nx
>>> from prevgraph.graph.analysis import find_gaps
>>> g = nx.MultiDiGraph()
>>> g.add_node("hrc", kind="Body", name="Human Rights Council", location="GENEVA")
>>> g.add_node("sc", kind="Body", name="Security Council", location="NEW_YORK")
>>> _ = g.add_edge("hrc", "sc", key="n1", id="n1", type="NO_LINK", evidence=[])
>>> [finding] = find_gaps(g, kinds="stated_missing_link")
>>> finding.rank, finding.severity, finding.statement.split(";")[0]
(1, 'high', 'A document states that there is no link between Human Rights Council and Security Council')
"""

from prevgraph.graph.analysis.findings import FINDING_KINDS, SEVERITIES, Citation, Finding, Hop, Pathway
from prevgraph.graph.analysis.gaps import GAP_OPTIONS, check_kinds, find_gaps
from prevgraph.graph.analysis.paths import find_paths
from prevgraph.graph.analysis.report import findings_csv, findings_json, findings_markdown, pathways_json

__all__ = [
    "FINDING_KINDS",
    "GAP_OPTIONS",
    "SEVERITIES",
    "Citation",
    "Finding",
    "Hop",
    "Pathway",
    "check_kinds",
    "find_gaps",
    "find_paths",
    "findings_csv",
    "findings_json",
    "findings_markdown",
    "pathways_json",
]
