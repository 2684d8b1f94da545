"""bench_select runs as the README says and prints both ways' medians and their ratio."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .test_generate import REPO, generate


def test_bench_select_times_the_stores_selection_against_whole_records(tmp_path: Path):
    store = tmp_path / "big.db"
    generate("--nodes", 5000, "--seed", 3, "--store", store)
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench_select", "--store", str(store), "--requests", "3"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"store's select_page [\d.]+ +whole records trimmed [\d.]+ +ratio [\d.]+x", result.stdout), \
        result.stdout
