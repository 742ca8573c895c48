"""News pages for the HTML extraction benchmark, with every passage's role known.

:func:`generate` writes ``n_per_template`` pages from each template of :mod:`templates`, each
page a story of :mod:`stories` on a site of :mod:`furniture`, all chosen by a seeded random
generator (the same seed gives the same pages). Everything is written for the benchmark; no text
comes from a real site.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import Doc, Page, fill  # noqa: E402
from furniture import SITES  # noqa: E402
from stories import STORIES  # noqa: E402
from held_out import HELD_OUT  # noqa: E402
from templates import TEMPLATES  # noqa: E402

__all__ = ["HELD_OUT", "Page", "TEMPLATES", "generate", "write"]


def generate(n_per_template: int = 4, seed: int = 0) -> list[Page]:
    """The benchmark's pages: ``n_per_template`` of each template (those the loader was tuned
    on, then the held-out ones), stories and sites rotated."""
    rng = random.Random(seed)
    pages = []
    k = 0
    for name, template in {**TEMPLATES, **HELD_OUT}.items():
        for variant in range(n_per_template):
            story = STORIES[(k * 5 + variant) % len(STORIES)]
            site, domain = SITES[(k * 3 + variant) % len(SITES)]
            page_rng = random.Random(rng.random())
            doc = Doc(page_rng, site, domain, fill(story, page_rng))
            template(doc, variant)
            pages.append(Page(f"{name}-{variant}-{story.key}", name, doc.markup(), doc.passages))
        k += 1
    return pages


def write(folder: Path, pages: list[Page]) -> list[Path]:
    """Write each page to ``folder/<name>.html`` (UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in pages:
        path = folder / f"{page.name}.html"
        path.write_text(page.markup, encoding="utf-8")
        paths.append(path)
    return paths
