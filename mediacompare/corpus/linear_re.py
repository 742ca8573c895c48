"""Regular expressions that cannot backtrack: Python syntax, run by RE2.

Cleaning rules are data, written by the project or by a user, and are tried on
every line of every article. Python's ``re`` backtracks: a pattern such as
``^.*?(?:[A-Z]\\w+\\s+){0,2}AFP`` takes seconds on one long line and minutes on a
longer one. RE2 (the ``google-re2`` package) runs in time linear in the line
whatever the pattern, so a line of any length, or a user's careless rule,
cannot stall loading.

:func:`compile_linear` reads a pattern with Python's own parser (so the syntax
and its errors are Python's) and writes it out for RE2, keeping Python's
Unicode meaning of ``\\w``, ``\\d`` and ``\\s`` (RE2's are ASCII-only).
Constructs that need backtracking are refused with the reason: look-ahead and
look-behind, back-references, conditionals, atomic groups and possessive
quantifiers. :func:`linear_filter` tells which of many patterns match a text
at once (RE2's ``FilteredRE2``: one pass over the text for the literal strings
the patterns need, then only the patterns whose literals are there), which is
how the cleaning rules are tried on a line. One difference remains: RE2's ``\\b`` and ``\\B`` see only ASCII
letters and digits as word characters, so ``\\bcafe`` also matches inside
"écafe"; the packaged rules put ``\\b`` only beside ASCII letters.
"""

from __future__ import annotations

from functools import lru_cache

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

import re

__all__ = ["LinearFilter", "LinearPatternError", "compile_linear", "compile_once", "linear_filter",
           "to_re2"]

_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\v\f\r\x{1c}-\x{1f}\x{85}\p{Z}"
_ASCII = {"word": "0-9A-Za-z_", "digit": "0-9", "space": r"\t\n\v\f\r "}
_CATEGORIES = {
    _c.CATEGORY_WORD: ("word", False), _c.CATEGORY_NOT_WORD: ("word", True),
    _c.CATEGORY_DIGIT: ("digit", False), _c.CATEGORY_NOT_DIGIT: ("digit", True),
    _c.CATEGORY_SPACE: ("space", False), _c.CATEGORY_NOT_SPACE: ("space", True),
}
_REFUSED = {
    _c.ASSERT: "a look-ahead or look-behind ((?=...), (?!...), (?<=...), (?<!...))",
    _c.ASSERT_NOT: "a look-ahead or look-behind ((?=...), (?!...), (?<=...), (?<!...))",
    _c.GROUPREF: "a back-reference (\\1 or (?P=name))",
    _c.GROUPREF_EXISTS: "a conditional group ((?(1)...|...))",
}
for _name, _what in (("ATOMIC_GROUP", "an atomic group ((?>...))"),
                     ("POSSESSIVE_REPEAT", "a possessive quantifier (*+, ++, ?+)")):
    if hasattr(_c, _name):
        _REFUSED[getattr(_c, _name)] = _what


class LinearPatternError(ValueError):
    """A pattern uses a construct that needs backtracking, or RE2 cannot compile it."""


def _char(code: int) -> str:
    ch = chr(code)
    if ch.isalnum() and (ch.isascii() or ch.isprintable()):
        return ch
    return "\\x{%x}" % code


