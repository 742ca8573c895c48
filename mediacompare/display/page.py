"""The standalone page shared by the HTML views (highlights, side-by-side comparisons), the
content security policy of every page, and the marked style elements the report shares.

A view's ``_repr_html_`` carries its style sheet in a ``<style data-mc-style="NAME">``
element (:func:`shared_style`), so the fragment looks right on its own in
JupyterLab. The HTML report puts every such sheet once into its one style sheet
file, and drops these elements from its pages (:data:`SHARED_STYLE`).
"""

from __future__ import annotations

import re
from html import escape

__all__ = ["CONTENT_SECURITY_POLICY", "SHARED_STYLE", "shared_style", "standalone_page"]

#: Every page mediacompare writes carries this policy: no script of any kind, nothing
#: loaded from anywhere but the page's own site or folder (the report's one style sheet,
#: ``'self'`` over http and ``file:`` when opened from a disk); only styles and embedded
#: (``data:``) images. Article text is escaped anyway; the policy makes the browser
#: refuse whatever might slip through.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self' 'unsafe-inline' file:; "
                           "img-src data:")

#: A style element made by :func:`shared_style` (group 1: its name).
SHARED_STYLE = re.compile(r'<style data-mc-style="([a-z-]+)">.*?</style>\n?', re.S)


def shared_style(name: str, css: str) -> str:
    """A style element marked as the shared sheet ``name`` (the report drops it from its
    pages, whose one style sheet holds it).

    >>> shared_style("table", "td{color:red}")
    '<style data-mc-style="table">\\ntd{color:red}</style>'
    """
    return f'<style data-mc-style="{name}">\n{css}</style>'


def standalone_page(title: str, css: str, scope: str, content: str) -> str:
    """A complete page: doctype, UTF-8 charset, a content security policy that forbids every
    script and every load from elsewhere (:data:`CONTENT_SECURITY_POLICY`), inline CSS, and
    ``content`` inside ``div.{scope}``."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"mediacompare\">\n"
            f"<title>{escape(title, quote=True)}</title>\n<style>\nbody{{margin:16px 20px;"
            f"background:#fff}}\n{css}</style>\n</head>\n<body>\n"
            f'<div class="{scope}">\n{content}\n</div>\n</body>\n</html>\n')
