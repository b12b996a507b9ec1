"""The one kind of error an editor sees: a single line naming the file and the key or line."""

from collections.abc import Iterable


class HandbookError(Exception):
    """A mistake in data, pages or settings; the message says where and how to fix it."""


def check_ids(used: Iterable[str], known: Iterable[str], what: str, where: str) -> None:
    """Raise if any id in ``used`` is not one of ``known``, listing the allowed ones."""
    known = set(known)
    for ident in used:
        if ident not in known:
            raise HandbookError(f"{where}: unknown {what} '{ident}'; allowed values: {', '.join(sorted(known))}")

