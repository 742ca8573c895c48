"""Inside a report kernel: put it back as a fresh kernel was, between two notebooks.

The report builder runs several notebooks one after another in the same kernel
(:mod:`mediacompare.report.kernels`): start-up and first-use costs (imports, the
packaged lexicons, the corpus's analyses) are paid once per kernel instead of once
per notebook. For the pages to be exactly those of a fresh kernel, the kernel calls
:func:`snapshot` once, before its first notebook, and :func:`reset` before each
notebook after that. Both run silently (no output, no history, no execution count).

:func:`reset` restores what a notebook may change and a later notebook could see:

- the user namespace, history and execution count (IPython's ``reset`` with a new
  session; then exactly the names a fresh kernel's namespace has: the module attributes
  of ``__main__`` and the empty results ``_``, ``__``, ``___`` put back);
- the working folder, ``sys.path``, ``sys.argv`` and the environment variables;
- the warning filters, and the registries of warnings already shown (a warning
  shown once by one notebook is shown again by the next, as in a fresh kernel);
- the root logger's level and handlers;
- IPython's display formatters (types registered for display) and event callbacks;
- matplotlib: every pyplot figure closed, ``rcParams`` and the unit converters
  (pandas registers its own when it plots) as they were at the snapshot (matplotlib's
  own converters, registered once when its modules are imported, stay);
- pandas options and NumPy print options, their defaults;
- the random generators of ``random`` and NumPy, seeded anew from the system
  (as a fresh kernel's are), mediacompare's progress setting (``set_progress``).

What it does not restore: modules stay imported (that is the point), caches of
pure functions stay (the packaged lexicons, gazetteer and frame cues, each keyed
by its files; the analyses of texts, keyed by the text). A kernel that imported
pyplot or loaded IPython's inline backend since the snapshot (which registers
figure formatters and hooks a fresh kernel would register again on first use)
cannot be made fresh: :func:`reset` raises :class:`NotReset` and the builder
replaces the kernel. So do notebooks whose code may change a module's state in
ways the reset cannot see (:func:`mediacompare.report.isolation.leaves_traces`).

Only the standard library is imported at the top: this module is imported by
every report kernel before its first notebook.
"""

from __future__ import annotations

import copy
import gc
import logging
import os
import random
import sys
import warnings
from typing import Any

__all__ = ["NotReset", "reset", "snapshot"]

#: Modules that, once imported since the snapshot, leave hooks and formatters that a
#: fresh kernel would only install when they are imported again.
ONE_WAY_MODULES = ("matplotlib.pyplot", "matplotlib_inline.backend_inline", "pylab")

_saved: dict[str, Any] = {}


class NotReset(RuntimeError):
    """The kernel cannot be made as a fresh one is: the builder replaces it."""


def _shell() -> Any:
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        raise NotReset("not running in an IPython kernel")
    return shell


def snapshot() -> None:
    """Record the state of this (fresh) kernel that :func:`reset` restores."""
    import matplotlib
    import matplotlib.figure  # noqa: F401  (registers matplotlib's own unit converters)
    import matplotlib.units

    shell = _shell()
    main = shell.user_module.__dict__
    _saved.clear()
    _saved.update(
        modules=frozenset(m for m in ONE_WAY_MODULES if m in sys.modules),
        main={k: main[k] for k in ("__doc__", "__package__", "__loader__", "__spec__")
              if k in main},
        names=frozenset(shell.user_ns),
        cwd=os.getcwd(), path=list(sys.path), argv=list(sys.argv), environ=dict(os.environ),
        filters=list(warnings.filters),
        log_level=logging.root.level, log_handlers=list(logging.root.handlers),
        log_disable=logging.root.manager.disable,
        formatters={name: (f.enabled, dict(f.type_printers), dict(f.deferred_printers))
                    for name, f in shell.display_formatter.formatters.items()},
        callbacks={event: list(hooks) for event, hooks in shell.events.callbacks.items()},
        rc=copy.deepcopy(dict(matplotlib.rcParams)),
        units=dict(matplotlib.units.registry),
        printoptions=sys.modules["numpy"].get_printoptions(),  # matplotlib imports NumPy
    )


def reset(folder: str) -> None:
    """Make this kernel as it was at :func:`snapshot`, its working folder ``folder``.

    Raises
    ------
    NotReset
        No snapshot was taken, or the kernel imported something that cannot be undone
        (:data:`ONE_WAY_MODULES`): the kernel must be replaced.
    """
    if not _saved:
        raise NotReset("no snapshot of the fresh kernel was taken")
    loaded = [m for m in ONE_WAY_MODULES if m in sys.modules and m not in _saved["modules"]]
    if loaded:
        raise NotReset(f"{loaded[0]} was imported: its hooks cannot be taken back")
    shell = _shell()
    _restore_python()
    _restore_libraries()
    for name, (enabled, types, deferred) in _saved["formatters"].items():
        formatter = shell.display_formatter.formatters.get(name)
        if formatter is not None:
            formatter.enabled = enabled
            formatter.type_printers.clear()
            formatter.type_printers.update(types)
            formatter.deferred_printers.clear()
            formatter.deferred_printers.update(deferred)
    for event, hooks in _saved["callbacks"].items():
        shell.events.callbacks[event][:] = hooks
    os.chdir(folder)
    shell.reset(new_session=True)   # user namespace, history, Out, execution count 1
    shell.user_module.__dict__.update(_saved["main"])
    if shell.displayhook.do_full_cache:
        shell.displayhook.flush()   # "_", "__", "___" as a fresh kernel has them
    for name in set(shell.user_ns) - _saved["names"]:
        del shell.user_ns[name]
    gc.collect()


def _restore_python() -> None:
    sys.path[:] = _saved["path"]
    sys.argv[:] = _saved["argv"]
    for key in set(os.environ) - set(_saved["environ"]):
        del os.environ[key]
    os.environ.update(_saved["environ"])
    warnings.resetwarnings()            # new filters version: every registry is forgotten
    warnings.filters[:] = _saved["filters"]
    warnings.onceregistry.clear()
    logging.root.setLevel(_saved["log_level"])
    logging.root.handlers[:] = _saved["log_handlers"]
    logging.disable(_saved["log_disable"])
    random.seed()
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            delattr(sys, name)


def _restore_libraries() -> None:
    import matplotlib
    import matplotlib.units

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dict.update(matplotlib.rcParams, copy.deepcopy(_saved["rc"]))  # values validated once
        _restore_units(matplotlib.units.registry)
        if "pandas" in sys.modules:
            sys.modules["pandas"].reset_option("all")
        if "numpy" in sys.modules:
            numpy = sys.modules["numpy"]
            numpy.set_printoptions(**_saved["printoptions"])
            numpy.random.seed()
    if "mediacompare.progress" in sys.modules:
        sys.modules["mediacompare.progress"].set_progress(None)



def _restore_units(registry: dict) -> None:
    """The unit converters as at the snapshot: those replaced are put back, those added
    since are dropped (pandas adds its own when it plots), except matplotlib's own, which
    a module of matplotlib imported since registers once and for all."""
    saved = _saved["units"]
    for key in list(registry):
        if key not in saved and not type(registry[key]).__module__.startswith("matplotlib."):
            del registry[key]
    registry.update(saved)
