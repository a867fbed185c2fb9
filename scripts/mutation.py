"""``make mutation``: how many deliberate bugs (mutants) in the facade's core modules the fast
tests catch, per module, with mutmut.

mutmut wants the package under ``src/`` and imports it from its ``mutants/`` copy; the facade
lives in ``bandwidth_facade/``. So this script lays out a work tree in ``.mutation/``
(``src/bandwidth``, ``src/bandwidth_messaging_api``, the tests, and a ``pyproject.toml`` whose
``[tool.mutmut]`` names the modules), runs ``mutmut run`` there, and prints, per module, the
mutants killed, survived and untested, against the target. Survivors judged equivalent (a
mutant no test can tell from the original) are listed, with why, in ``tests/mutation.toml``
and counted as killed.

    .venv/bin/python scripts/mutation.py [MODULE ...]     # default: every module below
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
MODULES = ["_validation", "_retry", "_parsing", "_journal", "_rate", "_reconcile"]
TARGET = 0.90
# The fast tests that exercise these modules in this process (subprocess tests would run the
# original code, so they cannot catch a mutant).
TESTS = [
    "tests/test_retry_policy.py",
    "tests/test_parsing.py",
    "tests/test_send_items.py",
    "tests/test_journal_records.py",
    "tests/test_rate_limiter.py",
    "tests/test_validation.py",
    "tests/test_errors_and_retries.py",
    "tests/test_messaging.py",
    "tests/test_bulk_and_scale.py",
    "tests/test_journal.py",
    "tests/test_rate_limits.py",
    "tests/test_hostile.py",
    "tests/test_properties.py",
    "tests/test_events.py",
    "tests/test_fake.py",
    "tests/test_flows.py",
    "tests/test_account.py",
]


def lay_out(modules: list[str]) -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "src").mkdir(parents=True)
    shutil.copytree(ROOT / "bandwidth_facade" / "bandwidth", WORK / "src" / "bandwidth")
    shutil.copytree(
        ROOT / "generated" / "bandwidth_messaging_api", WORK / "src" / "bandwidth_messaging_api"
    )
    # mutmut tells which tests reach a function by the function's __module__, and
    # bandwidth/__init__.py presents public classes' methods as ``bandwidth`` (for help() and
    # reprs), which would hide every hit on a method: the copy mutmut runs keeps each
    # function's own module.
    init = WORK / "src" / "bandwidth" / "__init__.py"
    presenting = '_present_as("bandwidth", __all__, globals())'
    text = init.read_text()
    assert presenting in text, "bandwidth/__init__.py no longer presents its names this way"
    init.write_text(text.replace(presenting, f"pass  # {presenting}"))
    shutil.copytree(ROOT / "tests", WORK / "tests")
    shutil.copytree(ROOT / "spec", WORK / "spec")
    shutil.copy2(ROOT / "README.md", WORK / "README.md")
    only = ", ".join(f'"src/bandwidth/{m}.py"' for m in modules)
    selection = ", ".join(f'"{t}"' for t in TESTS)
    (WORK / "pyproject.toml").write_text(
        f"""[tool.mutmut]
source_paths = ["src"]
only_mutate = [{only}]
pytest_add_cli_args_test_selection = [{selection}]
pytest_add_cli_args = ["-q", "-x"]
also_copy = ["tests", "spec", "README.md"]

[tool.pytest.ini_options]
addopts = "-ra --strict-markers"
markers = ["drill: regenerates the client from a changed spec (slow)"]
"""
    )


def listed(table: str) -> dict[str, str]:
    """A table of ``tests/mutation.toml``: ``equivalent`` mutants (by name), and functions
    whose mutants mutmut cannot run (``import_time``: by name prefix), each with why."""
    path = ROOT / "tests" / "mutation.toml"
    if not path.exists():
        return {}
    return {k: str(v) for k, v in tomllib.loads(path.read_text()).get(table, {}).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=MODULES)
    args = parser.parse_args()
    lay_out(args.modules)
    mutmut = str(Path(sys.executable).parent / "mutmut")
    subprocess.run([mutmut, "run"], cwd=WORK, check=False)  # noqa: S603 - a fixed argv
    done = subprocess.run(  # noqa: S603
        [mutmut, "results", "--all", "true"],
        cwd=WORK,
        capture_output=True,
        text=True,
        check=False,
    )
    accepted = listed("equivalent")
    # Code that runs while the module is imported runs before mutmut chooses a mutant, so its
    # mutants can never be told apart by any test: they are left out of the score, and shown.
    unreachable = tuple(f"{prefix}__mutmut_" for prefix in listed("import_time"))
    counts: dict[str, Counter[str]] = {m: Counter() for m in args.modules}
    survivors: list[str] = []
    for line in done.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        module = name.split(".")[1] if name.startswith("bandwidth.") else ""
        if module not in counts:
            continue
        if name.startswith(unreachable):
            status = "import time"
        elif status == "survived" and name in accepted:
            status = "equivalent"
        counts[module][status] += 1
        if status == "survived":
            survivors.append(name)
    failed = False
    columns = ("mutants", "killed", "survived", "untested", "import")
    print(f"{'module':<14} " + " ".join(f"{c:>9}" for c in columns) + f" {'score':>7}")
    for module, count in counts.items():
        total = sum(count.values()) - count["import time"]
        killed = count["killed"] + count["timeout"] + count["equivalent"]
        score = killed / total if total else 1.0
        failed |= score < TARGET
        print(
            f"{module:<14} {total:>9} {killed:>9} {count['survived']:>9} "
            f"{count['no tests']:>9} {count['import time']:>9} {score:>7.0%}"
            f"{'' if score >= TARGET else '  < 90 %'}"
        )
    if survivors:
        print("\nsurvivors (`cd .mutation && mutmut show NAME` shows each):")
        for name in survivors:
            print(" ", name)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
