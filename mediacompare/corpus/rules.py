"""The cleaning rules: reading and checking a rules file, compiling its patterns for RE2.

A rules file is a CSV with the columns ``rule_id, category, scope, pattern,
credit_kind, reason`` (the packaged one is ``mediacompare/resources/boilerplate.csv``).
:func:`load_rules` refuses, with file, line and reason: missing or extra
columns, empty fields, duplicate ids, unknown scopes or credit kinds, patterns
that do not compile or that need backtracking (RE2 runs them: see
:mod:`.linear_re`), control characters in a pattern, and credit rules without a
``(?P<who>...)`` group. The rules without placeholders are compiled once,
together, into the filter :func:`prefilter` returns; :mod:`.clean` applies them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .._paths import resource
from ..errors import ResourceError, SourceNotFoundError
from .linear_re import LinearPatternError, compile_linear, compile_once, linear_filter, to_re2

__all__ = ["CREDIT_KINDS", "RULE_COLUMNS", "SCOPES", "Rule", "load_rules", "prefilter"]

RULE_COLUMNS = ("rule_id", "category", "scope", "pattern", "credit_kind", "reason")
SCOPES = ("line", "rest", "block", "headline", "before_headline")
CREDIT_KINDS = ("", "photo", "copyright", "author")


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule (a row of the rules CSV)."""

    rule_id: str
    category: str
    scope: str
    pattern: str
    credit_kind: str
    reason: str
    source: str  # file and line the rule came from

    def compile(self, *, title: str | None = None, sites: tuple[str, ...] = ()):
        """Compile the pattern with RE2 (linear time: see :mod:`.linear_re`), filling
        ``{title}`` and ``{site}``; None if a placeholder is unknown."""
        pattern = self.pattern
        by_title = "{title}" in pattern
        if by_title:
            if not title:
                return None
            pattern = pattern.replace("{title}", _loose(title))
        if "{site}" in pattern:
            names = [s for s in sites if s and s.strip()]
            if not names:
                return None
            pattern = pattern.replace("{site}", "|".join(_loose(s) for s in names))
        # A pattern made from a headline serves one article: compiled, not cached (an RE2
        # automaton takes about half a megabyte, and the cache of 4,096 held 2 GB at 10,000
        # articles; re2's own cache of 128 held 60 MB); the site patterns repeat across
        # articles and stay cached.
        return compile_once(pattern) if by_title else compile_linear(pattern)


def _loose(literal: str) -> str:
    """A regex for a literal that tolerates case, spacing and quote styles."""
    out = []
    for ch in literal.strip():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'‘’`":
            out.append("['‘’`]")
        elif ch in '"“”':
            out.append('["“”]')
        else:
            out.append(re.escape(ch))
    return "(?i:" + "".join(out) + ")"


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """Read and validate a boilerplate rules CSV (the packaged one by default).

    Refuses, with file, line and reason: missing or extra columns, empty
    fields (``credit_kind`` may be empty), duplicate ``rule_id``, unknown
    scopes or credit kinds, patterns that do not compile, and credit rules
    without a ``(?P<who>...)`` group.

    >>> rules = load_rules()
    >>> rules[0].rule_id, rules[0].scope
    ('headline', 'headline')
    """
    return _load_rules(str(path) if path is not None else str(resource("boilerplate.csv")))


