"""Project configuration: ``[tool.qa]`` in pyproject.toml or a ``.qa.toml``, layered under the CLI.

Precedence, lowest to highest: the defaults of ``Config``, the one project file found from
the current directory upward (stopping at the repository root), or ``--config FILE``, then
the flags given on the command line. Only one project file applies: merging several
directories is powerful but hard to explain.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from qa.config import Config, check_patterns, known_patterns
from qa.model.languages import SOURCE_LANGS
from qa.model.severity import FailOn, Severity

PYPROJECT = "pyproject.toml"
QA_TOML = ".qa.toml"
SEVERITIES = tuple(s.value for s in Severity)
FAIL_ON = tuple(f.value for f in FailOn)


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file (and line)."""


@dataclass(frozen=True)
class Effective:
    """The configuration in force and, for each Config field, where its value came from."""

    config: Config
    sources: dict[str, str]
    file: Path | None  # the project file read, if any


# --- values -------------------------------------------------------------------------


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError("a string or a list of strings")


def _choice(options: Sequence[str]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in options:
            hint = difflib.get_close_matches(str(value), options, n=1)
            more = f"; did you mean {hint[0]!r}?" if hint else ""
            raise TypeError(f"one of {', '.join(options)}, not {value!r}{more}")
        return str(value)

    return convert


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"true or false, not {value!r}")
    return value


def _jobs(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"a whole number ≥ 0 (0: one per CPU), not {value!r}")
    return value


def _megabytes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TypeError(f"a whole number of megabytes ≥ 1, not {value!r}")
    return value


