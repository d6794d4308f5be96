"""qmllint over ui/, knowing the types kiosk registers from Python (the `Kiosk` QML module).

qmllint reads a module's types from a qmldir and a .qmltypes file. Qt for Python's own route
(pyside6-metaobjectdump, then pyside6-qmltyperegistrar) reads Python source statically: it cannot
see properties declared from a table (kiosk.qt.bridge._properties), and it stops at a relative
`from .. import x`. So the @QmlElement classes are found in the source, and what each one has
(properties, signals) is read from its live QMetaObject: the description cannot drift from the code.

    python -m tests.qmllint        # lint ui/ and print what qmllint says
"""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
BIN = Path(sys.executable).parent
QT_BASES = {"QObject", "QQuickItem", "QQuickPaintedItem"}


def registered_classes() -> list[tuple[str, str, bool]]:
    """(module, class name, creatable) of every @QmlElement class in kiosk/qt/."""
    found = []
    for source in sorted((ROOT / "kiosk" / "qt").rglob("*.py")):
        module = ".".join(source.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.ClassDef):
                decorators = {_name(d) for d in node.decorator_list}
                if "QmlElement" in decorators:
                    found.append((module, node.name, "QmlUncreatable" not in decorators))
    return found


def _name(decorator: ast.expr) -> str:
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _component(cls: type, creatable: bool, module: str, version: str) -> str:
    meta = cls.staticMetaObject
    # The Qt class it is made from (QObject for the bridges, QQuickPaintedItem for drawn items): what
    # lies between (kiosk's own property tables) is described with the class itself.
    base = meta.superClass()
    while base.className() not in QT_BASES:
        base = base.superClass()
    lines = [
        "    Component {",
        f'        name: "{meta.className()}"',
        '        accessSemantics: "reference"',
        f'        prototype: "{base.className()}"',
        f'        exports: ["{module}/{meta.className()} {version}"]',
        f"        isCreatable: {'true' if creatable else 'false'}",
        "        exportMetaObjectRevisions: [256]",
    ]
    qobject = base
    for i in range(qobject.propertyCount(), meta.propertyCount()):
        prop = meta.property(i)
        notify = f'; notify: "{bytes(prop.notifySignal().name()).decode()}"' if prop.hasNotifySignal() else ""
        lines.append(
            f'        Property {{ name: "{prop.name()}"; type: "{prop.typeName()}"; '
            f'read: "{prop.name()}"; write: "{prop.name()}"{notify}; index: {i - qobject.propertyCount()} }}'
        )
    for i in range(qobject.methodCount(), meta.methodCount()):
        method = meta.method(i)
        kind = "Signal" if method.methodType() == method.MethodType.Signal else "Method"
        name = bytes(method.name()).decode()
        names = [bytes(n).decode() or f"arg{p}" for p, n in enumerate(method.parameterNames())]
        types = [bytes(method.parameterTypeName(p)).decode() for p in range(method.parameterCount())]
        params = "".join(
            f' Parameter {{ name: "{n}"; type: "{t}" }}' for n, t in zip(names, types, strict=True)
        )
        lines.append(f'        {kind} {{ name: "{name}";{params} }}')
    lines.append("    }")
    return "\n".join(lines)


def write_module(folder: Path) -> Path:
    """Writes the `Kiosk` module's qmldir and qmltypes under ``folder``; returns the import path."""
    classes = registered_classes()
    modules = {name: importlib.import_module(name) for name in {module for module, _, _ in classes}}
    imports = {(m.QML_IMPORT_NAME, m.QML_IMPORT_MAJOR_VERSION) for m in modules.values()}
    if len(imports) != 1:
        raise SystemExit(f"kiosk registers more than one QML module: {sorted(imports)}")
    (uri, major) = imports.pop()
    version = f"{major}.0"
    components = [
        _component(getattr(modules[module], name), creatable, uri, version)
        for module, name, creatable in classes
    ]
    target = folder / uri
    target.mkdir(parents=True, exist_ok=True)
    (target / "qmldir").write_text(f"module {uri}\ntypeinfo kiosk.qmltypes\nimport QtQuick auto\n")
    (target / "kiosk.qmltypes").write_text(
        "import QtQuick.tooling 1.2\n\n// kiosk's Python types, for qmllint (tests/qmllint.py).\n\nModule {\n"
        + "\n".join(components)
        + "\n}\n"
    )
    return folder


def qml_files() -> list[Path]:
    return sorted(UI.rglob("*.qml"))


def lint(import_path: Path, files: list[Path] | None = None) -> subprocess.CompletedProcess:
    """qmllint over ``files`` (every QML file of ui/)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [
            BIN / "pyside6-qmllint",
            "--ignore-settings",  # every category at its default level, whatever a .qmllint.ini says
            "--max-warnings",  # and a warning is a failure (the default exit status ignores them)
            "0",
            "-I",
            str(import_path),
            *map(str, files or qml_files()),
        ],
        capture_output=True,
        text=True,
        cwd=UI,
        env=env,
    )


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        result = lint(write_module(Path(tmp)))
    sys.stdout.write(result.stdout + result.stderr)
    sys.exit(result.returncode)
