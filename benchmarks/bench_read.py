"""Throughput of read + normalise (with redaction) per format, on one core.

The sample corpus is laid out as text, PDF, DOCX and HTML (with the builders the tests
use, in tests/loaders/conftest.py; reportlab comes with the dev extras), repeated until
each file holds about ``--mb`` megabytes of text. Prints, per format: file size, text
size, wall and CPU seconds for read_document + normalise, and megabytes of text per
second of each (the CPU figure is the one-core throughput on a busy machine).

    .venv/bin/python benchmarks/bench_read.py            # about 1 MB of text per format
    .venv/bin/python benchmarks/bench_read.py --mb 4
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
import time
from pathlib import Path

from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.read import read_document

REPO = Path(__file__).resolve().parent.parent


def _builders():
    spec = importlib.util.spec_from_file_location("loader_fixtures", REPO / "tests" / "loaders" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_blocks(fixtures, megabytes: float) -> tuple[str, list[list[str]]]:
    """The corpus as raw text (noise and all) and as clean paragraphs, repeated to ``megabytes``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    raw = "\n\n\n\n".join(texts)
    repeats = max(1, round(megabytes * 1024 * 1024 / len(raw.encode())))
    blocks = [block for text in texts for block in fixtures.paragraphs_of(text)]
    return "\n\n\n\n".join([raw] * repeats), blocks * repeats


def measure(path: Path, rounds: int) -> tuple[float, float, int]:
    """Best wall and CPU seconds of ``rounds`` runs of read + normalise, and the normalised text's size in bytes.

    CPU seconds are what one core spends, whatever else the machine runs meanwhile.
    """
    wall, cpu, size = float("inf"), float("inf"), 0
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        text = normalise(read_document(path).text)
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
        size = len(text.encode())
    return wall, cpu, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text per format (default 1)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per format; the best is reported (default 3)")
    args = parser.parse_args()
    fixtures = _builders()
    raw, blocks = corpus_blocks(fixtures, args.mb)
    print(f"nproc {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}; one process; "
          f"read_document + normalise (redaction included); best of {args.rounds}")
    print(f"{'format':8} {'file MB':>8} {'text MB':>8} {'wall s':>7} {'cpu s':>7} {'MB/s wall':>10} {'MB/cpu-s':>9}")
    with tempfile.TemporaryDirectory() as folder:
        files = {"text": Path(folder, "corpus.txt"), "pdf": Path(folder, "corpus.pdf"),
                 "docx": Path(folder, "corpus.docx"), "html": Path(folder, "corpus.html")}
        files["text"].write_text(raw, encoding="utf-8")
        fixtures.write_pdf(blocks, files["pdf"])
        fixtures.write_docx(blocks, files["docx"])
        fixtures.write_html(blocks, files["html"])
        for name, path in files.items():
            wall, cpu, size = measure(path, args.rounds)
            file_mb, text_mb = path.stat().st_size / 1e6, size / 1e6
            print(f"{name:8} {file_mb:8.2f} {text_mb:8.2f} {wall:7.2f} {cpu:7.2f} {text_mb / wall:10.2f} "
                  f"{text_mb / cpu:9.2f}")


if __name__ == "__main__":
    main()
