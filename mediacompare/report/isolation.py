"""Can one execution of an exercise notebook serve both audiences?

The student's page must show what the notebook computes *without* its answers. When the
answer cells (tagged ``solution``) only display things, running the notebook once with them
and removing them from the student's page gives the same page as running it without them,
at the cost of one kernel instead of two. :func:`answers_isolated` decides this from the
code, conservatively: any doubt means two executions, as before.

The answers are isolated when every code cell tagged ``solution``

* parses (IPython magics translated first) and declares no ``global`` or ``nonlocal``;
* binds no name (assignment, import, ``def``, ``class``, loop or ``with`` target, ``del``)
  that a later cell which is not an answer reads, by name or through the namespace
  (``globals()``, ``eval``, IPython's ``%who``: any of them in a later cell is a doubt);
* stores into no attribute or item of an object it did not make itself
  (``corpus.articles["x"] = ...``, ``plt.rcParams[...] = ...``);
* calls no method known to change its receiver in place (``append``, ``update``,
  ``sort``, ``drop(..., inplace=True)``, ...) on an object it did not make itself;
* calls nothing that changes a module's state or draws random numbers (names starting
  with ``load_``, ``set_``, ``clear_``, ``reset``, ``seed``, ``register``, ``use``;
  anything from ``random``, ``np.random``, ``os.environ``, ``exec``, ``eval``).

Cells tagged ``lab-only`` are not run for the report and are ignored.

:func:`leaves_traces` asks another question of a whole notebook: may running it change
a kernel in a way the reset between two notebooks (:mod:`.kernel_state`) does not undo?
The builder then replaces the kernel after it rather than run another notebook in it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .export import LAB_ONLY_TAG, SOLUTION_TAG

__all__ = ["answers_isolated", "leaves_traces"]

#: Methods that change their receiver in place (lists, dicts, sets, DataFrames).
MUTATORS = frozenset({
    "append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault",
    "sort", "reverse", "add", "discard", "difference_update", "intersection_update",
    "symmetric_difference_update", "__setitem__", "__delitem__", "__setattr__",
})
#: Prefixes of calls that change a module's state (``mc.load_lexicon(...)``, ``plt.style.use``).
STATEFUL_PREFIXES = ("load_", "set_", "clear_", "reset", "seed", "register", "use")
#: Names whose use in an answer means shared state (random generators, the environment).
STATEFUL_NAMES = frozenset({"random", "environ", "exec", "eval", "globals", "locals", "setattr",
                            "delattr", "__import__", "get_ipython"})

#: Calls that read the namespace by name: a later cell using them may see what an answer bound.
NAMESPACE_READERS = frozenset({"globals", "locals", "vars", "dir", "eval", "exec", "get_ipython",
                               "__builtins__"})


def _tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", []) or []


def _python(source: str) -> ast.Module | None:
    """The cell as Python (IPython's magics translated), or None if it does not parse."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        source = TransformerManager().transform_cell(source)
    except Exception:  # no IPython: plain Python only (a magic then fails to parse)
        pass
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def _root(node: ast.AST) -> str | None:
    """The name an attribute or item chain starts from (``a`` of ``a.b[c].d``)."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _bound(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def _call_name(call: ast.Call) -> str:
    """The name a call is made by (``f`` of ``f(x)`` and of ``a.b.f(x)``; empty otherwise)."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _touches(node: ast.AST, own: set[str], names) -> str | None:
    """Why ``node`` reaches state outside the code: a store into (or deletion from) an object
    not bound in ``own``, or a use of one of ``names``; None if it does not."""
    if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
        if _root(node) not in own:
            return f"changes {_root(node) or 'an object'} in place"
    if isinstance(node, ast.Name) and node.id in names:
        return f"uses {node.id}"
    if isinstance(node, ast.Attribute) and node.attr in names:
        return f"uses {node.attr}"
    return None


def _mutates(call: ast.Call, own: set[str]) -> str | None:
    """Why the call changes an object not bound in ``own`` in place (a :data:`MUTATORS` method,
    or ``inplace=`` anything but False); None if it does not."""
    func, name = call.func, _call_name(call)
    inplace = any(k.arg == "inplace" and not (isinstance(k.value, ast.Constant)
                                              and k.value.value is False)
                  for k in call.keywords)
    if isinstance(func, ast.Attribute) and (name in MUTATORS or inplace):
        receiver = _root(func.value)
        if receiver not in own:
            return f"calls {name} on {receiver or 'an object'}"
    return None


def _side_effect(tree: ast.Module, own: set[str]) -> str | None:
    """Why the answer may change state another cell sees (None if it cannot)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return "declares global names"
        why = _touches(node, own, STATEFUL_NAMES)
        if why:
            return why
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name.startswith(STATEFUL_PREFIXES):
                return f"calls {name}"
            why = _mutates(node, own)
            if why:
                return why
    return None


def answers_isolated(nb_path: Path) -> tuple[bool, str]:
    """Whether the answer cells of the notebook at ``nb_path`` leave every other cell's
    output unchanged, and why not (``(True, "")`` when they do)."""
    import nbformat

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception as exc:
        return False, f"the notebook could not be read: {exc}"
    cells = [c for c in nb.cells if LAB_ONLY_TAG not in _tags(c) and c.get("cell_type") == "code"]
    bound: set[str] = set()
    seen_answer = False
    for index, cell in enumerate(cells):
        tree = _python(str(cell.get("source", "")))
        if SOLUTION_TAG in _tags(cell):
            seen_answer = True
            if tree is None:
                return False, f"answer cell {index} does not parse"
            own = _bound(tree)
            why = _side_effect(tree, own)
            if why is not None:
                return False, f"answer cell {index} {why}"
            bound |= own
        elif seen_answer and bound:
            if tree is None:
                return False, f"cell {index} after an answer does not parse"
            read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)
                    and isinstance(n.ctx, ast.Load)}
            dynamic = sorted(read & NAMESPACE_READERS)
            if dynamic:
                return False, f"cell {index} after an answer reads the namespace ({dynamic[0]})"
            shared = sorted(read & bound)
            if shared:
                return False, f"cell {index} reads {', '.join(shared)}, bound by an answer"
    return True, ""


#: Calls whose effect the reset between notebooks undoes (:mod:`.kernel_state`), or that
#: only fill caches keyed by their input (``load_lexicon``, ``clear_analyses``).
RESET_UNDOES = frozenset({"set_option", "reset_option", "option_context", "set_progress",
                          "set_printoptions", "printoptions", "seed", "chdir", "filterwarnings",
                          "simplefilter", "resetwarnings", "rc", "rc_context", "rcdefaults",
                          "clear_analyses", "close", "basicConfig"})
#: IPython magics that change no state of the kernel (``!cmd`` runs in a shell).
HARMLESS_MAGICS = frozenset({"pwd", "who", "whos", "who_ls", "lsmagic", "html", "markdown",
                             "latex", "svg", "javascript", "js", "system", "getoutput", "sx"})
#: Magics whose argument is Python code, read as such.
CODE_MAGICS = frozenset({"time", "timeit", "prun"})
_TRACE_NAMES = (STATEFUL_NAMES - {"random", "environ", "globals", "locals", "get_ipython"}) | {
    "reload", "builtins", "__builtins__", "sys", "modules"}
_LITERALS = (ast.List, ast.Dict, ast.Set, ast.Tuple, ast.ListComp, ast.DictComp, ast.SetComp,
             ast.Constant, ast.JoinedStr)


def _magic(node: ast.Call) -> tuple[str, str] | None:
    """``(name, argument)`` of ``get_ipython().run_line_magic(name, arg)`` and its kin."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
            and getattr(func.value.func, "id", None) == "get_ipython"):
        return None
    args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in node.args]
    if func.attr in ("system", "getoutput"):
        return func.attr, ""
    if func.attr in ("run_line_magic", "run_cell_magic") and args and args[0] is not None:
        code = args[-1] if len(args) > 1 and args[-1] is not None else ""
        return args[0], code
    return func.attr, ""


