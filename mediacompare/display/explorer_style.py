"""The style sheet of the explorer's outputs (:mod:`.explorer_render`): every selector starts
with ``.mc-ex``; the report's stylesheet gathers it with the others."""

__all__ = ["STYLE_SHEET"]

STYLE_SHEET = """\
.mc-ex{color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
"DejaVu Sans",Arial,sans-serif;max-width:1280px;padding:4px 2px;text-align:left}
.mc-ex h2{font-size:1.3em;margin:0 0 4px;border:0}
.mc-ex h3{font-size:1.12em;margin:18px 0 6px;border:0}
.mc-ex h4{font-size:1em;margin:12px 0 4px;border:0}
.mc-ex .mc-ex-mode{background:#eef4fb;border-left:4px solid #0072B2;padding:6px 10px;margin:8px 0}
.mc-ex .mc-ex-warn{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px;margin:8px 0}
.mc-ex .mc-ex-note{background:#f3f4f6;border-left:4px solid #6b7280;padding:6px 10px;margin:8px 0;\
font-size:.9em}
.mc-ex .mc-ex-empty{background:#fff4e5;border:1px solid #9B4500;border-radius:6px;padding:10px 14px;\
margin:8px 0;font-weight:600}
.mc-ex .mc-ex-status{margin:4px 0 8px;color:#333}
.mc-ex table.mc-ex-rates{border-collapse:collapse;font-size:.88em;margin:4px 0 12px}
.mc-ex table.mc-ex-rates th,.mc-ex table.mc-ex-rates td{padding:3px 10px;text-align:right;\
border-bottom:1px solid #e3e5e8;font-variant-numeric:tabular-nums;white-space:nowrap}
.mc-ex table.mc-ex-rates th{border-bottom:1px solid #c9ccd1;font-weight:600}
.mc-ex table.mc-ex-rates th:first-child,.mc-ex table.mc-ex-rates td:first-child{text-align:left;\
white-space:normal}
.mc-ex img.mc-ex-plot{display:block;max-width:100%;height:auto;margin:6px 0 14px}
.mc-ex details.mc-ex-outlet,.mc-ex details.mc-ex-article,.mc-ex details.mc-ex-rest{\
border:1px solid #d7d9dd;border-radius:6px;padding:6px 12px;margin:0 0 8px;background:#fcfcfd}
.mc-ex details.mc-ex-article{background:#fff}
.mc-ex details.mc-ex-outlet>summary,.mc-ex details.mc-ex-article>summary,\
.mc-ex details.mc-ex-rest>summary{cursor:pointer;font-weight:600}
.mc-ex details.mc-ex-article>summary{font-weight:500}
.mc-ex .mc-ex-meta{color:#555;font-size:.88em;font-weight:400}
.mc-ex ul.mc-ex-list{font-size:.9em;margin:6px 0}
.mc-ex details.mc-ex-article .mc-top{display:none}
"""
