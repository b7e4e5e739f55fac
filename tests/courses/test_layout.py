"""The courses app's packages depend on each other in one direction:
catalogue <- progress <- (h5p, scorm, live) <- certificates <- reports. Read from
the source (every import, also inside functions), so a test fails the
moment a module reaches up the order, into another package's views or
admin, or round in a circle."""

import ast
from pathlib import Path

import courses

ROOT = Path(courses.__file__).parent
# A package's rank in the order; h5p, scorm, live and competences stand side by side
# and may not import each other.
RANKS = {
    "catalogue": 0,
    "progress": 1,
    "h5p": 2,
    "scorm": 2,
    "live": 2,
    "competences": 2,
    "certificates": 3,
    "reports": 4,
}
# The modules that wire the packages into Django and Wagtail: they import
# every package's views and admin on purpose.
WIRING = {"courses.urls", "courses.wagtail_hooks", "courses.apps"}
# Shared modules at the top of courses/ that every package may use; they
# import no package themselves.
SHARED = {
    "courses.archives",
    "courses.dates",
    "courses.emails",
    "courses.exports",
    "courses.job_admin",
    "courses.package_admin",
    "courses.package_files",
    "courses.package_models",
    "courses.package_storage",
}
MODELS_HUB = "courses.models"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules() -> dict[str, ast.Module]:
    return {
        module_name(path): ast.parse(path.read_text(), filename=str(path))
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts
    }


def imported(tree: ast.Module) -> set[str]:
    """Every courses module or name a module imports, as dotted paths."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, "courses uses absolute imports"
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.startswith("courses.")}


def models_hub_targets(modules: dict[str, ast.Module]) -> dict[str, str]:
    """`courses.models.X` -> the module that defines X, so that a model read
    through the hub counts against the package that owns it."""
    return {
        f"{MODELS_HUB}.{alias.asname or alias.name}": node.module
        for node in ast.walk(modules[MODELS_HUB])
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def package_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in RANKS else None


def edges() -> list[tuple[str, str]]:
    """(importing module, imported dotted path), the hub resolved."""
    modules = source_modules()
    hub = models_hub_targets(modules)
    return [
        (module, hub.get(name, name))
        for module, tree in modules.items()
        if module != MODELS_HUB
        for name in imported(tree)
    ]


def test_no_package_imports_one_above_it_or_beside_it():
    upward = set()
    for module, name in edges():
        source, target = package_of(module), package_of(name)
        if source and target and source != target and RANKS[target] >= RANKS[source]:
            upward.add((module, target))
    assert upward == set()


def test_shared_modules_import_no_package():
    reaching = {(module, name) for module, name in edges() if module in SHARED and package_of(name)}
    assert reaching == set()


def test_no_module_imports_another_packages_views_or_admin():
    crossing = set()
    for module, name in edges():
        target = package_of(name)
        parts = name.split(".")
        reaches_in = len(parts) > 2 and parts[2] in ("views", "admin")
        if target and reaches_in and module not in WIRING and package_of(module) != target:
            crossing.add((module, name))
    assert crossing == set()


def test_no_import_circle():
    """No module reaches itself through its imports (the package order
    rules out circles between packages; this also holds inside a package,
    as between the PDF renderer and its worker processes)."""
    modules = set(source_modules())
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for module, name in edges():
        target = name
        while target not in modules and "." in target:
            target = target.rsplit(".", 1)[0]
        if target in modules and target != module and not module.startswith(target + "."):
            graph[module].add(target)

    def circle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            module, path = stack.pop()
            for nxt in graph[module]:
                if nxt == start:
                    return path
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return None

    circles = {module: circle for module in sorted(graph) if (circle := circle_from(module))}
    assert circles == {}