def _literal_names(trees: list[ast.Module]) -> set[str]:
    """Names the notebook only ever binds to a literal it makes (a list, a dict ...)."""
    from collections import Counter

    literal: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, _LITERALS):
                literal.update(t.id for t in node.targets if isinstance(t, ast.Name))
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                every[node.id] += 1
        every.update(_bound(tree) - {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})
    return {name for name, n in literal.items() if every[name] == n}


def leaves_traces(nb: object) -> str:
    """Why running the notebook ``nb`` (as executed: its cells after the dropped tags)
    may leave a kernel in a state the reset between notebooks does not undo; ``""``
    when it cannot. Conservative: in doubt, a reason.

    A notebook leaves traces when a code cell does not parse (IPython's magics read
    first); stores into an attribute or an item of an object other than a literal
    it made itself (``mc.CATEGORY_STYLES["x"] = ...``, ``corpus.articles["x"] = ...``:
    the object may be a module's, or held in a cache); calls a method that changes
    its receiver in place on such an object; uses ``exec``, ``setattr``, ``reload``,
    ``sys`` and the like; calls a ``set_``, ``register``, ``use``, ``reset`` or ``clear_``
    function the reset does not undo; or runs a magic other than those that change no
    state (``%time``, ``%%html``, ``!cmd`` ...).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "import mediacompare as mc\\nrows = []\\nrows.append(1)\\nmc.load_lexicon()")])
    >>> leaves_traces(nb)
    ''
    >>> nb.cells.append(nbformat.v4.new_code_cell("mc.CATEGORY_STYLES['x'] = 1"))
    >>> leaves_traces(nb)
    'cell 1 changes mc in place'
    """
    cells = [c for c in getattr(nb, "cells", []) if c.get("cell_type") == "code"]
    trees = []
    for index, cell in enumerate(cells):
        tree = _python(str(cell.get("source", "")))
        if tree is None:
            return f"cell {index} does not parse"
        trees.append((index, tree))
    own = _literal_names([tree for _, tree in trees])
    for index, tree in trees:
        why = _trace(tree, own)
        if why:
            return f"cell {index} {why}"
    return ""


def _trace(tree: ast.Module, own: set[str]) -> str:
    for node in ast.walk(tree):
        why = _touches(node, own, _TRACE_NAMES)
        if why:
            return why
        if not isinstance(node, ast.Call):
            continue
        magic = _magic(node)
        if magic is not None:
            name, code = magic
            if name in CODE_MAGICS:
                inner = _python(code)
                why = "does not parse" if inner is None else _trace(inner, own)
                if why:
                    return why
            elif name not in HARMLESS_MAGICS:
                return f"runs the magic %{name}"
            continue
        func, name = node.func, _call_name(node)
        if name.startswith(("set_", "register", "reset", "clear_")) and name not in RESET_UNDOES:
            return f"calls {name}"
        if name == "use" and not (isinstance(func, ast.Attribute) and
                                  getattr(func.value, "attr", None) == "style"):
            return f"calls {name}"
        why = _mutates(node, own)
        if why:
            return why
    return ""