def _severity_table(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise TypeError('a table such as {GL01 = "error"}')
    convert = _choice(SEVERITIES)
    return tuple(sorted((str(k), convert(v)) for k, v in value.items()))


def _per_file(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise TypeError('a table such as {"texts/legacy/*" = ["TL"]}')
    return tuple(sorted((str(k), _strings(v)) for k, v in value.items()))


def _backends(value: Any) -> Any:
    """[tool.qa.backends]: the fields of qa.backends.BackendOptions, kebab-case."""
    from qa.backends import BackendOptions

    if not isinstance(value, dict):
        raise TypeError("a table such as {grammalecte = true}")
    names = {f.name.replace("_", "-"): f.name for f in fields(BackendOptions)}
    out: dict[str, Any] = {}
    for key, raw in value.items():
        if key not in names:
            hint = difflib.get_close_matches(key, names, n=1)
            raise TypeError(f"a table of {', '.join(names)}; unknown {key!r}" + (f", did you mean {hint[0]!r}?" if hint else ""))
        default = getattr(BackendOptions(), names[key])
        if isinstance(default, tuple):
            raw = _strings(raw)
        elif isinstance(default, bool) or (default is None and isinstance(raw, bool)):
            raw = _bool(raw)
        elif isinstance(default, int) and not isinstance(default, bool):
            if isinstance(raw, bool) or not isinstance(raw, int) or raw <= 0:
                raise TypeError(f"a table where {key} is a positive whole number, not {raw!r}")
        elif isinstance(default, float):
            if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw <= 0:
                raise TypeError(f"a table where {key} is a positive number, not {raw!r}")
            raw = float(raw)
        elif not isinstance(raw, str):
            raise TypeError(f"a table where {key} is a string, not {raw!r}")
        out[names[key]] = raw
    return BackendOptions(**out)


# TOML key → (Config field, converter). Keys are kebab-case, as in ruff and sqlfluff.
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "severity": ("severity", _severity_table),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "glossaries": ("glossaries", _strings),  # made relative to the config file below
    "builtin-glossary": ("builtin_glossary", _bool),
    "source-lang": ("source_lang", _choice(SOURCE_LANGS)),
    "fail-on": ("fail_on", _choice(FAIL_ON)),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "respect-gitignore": ("gitignore", _bool),
    "jobs": ("jobs", _jobs),
    "max-file-size": ("max_file_size", _megabytes),
    "warn-unused-ignores": ("warn_unused_ignores", _bool),
    "backends": ("backends", _backends),
}


# --- files --------------------------------------------------------------------------


def _line_of(text: str, key: str) -> int | None:
    k = re.escape(key)
    m = re.search(rf'^[ \t]*(?:["\']?{k}["\']?[ \t]*=|\[(?:tool\.qa\.)?{k}\])', text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _section(path: Path) -> tuple[dict[str, Any] | None, str, str]:
    """The qa table of path (None when a pyproject.toml has none), its label and the raw text."""
    data, text = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("qa") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.qa] must be a table")
        return table, f"{path} [tool.qa]", text
    return data, str(path), text


def find_config(start: Path) -> Path | None:
    """The nearest .qa.toml, or pyproject.toml with a [tool.qa] table, from start upward.

    The search stops at the repository root (a directory holding .git) so that a file
    outside the project never applies by accident.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / QA_TOML).is_file():
            return folder / QA_TOML
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _section(pyproject)[0] is not None:
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def parse(path: Path) -> tuple[dict[str, Any], str]:
    """The Config fields path sets, converted and checked, and its label for `qa config`."""
    table, label, text = _section(path)
    table = table or {}
    values: dict[str, Any] = {}
    for key, raw in table.items():
        line = _line_of(text, key)
        where = f"{path}:{line}" if line else str(path)
        if key == "tool" and path.name != PYPROJECT:
            raise ConfigError(f"{where}: in {path.name} the keys go at the top level, without [tool.qa]")
        if key not in KEYS:
            hint = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            more = f"; did you mean {hint[0]!r}?" if hint else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{where}: unknown key {key!r}{more}")
        name, convert = KEYS[key]
        try:
            value = convert(raw)
        except TypeError as exc:
            raise ConfigError(f"{where}: {key} must be {exc}") from None
        if key in ("select", "ignore", "severity", "per-file-ignores"):
            patterns = value if key in ("select", "ignore") else (
                [k for k, _ in value] if key == "severity" else [c for _, codes in value for c in codes]
            )
            bad = check_patterns(patterns)
            if bad is not None:
                hint = difflib.get_close_matches(bad, sorted(known_patterns()), n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else " (see 'qa rules')"
                raise ConfigError(f"{where}: unknown rule, family or category {bad!r}{more}")
        if key == "glossaries":
            value = tuple(path.parent / g for g in value)
        values[name] = value
    return values, label


# --- layering -----------------------------------------------------------------------

_EXTENDED = ("ignore", "glossaries")  # the CLI adds to the file's list instead of replacing it


def resolve(
    cli: Config | None = None,
    given: Iterable[str] = (),
    config_file: Path | None = None,
    cwd: Path | None = None,
) -> Effective:
    """Layer defaults, the project file and the CLI fields named in ``given``."""
    path = config_file if config_file is not None else find_config(cwd or Path.cwd())
    if cwd is None and config_file is None and path is not None:  # named as the user would: from the cwd
        path = Path(os.path.relpath(path))
    cwd = cwd or Path.cwd()
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    base = Config()
    sources = {f.name: "default" for f in fields(Config)}
    values: dict[str, Any] = {}
    if path is not None:
        values, label = parse(path)
        sources.update({name: label for name in values})
        values["root"] = path.parent.resolve()
        sources["root"] = label
    else:
        values["root"] = cwd.resolve()
        sources["root"] = "current directory"
    if cli is not None:
        for name in given:
            value = getattr(cli, name)
            if name in _EXTENDED and name in values:
                value = tuple(values[name]) + tuple(value)
                sources[name] = f"{sources[name]} + command line"
            else:
                sources[name] = "command line"
            values[name] = value
    return Effective(replace(base, **values), sources, path)


# --- `qa config` --------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if is_dataclass(value):  # e.g. BackendOptions: an inline table of what is set
        items = [(f.name.replace("_", "-"), getattr(value, f.name)) for f in fields(value)]
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in items if v is not None) + "}"
    if isinstance(value, (str, Path)):
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        inner = ", ".join(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in value)
        return "{" + inner + "}"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


def render(effective: Effective, field_to_key: Mapping[str, str] | None = None) -> str:
    """The effective configuration as TOML-like lines, each with its source as a comment."""
    names = field_to_key or {name: key for key, (name, _) in KEYS.items()}
    lines = [f"# configuration file: {effective.file or 'none found'}"]
    rows = []
    for f in fields(Config):
        key = names.get(f.name, f.name.replace("_", "-"))
        value = getattr(effective.config, f.name)
        if value is None:
            text = f"# {key} is not set"
        elif f.name == "root":  # derived, not a key: globs are anchored at this folder
            text = f"# globs are relative to {value}"
        elif f.name in ("severity", "per_file_ignores") and not value:
            text = f"{key} = {{}}"
        else:
            text = f"{key} = {_toml_value(value)}"
        rows.append((text, effective.sources.get(f.name, "")))
    width = min(40, max(len(r[0]) for r in rows))
    lines += [f"{text:{width}}  # {source}" for text, source in rows]
    return "\n".join(lines) + "\n"
