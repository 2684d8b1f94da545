"""prevgraph: a knowledge graph of the UN prevention architecture.

Subpackages, one per layer (imports go one way: schema <- graph <- loaders/api/visualisations):

- :mod:`prevgraph.schema`: the ontology, reference data and the typed records.
- :mod:`prevgraph.graph`: the store interface, the embedded and Neo4j stores, analyses.
- :mod:`prevgraph.loaders`: documents to nodes and edges with evidence.
- :mod:`prevgraph.api`: the GraphQL API.
- :mod:`prevgraph.visualisations`: the facilitators' maps.
"""

__version__ = "0.1.0"
