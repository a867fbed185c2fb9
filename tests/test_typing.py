"""Downstream code type-checks as a user of the SDK expects, under ``mypy --strict``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "typing"


def mypy(path: Path) -> tuple[int, str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--show-error-codes",
            "--no-error-summary",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE.parent.parent,
    )
    return done.returncode, done.stdout + done.stderr


def test_downstream_code_passes_strict_mypy_with_precise_types() -> None:
    code, output = mypy(HERE / "downstream_ok.py")
    assert code == 0, output


def test_mistakes_are_rejected_where_marked() -> None:
    source = (HERE / "downstream_bad.py").read_text().splitlines()
    expected = {
        n: set(m.group(1).split("|"))
        for n, line in enumerate(source, 1)
        if (m := re.search(r"# E: ([\w|-]+)", line))
    }
    code, output = mypy(HERE / "downstream_bad.py")
    assert code == 1
    found: dict[int, set[str]] = {}
    for match in re.finditer(r"downstream_bad\.py:(\d+): error: .*\[([\w-]+)\]", output):
        found.setdefault(int(match.group(1)), set()).add(match.group(2))
    assert set(found) == set(expected), output
    for line, error_codes in expected.items():
        assert error_codes & found[line], (line, output)
