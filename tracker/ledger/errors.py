"""The one error type that services raise for input a person can fix."""

from __future__ import annotations

from typing import Any


class InvalidInput(ValueError):
    """Input refused before anything was written; the message is shown to the person as is.

    `message` is an English template (a gettext msgid) with `{name}` placeholders; `params` fill
    it. The UI translates the template first, then fills it, so every message has a Bengali form.
    A message about a number of things gives its `plural` too, and the number as `count`.
    """

    def __init__(self, message: str, *, field: str | None = None, plural: str | None = None,
                 **params: Any) -> None:
        self.message = message
        self.plural = plural
        self.field = field
        self.params = {"field": field, **params} if field is not None else params
        english = plural if plural is not None and self.params["count"] != 1 else message
        super().__init__(english.format(**self.params) if self.params else english)


class NotFound(InvalidInput):
    """The record a person asked for does not exist (any more)."""
