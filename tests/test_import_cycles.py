"""No import cycle among egov_desktop modules (13.7).

The graph is built from the source with ast: every `import` and `from ... import` naming an
egov_desktop module, at module level or inside a function. An import inside a function is often
how a cycle is hidden rather than removed, so it counts like any other; the only exception is one
whose line says why it is not a cycle (a comment containing "not a cycle:"). Imports under
`if TYPE_CHECKING:` never run and are left out.
"""
from __future__ import annotations

import ast
from pathlib import Path

import egov_desktop

PACKAGE = Path(egov_desktop.__file__).resolve().parent
EXEMPT = "not a cycle:"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imports(name: str, path: Path, modules: dict[str, Path]) -> dict[str, int]:
    """The egov_desktop modules `name` imports -> the line of the first such import."""
    source = path.read_text(encoding="utf-8")
    text_lines = source.splitlines()
    tree = ast.parse(source)
    skipped = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: dict[str, int] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skipped:
            continue
        if EXEMPT in text_lines[node.lineno - 1]:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                up = package.split(".")
                up = up[: len(up) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            # `from a import b` imports the module a.b when there is one, else the name b of a.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        for target in targets:
            if target in modules and target != name:
                out.setdefault(target, node.lineno)
    return out


def _cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One cycle of the graph as a path of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_the_import_graph_is_read_from_the_source():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    # A sanity check that the walk sees real edges, relative and function-local ones included.
    assert "egov_desktop.store.work" in graph["egov_desktop.store.service"]
    assert "egov_desktop.core.i18n" in graph["egov_desktop.core.fields"]
    assert _cycle({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b": 1}, "b": {}}) is None


def test_no_import_cycle_among_egov_desktop_modules():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(
        f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_migrations_import_no_application_code():
    """A migration runs the same on a database upgraded years later: what it needs of the program is
    frozen inside it, never imported (a later change to the program would change what it does)."""
    versions = PACKAGE / "store" / "migrations" / "versions"
    for path in sorted(versions.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = ["." if node.level else node.module or ""]
            else:
                continue
            assert not any(n == "." or n.split(".")[0] == "egov_desktop" for n in names), (path.name, node.lineno)
