"""Share of article and boilerplate passages kept from HTML news pages: old loader vs new.

The pages are written here from the patterns real news sites use (menus, cookie banners,
bylines, captions, share bars, newsletter prompts, teasers, related links, comment sections,
footers), with varied markup; each passage is known to be article or boilerplate. "Old" is the
standard-library parser with the line rules alone; "new" is the loader (trafilatura, then the
line rules). Run: ``python benchmarks/html_extraction.py``.
"""

from __future__ import annotations

import random
import re

from mediacompare.corpus.clean import clean_text, load_rules
from mediacompare.corpus.extract import extract_page
from mediacompare.corpus.htmltext import html_to_text

SUBJECTS = ["the minister", "the mayor", "the central bank", "the opposition leader", "the union",
            "the regional governor", "the foreign ministry", "the health agency"]
PLACES = ["Geneva", "Nairobi", "Lima", "Oslo", "Manila", "Tbilisi", "Accra", "Quito"]
VERBS = ["said on Monday", "told reporters", "announced late on Tuesday", "confirmed in a statement"]
BOILER = {
    "nav": ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion"],
    "cookie": ["We use cookies to personalise content and ads. By continuing you accept our use of cookies.",
               "Accept all cookies"],
    "share": ["Share on Facebook", "Share on Twitter", "Email", "Print"],
    "newsletter": ["Sign up for our daily newsletter", "Get the best stories delivered to your inbox every morning."],
    "related": ["Related stories", "Floods force thousands from their homes", "Markets slide as oil price climbs",
                "Court halts mining project after protests"],
    "comments": ["Comments", "This is the worst decision they could make, I have said it for years.",
                 "Totally agree with the previous comment, nothing will change."],
    "footer": ["© 2024 The Example Courier. All rights reserved.", "Privacy policy", "Terms of use"],
    "promo": ["Most popular", "Storm warning issued for the coast", "Five things to know today"],
}


def sentence(rng: random.Random, i: int) -> str:
    return (f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} that talks in "
            f"{rng.choice(PLACES)} would continue for a {['second', 'third', 'fourth'][i % 3]} "
            f"week, with {rng.randint(3, 40)} delegations taking part and a vote expected "
            f"before the end of the month (paragraph {i}).")


def page(seed: int) -> tuple[str, list[str], list[str]]:
    rng = random.Random(seed)
    body = [sentence(rng, i) for i in range(rng.randint(5, 11))]
    title = f"Talks in {rng.choice(PLACES)} enter week {seed % 5 + 2} as delegations dig in"
    boiler = []
    parts = ["<html><head>", f"<title>{title} | The Example Courier</title>",
             '<meta name="author" content="Ana Ruiz"></head><body>']
    style = seed % 3

    def block(tag, key, cls):
        boiler.extend(BOILER[key])
        items = "".join(f"<li><a href='/x{k}'>{t}</a></li>" for k, t in enumerate(BOILER[key]))
        return f"<{tag} class='{cls}'><ul>{items}</ul></{tag}>"

    parts.append(block("nav", "nav", "site-nav"))
    parts.append(f"<div class='cookie-banner'><p>{BOILER['cookie'][0]}</p><button>{BOILER['cookie'][1]}</button></div>")
    boiler.extend(BOILER["cookie"])
    wrapper = ["article", "div class='story-body'", "main"][style]
    parts.append(f"<{wrapper}><h1>{title}</h1><p class='byline'>By Ana Ruiz</p>")
    boiler.append("By Ana Ruiz")
    for i, para in enumerate(body):
        parts.append(f"<p>{para}</p>")
        if i == 1:
            parts.append(block("div", "share", "share-bar"))
            parts.append("<figure><img src='a.jpg'><figcaption>Delegates arrive for the talks. "
                         "(Photo: Reuters/Jane Lee)</figcaption></figure>")
            boiler.append("Delegates arrive for the talks. (Photo: Reuters/Jane Lee)")
        if i == 3:
            parts.append(f"<aside class='newsletter'><p>{BOILER['newsletter'][0]}</p><p>{BOILER['newsletter'][1]}</p></aside>")
            boiler.extend(BOILER["newsletter"])
    parts.append(f"</{wrapper.split()[0]}>")
    parts.append("<aside class='related'><h3>Related stories</h3><ul>"
                 + "".join(f"<li><a href='/r{k}'>{t}</a></li>" for k, t in enumerate(BOILER["related"][1:])) + "</ul></aside>")
    boiler.extend(BOILER["related"])
    parts.append("<section id='comments'><h3>Comments</h3>" + "".join(
        f"<div class='comment'><p>{c}</p></div>" for c in BOILER["comments"][1:]) + "</section>")
    boiler.extend(BOILER["comments"])
    parts.append(block("div", "promo", "most-popular"))
    parts.append("<footer>" + "".join(f"<p>{t}</p>" for t in BOILER["footer"]) + "</footer></body></html>")
    boiler.extend(BOILER["footer"])
    return "".join(parts), body, boiler


def kept(text: str, passages: list[str]) -> int:
    norm = re.sub(r"\s+", " ", text)
    return sum(re.sub(r"\s+", " ", p) in norm for p in passages)


def main(n_pages: int = 30) -> None:
    rules = load_rules()
    totals = {"old": [0, 0], "new": [0, 0]}
    n_body = n_boiler = 0
    for seed in range(n_pages):
        markup, body, boiler = page(seed)
        n_body += len(body)
        n_boiler += len(boiler)
        old = html_to_text(markup)
        old_text = clean_text(old.text, title=old.title, rules=rules).text
        new = extract_page(markup)
        new_text = clean_text(new.text, title=new.title, rules=rules, pre_removed=new.removed,
                              extracted=new.extracted).text
        for name, text in (("old", old_text), ("new", new_text)):
            totals[name][0] += kept(text, body)
            totals[name][1] += kept(text, boiler)
    print(f"{n_pages} pages, {n_body} article passages, {n_boiler} boilerplate passages")
    print("loader  article kept  boilerplate kept")
    for name, (a, b) in totals.items():
        print(f"{name:6}  {a / n_body:11.1%}  {b / n_boiler:15.1%}")


if __name__ == "__main__":
    main()