@lru_cache(maxsize=8)
def _load_rules(path: str) -> tuple[Rule, ...]:
    file = Path(path)
    if not file.is_file():
        raise SourceNotFoundError(f"boilerplate rules file not found: {path}")
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ResourceError(f"{path}: not UTF-8 (byte {exc.start} is {data[exc.start]:#04x}); "
                            "save the rules file as UTF-8") from None
    if "\x00" in text:
        raise ResourceError(f"{path}: holds NUL characters; expected a UTF-8 CSV text file")
    with io.StringIO(text, newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ResourceError(f"{path}, line 1: empty file; expected a header "
                                f"{','.join(RULE_COLUMNS)}") from None
        except csv.Error as exc:
            raise ResourceError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
        if tuple(h.strip() for h in header) != RULE_COLUMNS:
            raise ResourceError(f"{path}, line 1: expected the columns {','.join(RULE_COLUMNS)}; "
                                f"found {','.join(header)}")
        rules: list[Rule] = []
        seen: dict[str, int] = {}
        try:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(RULE_COLUMNS):
                    raise ResourceError(f"{path}, line {line}: expected {len(RULE_COLUMNS)} fields "
                                        f"({','.join(RULE_COLUMNS)}), found {len(row)}")
                values = dict(zip(RULE_COLUMNS, (cell.strip() for cell in row)))
                values["pattern"] = row[3]  # patterns keep their spaces
                rules.append(_validate_rule(values, path, line, seen))
        except csv.Error as exc:
            raise ResourceError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
    if not rules:
        raise ResourceError(f"{path}: no rules found; expected at least one row after the header")
    fixed = [r for r in rules if _fixed(r)]
    try:  # the rules without placeholders are compiled once, together (see clean_text)
        linear_filter(tuple(r.pattern for r in fixed))
    except LinearPatternError as exc:
        rule = fixed[exc.args[1]]
        raise ResourceError(f"{rule.source}, column 'pattern': {exc.args[0]}; rules run on a "
                            "linear-time engine (RE2) so that no line can stall loading") from None
    return tuple(rules)


def _validate_rule(values: dict[str, str], path: str, line: int, seen: dict[str, int]) -> Rule:
    where = f"{path}, line {line}"
    for name in RULE_COLUMNS:
        if name != "credit_kind" and not values[name].strip():
            raise ResourceError(f"{where}, column '{name}': empty; every rule needs a {name}")
    rule_id = values["rule_id"]
    if rule_id in seen:
        raise ResourceError(f"{where}, column 'rule_id': duplicate rule_id {rule_id!r} "
                            f"(first on line {seen[rule_id]})")
    seen[rule_id] = line
    if values["scope"] not in SCOPES:
        raise ResourceError(f"{where}, column 'scope': unknown scope {values['scope']!r}; "
                            f"expected one of {', '.join(SCOPES)}")
    if values["credit_kind"] not in CREDIT_KINDS:
        raise ResourceError(f"{where}, column 'credit_kind': unknown credit kind "
                            f"{values['credit_kind']!r}; expected empty or one of "
                            f"{', '.join(k for k in CREDIT_KINDS if k)}")
    control = next((ch for ch in values["pattern"] if ord(ch) < 32 or ord(ch) == 127), None)
    if control is not None:
        raise ResourceError(f"{where}, column 'pattern': holds the control character "
                            f"U+{ord(control):04X} at position {values['pattern'].index(control) + 1}"
                            " (a '\\b' written where a backslash was lost?); write escapes as "
                            "a backslash and a letter")
    probe = values["pattern"].replace("{title}", "title").replace("{site}", "site")
    try:
        compiled = re.compile(probe)
    except re.error as exc:
        raise ResourceError(f"{where}, column 'pattern': not a valid regular expression "
                            f"({exc})") from None
    except RecursionError:
        raise ResourceError(f"{where}, column 'pattern': nested too deeply") from None
    try:
        if "{site}" in values["pattern"] or "{title}" in values["pattern"] \
                or values["scope"] not in ("line", "rest", "block"):
            compile_linear(probe)
        else:
            to_re2(probe)  # compiled with the others in load_rules' filter
    except LinearPatternError as exc:
        raise ResourceError(f"{where}, column 'pattern': {exc}; rules run on a linear-time "
                            "engine (RE2) so that no line can stall loading") from None
    if values["credit_kind"] and "who" not in compiled.groupindex:
        raise ResourceError(f"{where}, column 'pattern': a rule with credit_kind "
                            f"{values['credit_kind']!r} needs a (?P<who>...) group")
    return Rule(source=where, **values)


def _fixed(rule: Rule) -> bool:
    return rule.scope in ("line", "rest", "block") and "{site}" not in rule.pattern \
        and "{title}" not in rule.pattern


def prefilter(rules: tuple[Rule, ...]):
    """The filter of the rules without placeholders, and each one's index in it."""
    fixed = [r for r in rules if _fixed(r)]
    return linear_filter(tuple(r.pattern for r in fixed)), {r.rule_id: k for k, r in enumerate(fixed)}
