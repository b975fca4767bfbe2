"""Errors the engine raises; every message is one line fit to show a Discord user."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base of every error Skim's engine raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotAnArticle(SummarizerError):
    """The page is not an article (a listing, a homepage, a login wall, too little text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"not an article: {reason}")
        self.reason = reason

    def __reduce__(self) -> tuple[type[NotAnArticle], tuple[str], dict[str, object]]:
        # Rebuilt from the reason, not from the message (which would gain a second prefix).
        return type(self), (self.reason,), self.__dict__


class InternalError(SummarizerError):
    """A bug in the engine met this page; the message names the internal error (its
    traceback is logged where it happened)."""


class FetchError(SummarizerError):
    """The page could not be fetched, or fetching it was refused."""


class InvalidUrl(FetchError):
    """The URL is malformed, not http(s), or carries credentials."""


class BlockedAddress(FetchError):
    """The host resolves to an address Skim must not reach (private, loopback, metadata...)."""


class TooLarge(FetchError):
    """The response body is larger than the configured cap."""


class FetchTimeout(FetchError):
    """The server was too slow: connect, read or the overall deadline ran out."""


class NotHtml(FetchError):
    """The response is not an HTML page (an image, a PDF...)."""


class HttpStatusError(FetchError):
    """The server answered with an error status (404, 500...)."""

    def __init__(self, message: str, status: int = 0) -> None:  # a default keeps it picklable
        super().__init__(message)
        self.status = status


class TooManyRedirects(FetchError):
    """The redirect chain was longer than allowed, or looped."""
