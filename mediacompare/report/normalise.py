"""The outputs of an executed notebook made the same from one run to the next.

Applied to every executed notebook before it is rendered (see
:mod:`mediacompare.report.execute`), so that a page is the same bytes whatever the
timing, the memory layout or the kernel that ran it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["normalise_outputs"]

_ADDRESS = re.compile(r"(?<= at )0x[0-9a-fA-F]{4,16}\b")
_STYLER_TABLE_ID = re.compile(r'id="T_([0-9a-f]{5,})"')


def normalise_outputs(nb: Any) -> None:
    """Make outputs that vary between runs identical (in place).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
    ...     nbformat.v4.new_output("execute_result", execution_count=1,
    ...         data={"text/plain": "[<Line2D at 0x7f3a2b1c0d90>]"})])])
    >>> normalise_outputs(nb)
    >>> nb.cells[0].outputs[0].data["text/plain"]
    '[<Line2D at 0x…>]'
    """
    n_tables = 0
    for cell in nb.cells:
        merged: list = []   # a stream's text comes in as many messages as the kernel flushed
        for output in cell.get("outputs", []):
            if merged and output.get("output_type") == "stream" == merged[-1].get("output_type") \
                    and output.get("name") == merged[-1].get("name"):
                merged[-1]["text"] += output.get("text", "")
            else:
                merged.append(output)
        if "outputs" in cell:
            cell["outputs"] = merged
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = _ADDRESS.sub("0x…", output.get("text", ""))
                continue
            data = output.get("data", {})
            if isinstance(data.get("text/plain"), str):
                data["text/plain"] = _ADDRESS.sub("0x…", data["text/plain"])
            html = data.get("text/html")
            if isinstance(html, str):
                for uid in dict.fromkeys(_STYLER_TABLE_ID.findall(html)):
                    n_tables += 1
                    html = html.replace(f"T_{uid}", f"T_mc{n_tables}")
                data["text/html"] = html
