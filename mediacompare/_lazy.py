"""Names of a package imported from their modules when first used (PEP 562).

Each package of the library that defers its heavy modules keeps a map from public name to the
module of the package that defines it, and gets its module ``__getattr__`` and ``__dir__``
from :func:`lazy_names`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping


def lazy_names(package: str, where: Mapping[str, str], namespace: dict, public: Iterable[str],
               fallback: Callable[[str], object] | None = None):
    """The ``__getattr__`` and ``__dir__`` of ``package``.

    ``where`` maps a public name to the module of ``package`` that defines it; the value found
    is bound in ``namespace`` (the package's globals), so each name is imported once. Names not
    in ``where`` go to ``fallback``, which returns a value or raises :class:`AttributeError`;
    without it they raise it here.
    """
    listed = frozenset(public)

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is not None:
            value = getattr(importlib.import_module(f".{module}", package), name)
            namespace[name] = value
            return value
        if fallback is not None:
            return fallback(name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(namespace) | listed)

    return __getattr__, __dir__
