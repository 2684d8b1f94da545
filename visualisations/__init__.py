"""Interactive maps for facilitators: one offline HTML page per map or dialogue pack.

Built from the NetworkX projection and the ontology's display hints (shapes, locations,
pillars); never imports the loaders or the API. ``render_map`` is what ``prevgraph map``
writes and what the API serves at ``/map`` (``prevgraph serve`` passes it in, with the
query's options read by ``MapOptions.from_params``).
"""

from prevgraph.visualisations.maps import build_map, render_map
from prevgraph.visualisations.options import MapOptions
from prevgraph.visualisations.story import Story, load_story, render_story

__all__ = ["MapOptions", "Story", "build_map", "load_story", "render_map", "render_story"]
