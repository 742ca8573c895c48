"""The page builder: markup written block by block, each text block recorded with its role.

A role is ``article`` (a passage of the story), ``boiler`` (page furniture, with a category such
as ``nav`` or ``comments``) or ``neutral`` (scored in neither share: a pull quote repeats the
body, an embedded post is the story's or not as one likes). The headline is in none: the loaders
move it to the title column.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass

from furniture import (AD_LABELS, BEATS, BIOS, CITIES, COMMENTERS, COMMENTS, COOKIE, CREDIT_STYLES,
                       CREDITS, FOOTER_LEGAL, FOOTER_LINKS, HEADLINES, MEGA, NEWSLETTER_SMALL,
                       NEWSLETTERS, PAYWALL, SECTIONS, SHARE, TAG_HEADINGS, TEASERS, UTILITY)
from stories import PEOPLE, TOWNS, Story

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_EM = re.compile(r"\*([^*]+)\*")


def plain(text: str) -> str:
    """The visible text of a block written with ``[link](url)`` and ``*emphasis*``."""
    return _EM.sub(r"\1", _LINK.sub(r"\1", text))


def inline(text: str) -> str:
    """Markup of a block written with ``[link](url)`` and ``*emphasis*`` (text escaped)."""
    out = html.escape(text, quote=False)
    out = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', out)
    return _EM.sub(r"<em>\1</em>", out)


@dataclass
class Page:
    name: str
    template: str
    markup: str
    passages: list[tuple[str, str, str]]  # (role, category, text)

    def of(self, role: str) -> list[tuple[str, str]]:
        seen, out = set(), []
        for r, cat, text in self.passages:
            key = " ".join(text.split())
            if r == role and key and key not in seen:
                seen.add(key)
                out.append((cat, key))
        return out


@dataclass
class Filled:
    """A story with its placeholders filled for one page."""

    story: Story
    headline: str
    standfirst: str
    paras: list[str]
    subheads: dict[int, str]
    bullets: list[str]
    table: tuple | None
    blockquote: str | None
    caption: str
    tweet: tuple[str, str] | None
    author: str
    people: list[str]
    town: str


def fill(story: Story, rng: random.Random) -> Filled:
    people = rng.sample(PEOPLE, 4)
    town = rng.choice(TOWNS)
    values = {"town": town}
    for key, (first, last) in zip("ABC", people):
        values[key] = f"{first} {last}"
        values[key + "_"] = last

    def f(text: str) -> str:
        return text.format(**values)

    table = None
    if story.table:
        caption, header, rows = story.table
        table = (f(caption), header, rows)
    return Filled(story, f(story.headline), f(story.standfirst), [f(p) for p in story.paras],
                  {k: f(v) for k, v in story.subheads.items()}, [f(b) for b in story.bullets],
                  table, f(story.blockquote) if story.blockquote else None, f(story.caption),
                  (f(story.tweet[0]), f(story.tweet[1])) if story.tweet else None,
                  f"{people[3][0]} {people[3][1]}", [values[k] for k in "ABC"], town)


class Doc:
    """Markup written piece by piece, with every text block's role recorded."""

    def __init__(self, rng: random.Random, site: str, domain: str, story: Filled) -> None:
        self.rng, self.site, self.domain, self.s = rng, site, domain, story
        self.parts: list[str] = []
        self.passages: list[tuple[str, str, str]] = []

    # ---------------------------------------------------------------- primitives
    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def block(self, tag: str, text: str, role: str, cat: str = "", attrs: str = "") -> None:
        """``<tag attrs>text</tag>``, the text recorded with its role."""
        # a line break after each element, as page sources have (inline elements written
        # back to back would run their words together, as a browser shows them)
        self.parts.append(f"<{tag}{' ' + attrs if attrs else ''}>{inline(text)}</{tag}>\n")
        self.note(role, cat, text)

    def note(self, role: str, cat: str, text: str) -> None:
        self.passages.append((role, cat or role, plain(text)))

    def art(self, tag: str, text: str, attrs: str = "") -> None:
        self.block(tag, text, "article", "body", attrs)

    def boil(self, tag: str, text: str, cat: str, attrs: str = "") -> None:
        self.block(tag, text, "boiler", cat, attrs)

    def links(self, items: list[str], cat: str, *, outer: str = "ul", attrs: str = "",
              li: str = "li", href: str = "/section/") -> None:
        self.raw(f"<{outer}{' ' + attrs if attrs else ''}>")
        for item in items:
            slug = re.sub(r"\W+", "-", item.lower()).strip("-")
            self.raw(f'<{li}><a href="{href}{slug}">{html.escape(item, quote=False)}</a></{li}>\n')
            self.note("boiler", cat, item)
        self.raw(f"</{outer}>")

    # ---------------------------------------------------------------- furniture
    def pick(self, seq, k: int = 1):
        return self.rng.sample(list(seq), k) if k > 1 else self.rng.choice(list(seq))

    def headlines(self, k: int) -> list[str]:
        return self.rng.sample(HEADLINES, k)

    def nav(self, tag: str = "nav", attrs: str = 'class="site-nav"', k: int = 9) -> None:
        self.raw(f"<{tag} {attrs}>")
        self.links(["Home"] + self.rng.sample(SECTIONS, k), "nav")
        self.raw(f"</{tag}>")

    def mega_menu(self) -> None:
        self.raw('<nav class="mega-menu" aria-label="Main"><ul class="menu-level-1">')
        for section, subs in self.rng.sample(sorted(MEGA.items()), 4):
            self.raw(f'<li class="has-children"><a href="/{section.lower()}">{section}</a>')
            self.note("boiler", "megamenu", section)
            self.raw('<div class="mega-panel">')
            self.links(subs, "megamenu", attrs='class="menu-level-2"')
            head = self.pick(HEADLINES)
            self.raw(f'<div class="mega-featured"><a href="/f"><span>{html.escape(head)}</span></a></div>')
            self.note("boiler", "megamenu", head)
            self.raw("</div></li>")
        self.raw("</ul></nav>")

    def utility(self, attrs: str = 'class="utility-bar"') -> None:
        self.raw(f"<div {attrs}>")
        self.links(self.rng.sample(UTILITY, 4), "nav")
        self.raw("</div>")

    def breadcrumb(self, style: int = 0) -> None:
        trail = ["Home", "News", self.s.story.section]
        if style == 0:
            self.raw('<nav class="breadcrumb" aria-label="Breadcrumb"><ol>')
            for t in trail:
                self.raw(f'<li><a href="/{t.lower()}">{t}</a></li>')
                self.note("boiler", "breadcrumb", t)
            self.raw("</ol></nav>")
        else:
            self.boil("div", " › ".join(trail), "breadcrumb", 'class="crumbs"')

    def cookie(self, attrs: str = 'id="cookie-banner" class="consent"') -> None:
        text, buttons = self.pick(COOKIE)
        self.raw(f"<div {attrs}>")
        self.boil("p", text, "cookie")
        for b in buttons:
            self.boil("button", b, "cookie")
        self.raw("</div>")

    def share(self, attrs: str = 'class="share-bar"') -> None:
        self.raw(f"<div {attrs}>")
        for label in self.pick(SHARE):
            self.boil("a", label, "share", 'href="#share"')
        self.raw("</div>")

    def newsletter(self, attrs: str = 'class="newsletter-signup"', tag: str = "aside") -> None:
        head, text = self.pick(NEWSLETTERS)
        self.raw(f"<{tag} {attrs}>")
        self.boil("h3", head, "newsletter")
        self.boil("p", text, "newsletter")
        self.raw('<form><input type="email" placeholder="Your email address">')
        self.boil("button", "Sign up", "newsletter")
        self.raw("</form>")
        self.boil("p", self.pick(NEWSLETTER_SMALL), "newsletter", 'class="small"')
        self.raw(f"</{tag}>")

    def paywall(self, attrs: str = 'class="paywall-prompt"') -> None:
        head, text = self.pick(PAYWALL)
        self.raw(f"<div {attrs}>")
        self.boil("h2", head, "paywall")
        self.boil("p", text, "paywall")
        self.boil("a", self.pick(["Subscribe", "See subscription options", "Support us", "Join now"]),
                  "paywall", 'class="btn" href="/subscribe"')
        self.raw("</div>")

    def ad(self, attrs: str = 'class="ad-slot"') -> None:
        self.raw(f"<div {attrs}>")
        self.boil("span", self.pick(AD_LABELS), "ad", 'class="ad-label"')
        self.raw('<div id="div-gpt-ad-1"></div></div>')

    def caption(self, tag: str = "figcaption", attrs: str = "", together: bool | None = None) -> None:
        credit = self.pick(CREDITS).format(site=self.site)
        style = self.pick(CREDIT_STYLES)
        together = self.rng.random() < 0.5 if together is None else together
        cap = self.s.caption + "."
        if together:
            self.boil(tag, f"{cap} {style.format(credit=credit)}", "caption", attrs)
        else:
            self.raw(f"<{tag}{' ' + attrs if attrs else ''}>")
            self.boil("span", cap, "caption", 'class="caption-text"')
            self.boil("span", style.format(credit=credit), "caption", 'class="credit"')
            self.raw(f"</{tag}>")

    def figure(self, attrs: str = 'class="lead-image"') -> None:
        self.raw(f'<figure {attrs}><img src="/img/{self.rng.randint(1000, 9999)}.jpg" alt="">')
        self.caption()
        self.raw("</figure>")

    def related(self, head: str = "Related stories", attrs: str = 'class="related"', k: int = 4,
                tag: str = "aside", summaries: bool = False, cat: str = "related") -> None:
        self.raw(f"<{tag} {attrs}>")
        if head:
            self.boil("h3", head, cat)
        self.raw("<ul>")
        for h in self.headlines(k):
            self.raw(f'<li><a href="/story/{self.rng.randint(10**6, 10**7)}">')
            self.boil("span", h, cat, 'class="headline"')
            if summaries:
                self.boil("p", self.pick(TEASERS), cat, 'class="summary"')
            self.raw("</a></li>")
        self.raw(f"</ul></{tag}>")

    def cards(self, head: str, k: int = 3, attrs: str = 'class="card-rail"', cat: str = "teaser") -> None:
        self.raw(f"<section {attrs}>")
        self.boil("h2", head, cat)
        for h in self.headlines(k):
            self.raw(f'<div class="card"><a href="/a/{self.rng.randint(100, 999)}">')
            self.boil("h3", h, cat)
            self.raw("</a>")
            self.boil("p", self.pick(TEASERS), cat)
            self.boil("span", self.pick(["4 min read", "Read more", "Video, 2 minutes",
                                         f"{self.rng.randint(2, 40)} comments"]), cat, 'class="meta"')
            self.raw("</div>")
        self.raw("</section>")

    def most_read(self, head: str = "Most read", attrs: str = 'class="most-read"', k: int = 5) -> None:
        self.raw(f"<div {attrs}>")
        self.boil("h2", head, "related")
        self.raw("<ol>")
        for h in self.headlines(k):
            self.raw(f'<li><a href="/m/{self.rng.randint(100, 999)}">{html.escape(h, quote=False)}</a></li>')
            self.note("boiler", "related", h)
        self.raw("</ol></div>")

    def tags(self, attrs: str = 'class="tags"', with_head: bool = True) -> None:
        self.raw(f"<div {attrs}>")
        if with_head:
            self.boil("h4", self.pick(TAG_HEADINGS), "tags")
        self.links(self.s.story.tags, "tags", href="/topic/")
        self.raw("</div>")

    def bio(self, attrs: str = 'class="author-bio"') -> None:
        first = self.s.author.split()[0]
        pron = "She" if first in ("Marta", "Ilse", "Amara", "Priya", "Colette", "Aoife", "Leila",
                                  "Sunniva", "Mei", "Branka", "Noor", "Esther") else "He"
        text = self.pick(BIOS).format(name=self.s.author, beat=self.pick(BEATS), pron=pron,
                                      pron_low={"She": "her", "He": "him"}[pron],
                                      year=self.rng.randint(2009, 2021), city=self.pick(CITIES),
                                      city2=self.pick(CITIES), handle=first.lower(),
                                      domain=self.domain)
        self.raw(f"<div {attrs}>")
        self.boil("p", text, "bio")
        self.raw("</div>")

    def comments(self, k: int, *, attrs: str = 'id="comments" class="comments-area"',
                 head: str | None = None, item: str = "li", with_meta: bool = True,
                 plain: bool = False) -> None:
        """A comment section; ``plain`` names none of its parts "comment" (a thread of posts)."""
        names = (("thread", "post", "post-body", "post-action") if plain else
                 ("comment-list", "comment", "comment-body", "comment-reply-link"))
        self.raw(f"<{'div' if plain else 'section'} {attrs}>")
        self.boil("h2", head or f"{k} comments", "comments")
        self.raw(f'<ol class="{names[0]}">' if item == "li" else f'<div class="{names[0]}">')
        for text in self.rng.sample(COMMENTS, k):
            self.raw(f'<{item} class="{names[1]}"><div class="{names[2]}">')
            if with_meta:
                self.boil("b", self.pick(COMMENTERS), "comments", 'class="fn"')
                self.boil("time", f"{self.rng.randint(2, 23)} hours ago", "comments")
            self.boil("p", text, "comments")
            self.boil("a", self.pick(["Reply", "Report", f"Like ({self.rng.randint(1, 90)})"]),
                      "comments", f'class="{names[3]}"')
            self.raw(f"</div></{item}>")
        self.raw("</ol>" if item == "li" else "</div>")
        self.raw("</div>" if plain else "</section>")

    def footer(self, attrs: str = 'class="site-footer"', tag: str = "footer") -> None:
        self.raw(f"<{tag} {attrs}>")
        self.links(self.rng.sample(FOOTER_LINKS, 6), "footer")
        for text in self.rng.sample(FOOTER_LEGAL, 2):
            self.boil("p", text.format(year=2024, site=self.site, town=self.s.town), "footer")
        self.raw(f"</{tag}>")

    def dateline(self, style: int) -> str:
        day, month = self.rng.randint(1, 28), self.pick(["January", "March", "May", "June", "September", "November"])
        hour, minute = self.rng.randint(6, 22), self.rng.randint(0, 59)
        return [f"{day} {month} 2024", f"{month} {day}, 2024 {hour % 12 or 12}:{minute:02d} "
                f"{'p.m.' if hour >= 12 else 'a.m.'}", f"Published {day} {month[:3]} 2024, "
                f"{hour:02d}:{minute:02d} GMT", f"Updated {hour:02d}:{minute:02d}, {day} {month} 2024",
                f"2024-{self.rng.randint(1, 12):02d}-{day:02d}"][style % 5]

    # ---------------------------------------------------------------- the story
    def body(self, *, p: str = "p", p_attrs: str = "", wrap: str | None = None, h: str = "h2",
             inserts: dict[int, list] | None = None, links: bool = True, br: bool = False) -> None:
        """The story's body: paragraphs with their subheads, list, table and quotation, and
        ``inserts[i]`` (callables writing furniture) after paragraph ``i``."""
        s, story = self.s, self.s.story
        inserts = inserts or {}
        for i, para in enumerate(s.paras):
            if i in s.subheads:
                self.art(h, s.subheads[i])
            text = para
            if links and i % 3 == 1:
                words = text.split(" ")
                at = self.rng.randint(3, max(3, len(words) - 5))
                n = self.rng.randint(2, 4)
                text = " ".join(words[:at] + ["[" + " ".join(words[at:at + n]) + "](/story/"
                                              + str(self.rng.randint(10**5, 10**6)) + ")"]
                                + words[at + n:])
            if br:
                self.raw(inline(text) + "<br><br>\n")
                self.note("article", "body", text)
            elif wrap:
                self.raw(f"<{wrap}>")
                self.art(p, text, p_attrs)
                self.raw(f"</{wrap.split()[0]}>")
            else:
                self.art(p, text, p_attrs)
            if s.bullets and i == story.bullets_at:
                self.raw("<ul>")
                for b in s.bullets:
                    self.art("li", b)
                self.raw("</ul>")
            if s.table and i == story.table_at:
                self.table()
            if s.blockquote and i == story.blockquote_at:
                self.art("blockquote", s.blockquote)
            for write in inserts.get(i, []):
                write()

    def table(self) -> None:
        caption, header, rows = self.s.table
        self.raw("<table>")
        self.art("caption", caption)
        self.raw("<thead><tr>" + "".join(f"<th>{c}</th>" for c in header) + "</tr></thead><tbody>")
        self.note("article", "body", " ".join(c for c in header if c))
        for row in rows:
            self.raw("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
            self.note("article", "body", " ".join(row))
        self.raw("</tbody></table>")

    def pull_quote(self, attrs: str = 'class="pullquote"') -> None:
        story = self.s.story
        if story.pull is None:
            return
        sentence = self.s.paras[story.pull].split("”")[0].lstrip("“") + "”"
        self.block("aside", "“" + sentence, "neutral", "pull_quote", attrs)

    def tweet(self) -> None:
        if not self.s.tweet:
            return
        text, who = self.s.tweet
        self.raw('<blockquote class="twitter-tweet">')
        self.block("p", text, "neutral", "embed", 'lang="en" dir="ltr"')
        self.block("span", f"— {who} (@{re.sub(r'[^A-Za-z]', '', who)[:15]}) "
                   f"{self.dateline(0)}", "neutral", "embed")
        self.raw('</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')

    def head(self, title_suffix: bool = True, meta: bool = True) -> None:
        s = self.s
        title = f"{s.headline} | {self.site}" if title_suffix else s.headline
        self.raw(f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                 f"{html.escape(title)}</title>")
        if meta:
            self.raw(f'<meta property="og:title" content="{html.escape(s.headline)}">'
                     f'<meta name="author" content="{html.escape(s.author)}">'
                     f'<meta property="article:published_time" content="2024-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}T08:00:00Z">')
        self.raw("<style>body{font-family:serif}.ad-slot{min-height:250px}</style>"
                 "<script>window.dataLayer=window.dataLayer||[];</script></head><body>")

    def markup(self) -> str:
        return "".join(self.parts) + "</body></html>"
