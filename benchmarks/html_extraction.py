"""Share of article and boilerplate passages kept from HTML news pages: the loader before and after.

The pages (``html_pages/``: 16 templates in the manner of WordPress themes, Arc- and Drupal-style
newspaper systems, a wire service, a live blog, a tabloid, a magazine, a legacy table layout, a
public broadcaster, a blogging platform, a comment-heavy local paper, an AMP page, a page of
bare ``div`` elements, and three held out while the loader was tuned: a newsletter platform, a
Ghost-style blog and a portal that appends the next story; 4 pages each, 16 made-up stories on
14 made-up sites) record the role of
every text block: article, boilerplate (with its kind: menu, comments, teaser...) or neither
(pull quotes repeat the body; embedded posts are the story's or not as one likes).

Both loaders read the same folder with ``load_corpus`` in their own process: "before" is the
package as it was at commit ``4c72392`` (extracted with ``git archive``: the standard library's
HTML parser and the line rules alone), "after" is this checkout (trafilatura, then the line
rules). A passage is kept when its text is in the article's clean text: an article passage
anywhere (whitespace aside); a boilerplate passage as whole words, once its article passages are
taken out of the text, each occurrence counting for one passage. The load is also timed:
rounds alternate before and after, and the table gives the median and the ratio.

Run: ``.venv/bin/python benchmarks/html_extraction.py [--rounds 3] [--out results/html_extraction.md]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import html_pages  # noqa: E402

BASELINE = "4c72392"
TARGET_ARTICLE, TARGET_BOILER = 0.95, 0.15

LOADER = r"""
import json, sys, time
import mediacompare as mc
folder, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
corpus = mc.load_corpus(folder, progress=False)
elapsed = time.perf_counter() - start
texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
json.dump({"seconds": elapsed, "module": mc.__file__, "texts": texts}, open(out, "w"))
"""


def baseline_tree(where: Path, commit: str = BASELINE) -> Path:
    """The package as it was at ``commit``, extracted under ``where``."""
    where.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "mediacompare"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def run_loader(tree: Path, folder: Path, out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), MEDIACOMPARE_PROGRESS="0")
    subprocess.run([sys.executable, "-c", LOADER, str(folder), str(out)], env=env, check=True,
                   cwd=str(folder.parent))
    result = json.loads(out.read_text(encoding="utf-8"))
    assert Path(result["module"]).resolve().is_relative_to(tree.resolve()), result["module"]
    return result


def _norm(text: str) -> str:
    return " ".join(text.split())


def score(page: html_pages.Page, text: str) -> dict:
    """Which of the page's article and boilerplate passages the clean text kept."""
    flat = _norm(text)
    article = page.of("article")
    kept_article = [(cat, p) for cat, p in article if p in flat]
    residue = flat
    for _, p in sorted(article + page.of("neutral"), key=lambda x: -len(x[1])):
        residue = residue.replace(p, " | ")
    kept_boiler = []
    for cat, p in sorted(page.of("boiler"), key=lambda x: -len(x[1])):
        match = re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", residue)
        if match:
            kept_boiler.append((cat, p))
            residue = residue[:match.start()] + " | " + residue[match.end():]
    return {"article": article, "kept_article": kept_article, "boiler": page.of("boiler"),
            "kept_boiler": kept_boiler}


def share(n: int, d: int) -> str:
    return f"{n / d:.1%}" if d else "n/a"


def summarise(pages, scores) -> dict:
    tot = {"a": 0, "ka": 0, "b": 0, "kb": 0, "pages_a": 0, "pages_b": 0}
    for page in pages:
        sc = scores[page.name]
        a, ka, b, kb = len(sc["article"]), len(sc["kept_article"]), len(sc["boiler"]), len(sc["kept_boiler"])
        tot["a"] += a
        tot["ka"] += ka
        tot["b"] += b
        tot["kb"] += kb
        tot["pages_a"] += ka / a >= TARGET_ARTICLE
        tot["pages_b"] += kb / b <= TARGET_BOILER
    precision = tot["ka"] / (tot["ka"] + tot["kb"]) if tot["ka"] + tot["kb"] else 0.0
    recall = tot["ka"] / tot["a"]
    tot["f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tot


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default=str(HERE / "results" / "html_extraction.md"))
    parser.add_argument("--keep", help="write the pages to this folder and keep them")
    parser.add_argument("--extra", action="append", default=[], metavar="COMMIT",
                        help="also measure the package at this commit (repeatable)")
    args = parser.parse_args(argv)
    pages = html_pages.generate()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = Path(args.keep) if args.keep else tmp / "pages"
        html_pages.write(folder, pages)
        trees = {}
        for name, commit in [("before", BASELINE)] + [(f"at {c}", c) for c in args.extra]:
            try:
                trees[name] = baseline_tree(tmp / commit, commit)
            except (subprocess.CalledProcessError, FileNotFoundError) as exc:
                print(f"cannot extract the package at {commit} with git archive: {exc}")
                return 2
        trees["after"] = ROOT
        seconds = defaultdict(list)
        texts = {}
        for r in range(args.rounds):
            for name in (list(trees) if r % 2 == 0 else list(reversed(trees))):
                result = run_loader(trees[name], folder, tmp / f"{name}.json")
                seconds[name].append(result["seconds"])
                texts.setdefault(name, result["texts"])
    by_name = {}
    for name in trees:
        by_name[name] = {p.name: score(p, texts[name].get(p.name, "")) for p in pages}
    lines = report(pages, by_name, seconds, args.rounds)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