class _Writer:
    def __init__(self, flags: int, names: dict[int, str]) -> None:
        self.ascii = bool(flags & re.ASCII)
        self.names = names

    def category(self, kind: str) -> str:
        if self.ascii:
            return _ASCII[kind]
        return {"word": _WORD, "digit": _DIGIT, "space": _SPACE}[kind]

    def klass(self, items) -> str:
        negate = False
        positive: list[str] = []
        negated: list[str] = []
        for op, av in items:
            if op is _c.NEGATE:
                negate = True
            elif op is _c.LITERAL:
                positive.append(_char(av))
            elif op is _c.RANGE:
                positive.append(f"{_char(av[0])}-{_char(av[1])}")
            elif op is _c.CATEGORY:
                kind, neg = _CATEGORIES[av]
                (negated if neg else positive).append(self.category(kind))
            else:
                raise LinearPatternError(f"unsupported item in a character class ({op})")
        if not negated:
            return f"[{'^' if negate else ''}{''.join(positive)}]"
        if negate:
            raise LinearPatternError("a negated character class that holds \\W, \\D or \\S")
        parts = [f"[^{n}]" for n in negated] + ([f"[{''.join(positive)}]"] if positive else [])
        return "(?:" + "|".join(parts) + ")"

    def write(self, parsed) -> str:
        return "".join(self.item(op, av) for op, av in parsed)

    def item(self, op, av) -> str:
        if op in _REFUSED:
            raise LinearPatternError(f"uses {_REFUSED[op]}, which needs backtracking")
        if op is _c.LITERAL:
            return _char(av)
        if op is _c.NOT_LITERAL:
            return f"[^{_char(av)}]"
        if op is _c.ANY:
            return "."
        if op is _c.IN:
            return self.klass(av)
        if op is _c.CATEGORY:
            kind, neg = _CATEGORIES[av]
            return f"[{'^' if neg else ''}{self.category(kind)}]"
        if op is _c.BRANCH:
            return "(?:" + "|".join(self.write(alt) for alt in av[1]) + ")"
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            body = self.write(sub)
            if not (len(sub) == 1 and sub[0][0] in (_c.LITERAL, _c.IN, _c.ANY, _c.CATEGORY,
                                                    _c.NOT_LITERAL, _c.SUBPATTERN, _c.BRANCH)):
                body = f"(?:{body})"
            if high == _c.MAXREPEAT:
                quant = "*" if low == 0 else "+" if low == 1 else f"{{{low},}}"
            elif low == 0 and high == 1:
                quant = "?"
            else:
                quant = f"{{{low}}}" if low == high else f"{{{low},{high}}}"
            return body + quant + ("?" if op is _c.MIN_REPEAT else "")
        if op is _c.SUBPATTERN:
            group, add, remove, sub = av
            body = self.write(sub)
            flags = "".join(f for f, bit in (("i", re.I), ("m", re.M), ("s", re.S)) if add & bit)
            off = "".join(f for f, bit in (("i", re.I), ("m", re.M), ("s", re.S)) if remove & bit)
            if flags or off:
                body = f"(?{flags}{'-' + off if off else ''}:{body})"
            if group is None:
                return f"(?:{body})"
            name = self.names.get(group)
            return f"(?P<{name}>{body})" if name else f"({body})"
        if op is _c.AT:
            return {_c.AT_BEGINNING: "^", _c.AT_BEGINNING_STRING: r"\A", _c.AT_END: "$",
                    _c.AT_END_STRING: r"\z", _c.AT_BOUNDARY: r"\b",
                    _c.AT_NON_BOUNDARY: r"\B"}[av]
        raise LinearPatternError(f"uses a construct RE2 does not support ({op})")


def to_re2(pattern: str) -> str:
    r"""The RE2 spelling of a Python pattern (raises :class:`LinearPatternError` or ``re.error``).

    >>> to_re2(r"(?i)^\s*by\s+(?P<who>\w+)$")
    '(?i:^[\\t\\n\\v\\f\\r\\x{1c}-\\x{1f}\\x{85}\\p{Z}]*by[\\t\\n\\v\\f\\r\\x{1c}-\\x{1f}\\x{85}\\p{Z}]+(?P<who>[\\p{L}\\p{N}_]+)$)'
    """
    parsed = _parser.parse(pattern)
    flags = parsed.state.flags
    names = {index: name for name, index in parsed.state.groupdict.items()}
    body = _Writer(flags, names).write(parsed)
    glob = "".join(f for f, bit in (("i", re.I), ("m", re.M), ("s", re.S)) if flags & bit)
    return f"(?{glob}:{body})" if glob else body


