"""`prevgraph map`: write the facilitator's map, or a dialogue pack, as one offline HTML file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from prevgraph.cli.app import app, err, opened_store
from prevgraph.graph.lookup import resolve_node
from prevgraph.visualisations import MapOptions, load_story, render_map, render_story
from prevgraph.visualisations.maps import gap_findings


def _write(path: Path, html: str) -> None:
    """Write the page whole or not at all (a half-written map is worse than none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or [] for part in value.split(",") if part.strip())


@app.command("map")
def map_command(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="HTML file to write (default: prevgraph-map.html, or the story's name with .html)."),
    ] = None,
    focus: Annotated[str | None, typer.Option(help="A body (any name, acronym or id) to centre on.")] = None,
    hops: Annotated[int, typer.Option(help="With --focus: how many steps around the body to show.")] = 2,
    status: Annotated[list[str] | None, typer.Option(
        help="Flows to show (MANDATED, REALISED, BLOCKED, UNREALISED, PROPOSED); repeat or comma-separate.")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        help="Node kinds to show (Body, Office, ...); repeat or comma-separate.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only what is dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only what is dated on or before this date.")] = None,
    gaps: Annotated[bool, typer.Option(
        help="Draw the gap analyses' findings (unrealised mandates, blocked channels, missing links, "
             "single points of failure).")] = False,
    colour: Annotated[str, typer.Option(help="Colour nodes by location or pillar (a toggle on the page).")] = (
        "location"),
    title: Annotated[str | None, typer.Option(help="Heading of the page.")] = None,
    story: Annotated[Path | None, typer.Option(
        help="A story YAML file: write a dialogue pack stepped through with the arrow keys.")] = None,
) -> None:
    """Write an interactive map (one self-contained HTML file, usable offline on a projector)."""
    with opened_store(ctx) as store:
        if story is not None:
            loaded = load_story(story, lambda name: resolve_node(store, name).id)
            graph = store.to_networkx()
            wants_gaps = any(scene.options.gaps for scene in loaded.scenes)
            findings = gap_findings(graph, MapOptions()) if wants_gaps else None
            html = render_story(graph, loaded, findings)
            target = output or story.with_suffix(".html")
        else:
            options = MapOptions(focus=focus, hops=hops, statuses=tuple(s.upper() for s in _split(status)),
                                 kinds=_split(kind), since=since, until=until, gaps=gaps, colour_by=colour,
                                 **({"title": title} if title else {}))
            html = render_map(store, options)
            target = output or Path("prevgraph-map.html")
    _write(target, html)
    err.print(f"wrote {target} ({len(html.encode('utf-8')) / 1e6:.1f} MB); open it in a browser, no network needed",
              markup=False, highlight=False, soft_wrap=True)