def report(pages, by_name, seconds, rounds) -> list[str]:
    n_tpl = len({p.template for p in pages})
    tot = {name: summarise(pages, sc) for name, sc in by_name.items()}
    extras = [name for name in by_name if name not in ("before", "after")]
    n_neutral = sum(len(p.of("neutral")) for p in pages)
    machine = (f"{datetime.date.today()}; {os.cpu_count()} cores; Python {platform.python_version()} "
               f"on {platform.system()} {platform.release()}")
    out = [
        "# HTML pages: article and boilerplate passages kept, before and after",
        "",
        f"Machine: {machine}. Command: `python benchmarks/html_extraction.py`.",
        "",
        f"{len(pages)} pages from {n_tpl} templates (`benchmarks/html_pages/`: written for the benchmark, "
        f"made-up stories and sites, no text from a real site), {tot['after']['a']:,} article passages and "
        f"{tot['after']['b']:,} boilerplate passages ({n_neutral} pull quotes and embedded posts scored in "
        "neither). Before: the package at commit "
        f"`{BASELINE}` (standard-library HTML parser and line rules). After: this checkout (trafilatura, "
        "then the line rules). Both run `load_corpus` on the same folder, each in its own process, "
        f"in {rounds} interleaved rounds. Targets: at least {TARGET_ARTICLE:.0%} of article passages and "
        f"at most {TARGET_BOILER:.0%} of boilerplate passages kept.",
        "",
        "| loader | article kept | boilerplate kept | passage F1 | pages with ≥95% article | "
        "pages with ≤15% boilerplate | load seconds (median) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    held = set(html_pages.HELD_OUT)
    groups = [("all pages", pages), (f"the {n_tpl - len(held)} templates tuned on",
                                     [p for p in pages if p.template not in held]),
              (f"the {len(held)} held-out templates", [p for p in pages if p.template in held])]
    for name in by_name:
        for label, group in groups:
            t = summarise(group, by_name[name])
            out.append(f"| {name}, {label} | {share(t['ka'], t['a'])} ({t['ka']}/{t['a']}) | "
                       f"{share(t['kb'], t['b'])} ({t['kb']}/{t['b']}) | {t['f1']:.3f} | "
                       f"{t['pages_a']}/{len(group)} | {t['pages_b']}/{len(group)} | "
                       + (f"{statistics.median(seconds[name]):.2f} |" if group is pages else "|"))
    ratio = statistics.median(seconds["after"]) / statistics.median(seconds["before"])
    out += ["", f"The held-out templates ({', '.join(sorted(held))}) were written after the "
                "loader's settings and rules were tuned on the others, and run once.",
            *([f"\n{', '.join(extras)}: the package at that commit, measured the same way, "
               "for the record of how the figures moved."] if extras else []),
            "", f"Loading takes {ratio:.1f}x as long after as before (median of {rounds} "
                "interleaved rounds, each a fresh process, the load alone timed): the extractor parses "
                "each page a second time, and compiling the cleaning rules for RE2 takes about a "
                "second once a process (`benchmarks/results/clean_cost.md`).", "", "## By template", "",
            "| template | pages | article kept before | after | boilerplate kept before | after |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for template in dict.fromkeys(p.template for p in pages):
        group = [p for p in pages if p.template == template]
        cells = []
        for key, kept in (("article", "kept_article"), ("boiler", "kept_boiler")):
            for name in ("before", "after"):
                n = sum(len(by_name[name][p.name][key]) for p in group)
                k = sum(len(by_name[name][p.name][kept]) for p in group)
                cells.append(share(k, n))
        out.append(f"| {template} | {len(group)} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")
    out += ["", "## Boilerplate kept, by kind", "", "| kind | passages | kept before | kept after |",
            "| --- | ---: | ---: | ---: |"]
    kinds = defaultdict(lambda: [0, 0, 0])
    for p in pages:
        for cat, _ in by_name["after"][p.name]["boiler"]:
            kinds[cat][0] += 1
        for i, name in enumerate(("before", "after"), start=1):
            for cat, _ in by_name[name][p.name]["kept_boiler"]:
                kinds[cat][i] += 1
    for cat, (n, b, a) in sorted(kinds.items(), key=lambda kv: -kv[1][0]):
        out.append(f"| {cat} | {n} | {share(b, n)} | {share(a, n)} |")
    out += ["", "## Pages under a target after", ""]
    misses = []
    for p in pages:
        sc = by_name["after"][p.name]
        lost = [t for c, t in sc["article"] if (c, t) not in sc["kept_article"]]
        kb = len(sc["kept_boiler"]) / len(sc["boiler"])
        if lost or kb > TARGET_BOILER:
            misses.append(f"- `{p.name}`: article {share(len(sc['kept_article']), len(sc['article']))}, "
                          f"boilerplate {kb:.0%}" + (f"; lost: {'; '.join(repr(t[:70]) for t in lost[:3])}"
                                                    if lost else "")
                          + (f"; kept boilerplate: {', '.join(repr(t[:40]) for _, t in sc['kept_boiler'][:4])}"
                             if kb > TARGET_BOILER else ""))
    out += misses or ["None."]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
