"""How far to trust the graph: a store scored against gold annotations (`prevgraph eval`).

``gold`` reads the annotation files (format in ``docs/annotation.md``); ``scoring`` matches them with
what the store holds, document by document. It reads the store only through the `GraphStore`
interface and depends on nothing but ``graph`` and ``schema``.
"""

from prevgraph.graph.evaluation.gold import (
    GoldDocument,
    GoldEntity,
    GoldFact,
    GoldFolder,
    read_gold_file,
    read_gold_folder,
)
from prevgraph.graph.evaluation.scoring import (
    MISSED,
    NOT_IN_GOLD,
    Evaluation,
    ExpectedFlow,
    FlowMatch,
    FlowScore,
    FoundFlow,
    KindRecall,
    Miss,
    StoreView,
    Tally,
    evaluate,
    match_flows,
    name_key,
    paragraph_key,
)

__all__ = [
    "MISSED", "NOT_IN_GOLD", "Evaluation", "ExpectedFlow", "FlowMatch", "FlowScore", "FoundFlow", "GoldDocument",
    "GoldEntity", "GoldFact", "GoldFolder", "KindRecall", "Miss", "StoreView", "Tally", "evaluate", "match_flows",
    "name_key", "paragraph_key", "read_gold_file", "read_gold_folder",
]
