"""Auditable boilerplate removal, driven by rules kept as data.

The rules live in ``mediacompare/resources/boilerplate.csv`` (columns
``rule_id, category, scope, pattern, credit_kind, reason``; read and checked
by :mod:`.rules`); a user can pass their own file. Each rule's ``pattern`` is a Python regular expression tried
against one line at a time; the first rule that matches a line decides. The
scopes are:

``line``
    drop the matching line.
``rest``
    the line starts end-of-page furniture (a comment section, a mirror-site
    footer): drop its paragraph and everything after it. A ``rest`` rule that
    matches in the first half of the article only drops its own line, so a
    stray "Comments" link near the top cannot swallow the article.
``headline``
    ``{title}`` in the pattern stands for the article's known title; the
    matching line is dropped from the body (the title column keeps it).
``before_headline``
    lines above the headline that no other rule named are page furniture.

``{site}`` in a pattern stands for the outlet's and publisher's names, so a
site-name footer is recognised for any outlet. A rule with a ``credit_kind``
(``photo``, ``copyright``, ``author``) and a ``(?P<who>...)`` group turns the
line into metadata: who wrote or photographed something.

Nothing is lost: every dropped line is recorded with its line number, the
rule that dropped it, the category and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import SCOPES, Rule, load_rules, prefilter

__all__ = ["CleanResult", "Rule", "clean_text", "load_rules"]

#: A link block ends after this many headline-like lines.
BLOCK_MAX_LINES = 12
_END_PUNCT = re.compile(r"[.!,;:]['\"”’)\]]*\s*$")


@dataclass
class CleanResult:
    """The clean body text and the audit of what was removed."""

    text: str
    removed: list[dict] = field(default_factory=list)
    credits: list[dict] = field(default_factory=list)
    title_found: bool = False


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 25 and not _END_PUNCT.search(line)


_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s*$")


def _reads_as_prose(line: str) -> bool:
    """Eight words or more, ending as a sentence ends."""
    return len(line.split()) >= 8 and bool(_SENTENCE_END.search(line))


def _looks_like_link(line: str) -> bool:
    """A line that can be a linked headline under a link block: short, no final full stop."""
    words = line.split()
    return 1 <= len(words) <= 20 and not _END_PUNCT.search(line)


def _same_text(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())
    return bool(key(a)) and key(a) == key(b)


def clean_text(raw: str, *, title: str | None = None, sites: tuple[str, ...] = (),
               rules: tuple[Rule, ...] | None = None, infer_title: bool = False,
               pre_removed: dict[int, dict] | None = None,
               extracted: bool = False) -> CleanResult:
    """Remove boilerplate lines from ``raw`` (newlines already normalised to LF).

    Kept lines are stripped of surrounding whitespace; paragraphs stay
    separated by one blank line, lines of one paragraph by one newline. With
    ``infer_title`` and no ``title``, a short first line without final
    punctuation is taken as the headline (``result.title_found`` and the
    removed record say so). ``pre_removed`` holds records of lines removed
    before the rules ran (by the HTML extractor), by 0-based line index.
    ``extracted`` says a page extractor has already cut the page down to its
    main text: ``rest`` rules then drop only their own line (and not even that
    when a paragraph of the main text follows it: a "Discussion" subheading)
    and ``before_headline`` does not apply, so no rule cuts a paragraph the
    extractor kept.

    >>> r = clean_text("Skip to content\\n\\nBig news\\n\\nIt happened.\\n\\n- Advertisement -\\n\\nMore.",
    ...                title="Big news")
    >>> r.text
    'It happened.\\n\\nMore.'
    >>> [(d["line_no"], d["rule_id"]) for d in r.removed]
    [(1, 'skip_link'), (3, 'headline'), (7, 'advert')]
    """
    rules = rules if rules is not None else load_rules()
    lines = raw.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    removed: dict[int, dict] = dict(pre_removed or {})
    credits: list[dict] = []

    def drop(i: int, rule: Rule, match, trigger: int | None = None) -> None:
        record = {"line_no": i + 1, "text": lines[i].strip(), "rule_id": rule.rule_id,
                  "category": rule.category, "reason": rule.reason,
                  "trigger_line_no": trigger + 1 if trigger is not None else None}
        removed[i] = record
        if rule.credit_kind and match is not None and trigger is None:
            who = (match.group("who") or "").strip(" ,;/-–—")
            if who:
                credits.append({"kind": rule.credit_kind, "who": who, "line_no": i + 1,
                                "text": lines[i].strip(), "rule_id": rule.rule_id})

    by_scope = {scope: [r for r in rules if r.scope == scope] for scope in SCOPES}
    headline_at = None
    title_inferred = False
    if title:
        for rule in by_scope["headline"]:
            pattern = rule.compile(title=title)
            hit = next((i for i in nonblank if i not in removed and pattern is not None
                        and pattern.search(lines[i])), None)
            if hit is not None:
                headline_at = hit
                drop(hit, rule, None)
                break
    # the rules without placeholders are tried together (one pass over the line for the
    # literals they need: linear_re.LinearFilter); the others ({site}) one by one
    line_filter, slot = prefilter(rules)
    line_rules = [(r, line_filter.regex(slot[r.rule_id]) if r.rule_id in slot
                   else r.compile(sites=sites))
                  for r in rules if r.scope in ("line", "rest", "block")]
    line_rules = [(r, p) for r, p in line_rules if p is not None]
    for i in sorted(pre_removed or {}):  # a credit line the extractor left out is still a credit
        for rule, pattern in line_rules:
            if rule.credit_kind and rule.scope == "line":
                match = pattern.search(lines[i])
                if match is not None:
                    drop(i, rule, match)
                    break
    block_rules = [(r, p) for r, p in line_rules if r.scope == "block"]
    half = len(nonblank) / 2
    cut_from = None
    block: tuple[int, Rule] | None = None  # the heading of the link block being read
    for rank, i in enumerate(nonblank):
        if i in removed:
            # a link block is one run of lines: another removal ends it, unless the removed
            # line is itself a block's heading (the extractor dropped it but kept its links)
            block = next(((i, r) for r, p in block_rules if i in (pre_removed or {})
                          and p.search(lines[i])), None)
            continue
        hit = None
        found = line_filter.matching(lines[i])
        for rule, pattern in line_rules:
            k = slot.get(rule.rule_id)
            if k is not None and k not in found:
                continue
            match = pattern.search(lines[i])
            if match is not None:
                hit = (rule, match)
                break
        if hit is None and block is not None:
            heading, rule = block
            if _looks_like_link(lines[i]) and sum(1 for r in removed.values()
                                                   if r.get("trigger_line_no") == heading + 1) \
                    < BLOCK_MAX_LINES:
                drop(i, rule, None, trigger=heading)
                continue
        block = None
        if hit is None:
            continue
        rule, match = hit
        if rule.scope == "rest" and extracted and rank + 1 < len(nonblank) \
                and nonblank[rank + 1] not in removed and _reads_as_prose(lines[nonblank[rank + 1]]):
            # after an extractor, a "Discussion" or "Comments" line followed by a paragraph of
            # the main text is the article's own heading, not the start of a comment section
            continue
        drop(i, rule, match)
        if rule.scope == "block":
            block = (i, rule)
        elif rule.scope == "rest" and rank >= half and not extracted:
            cut_from = i
            break
    if cut_from is not None:
        start = cut_from
        while start > 0 and lines[start - 1].strip() and (start - 1) not in removed:
            start -= 1  # the trigger's whole paragraph (e.g. a "Your Voice" heading above it)
        trigger_rule = next(r for r in rules if r.rule_id == removed[cut_from]["rule_id"])
        for i in nonblank:
            if i >= start and i not in removed:
                drop(i, trigger_rule, None, trigger=cut_from)
    if title is None and infer_title:
        first = next((i for i in nonblank if i not in removed), None)
        if first is not None and _looks_like_headline(lines[first]) and \
                any(i > first and i not in removed for i in nonblank):
            headline_at = first
            title_inferred = True
            removed[first] = {"line_no": first + 1, "text": lines[first].strip(),
                              "rule_id": "headline_inferred", "category": "headline",
                              "reason": "taken as the headline (a short first line without final "
                                        "punctuation, and no title was given); the title column keeps it",
                              "trigger_line_no": None}
    headline_text = title or (lines[headline_at].strip() if headline_at is not None else None)
    if headline_text:
        after = headline_at if headline_at is not None else -1
        first_body = next((i for i in nonblank if i > after and i not in removed), None)
        if first_body is not None and _same_text(lines[first_body], headline_text):
            removed[first_body] = {
                "line_no": first_body + 1, "text": lines[first_body].strip(),
                "rule_id": "headline_repeated", "category": "headline",
                "reason": "the headline repeated as the first line of the body",
                "trigger_line_no": headline_at + 1 if headline_at is not None else None}
    if headline_at is not None and not extracted:
        for rule in by_scope["before_headline"]:
            pattern = rule.compile()
            for i in nonblank:
                if i < headline_at and i not in removed and pattern is not None and pattern.search(lines[i]):
                    drop(i, rule, None)
    parts: list[str] = []
    gap = False
    for i, line in enumerate(lines):
        if i in removed or not line.strip():
            gap = gap or bool(parts)
            continue
        if parts:
            parts.append("\n\n" if gap else "\n")
        parts.append(line.strip())
        gap = False
    result = CleanResult(text="".join(parts),
                         removed=[removed[i] for i in sorted(removed)],
                         credits=credits, title_found=headline_at is not None)
    if title_inferred:
        result.inferred_title = lines[headline_at].strip()  # type: ignore[attr-defined]
    return result