@lru_cache(maxsize=4096)
def compile_linear(pattern: str):
    r"""Compile a Python-syntax pattern with RE2 (cached); :class:`LinearPatternError` if it cannot.
    :func:`compile_once` compiles a pattern that serves once, keeping it in no cache.

    The result has ``search``, ``match`` and ``groupindex`` like a compiled ``re`` pattern,
    and its offsets count characters.

    >>> p = compile_linear(r"(?i)photo:\s*(?P<who>[^.]+)$")
    >>> p.search("Photo: José Müller").group("who")
    'José Müller'
    >>> compile_linear(r"(?!x)y")
    Traceback (most recent call last):
    ...
    mediacompare.corpus.linear_re.LinearPatternError: uses a look-ahead or look-behind ((?=...), (?!...), (?<=...), (?<!...)), which needs backtracking
    """
    return compile_once(pattern)


def compile_once(pattern: str):
    r""":func:`compile_linear` without a cache: for a pattern used once (an article's headline).

    The ``re2`` module keeps the last 128 patterns given to ``re2.compile`` in a cache of its
    own; an automaton with Unicode classes takes about half a megabyte, so patterns made for
    one article each would hold some 60 MB there. They are built without that cache (through
    the module's pattern class, when the installed ``re2`` has it).

    >>> compile_once(r"(?i)^by\s+(?P<who>\w+)$").search("By Ann").group("who")
    'Ann'
    """
    import re2

    translated = to_re2(pattern)
    make = getattr(re2, "_Regexp", None)
    try:
        if make is None:  # pragma: no cover  (another release of the bindings)
            return re2.compile(translated, _options())
        return make(translated, _options())
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(
            exc.args[0], bytes) else str(exc)
        raise LinearPatternError(f"RE2 cannot compile it ({reason})") from None


def _options():
    import re2

    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    return options


class LinearFilter:
    """Which of many Python-syntax patterns match a text, found with RE2's ``FilteredRE2``.

    The text is scanned once for the literal strings ("atoms") the patterns
    require (a set of literals, matched by an automaton whose size is bounded
    by the literals'), and only the patterns whose atoms are all there are run
    on it; a pattern that requires no literal is always run. Every step is
    linear in the text. The answer is the one the patterns' own ``search``
    gives, in a fraction of the time when there are dozens of patterns and
    most lines match none (the Python wrapper's cost per call dominates).

    >>> f = linear_filter((r"(?i)^\\s*advertisement\\s*$", r"cookies", r"^\\d+$"))
    >>> sorted(f.matching("We use cookies.")), sorted(f.matching("ADVERTISEMENT")), sorted(f.matching("no"))
    ([1], [0], [])
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        import re2

        self.patterns = patterns
        self._filter = None
        if patterns:
            self._filter = re2.Filter()
            for index, pattern in enumerate(patterns):
                try:
                    translated = to_re2(pattern)
                except LinearPatternError as exc:
                    raise LinearPatternError(str(exc), index) from None
                try:
                    self._filter.Add(translated, _options())
                except re2.error:
                    raise LinearPatternError("RE2 cannot compile it", index) from None
            self._filter.Compile()

    def matching(self, text: str) -> frozenset[int]:
        """The indices of the patterns that match somewhere in ``text``."""
        if self._filter is None:
            return frozenset()
        return frozenset(self._filter.Match(text) or ())

    def regex(self, index: int):
        """Pattern ``index``, compiled once for the filter (``search`` as :func:`compile_linear`'s)."""
        return self._filter.re(index)


@lru_cache(maxsize=64)
def linear_filter(patterns: tuple[str, ...]) -> LinearFilter:
    """A (cached) :class:`LinearFilter` of ``patterns``; :class:`LinearPatternError` (its second
    argument the index of the pattern) if one is refused."""
    return LinearFilter(patterns)
