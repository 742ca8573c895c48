"""The standalone page shared by the HTML views (highlights, side-by-side comparisons)."""

from __future__ import annotations

from html import escape

__all__ = ["CONTENT_SECURITY_POLICY", "standalone_page"]

#: Every page mediacompare writes carries this policy: no script of any kind, nothing
#: loaded from anywhere; only inline styles and embedded (``data:``) images. Article text
#: is escaped anyway; the policy makes the browser refuse whatever might slip through.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


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
