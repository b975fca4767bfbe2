"""Engine errors are one-line, typed, and survive the trip back from a worker process."""

from __future__ import annotations

import pickle

import pytest

from summarizer import errors


@pytest.mark.parametrize(
    "error",
    [
        errors.NotAnArticle("the page has too little text to be an article"),
        errors.HttpStatusError("the page answered 404", 404),
        errors.BlockedAddress("blocked address: 10.0.0.1 is private"),
        errors.TooLarge("the page is larger than 5 MiB"),
        errors.FetchTimeout("the server took too long"),
        errors.NotHtml("that link is an image (image/png), not a web page"),
        errors.TooManyRedirects("too many redirects"),
        errors.InvalidUrl("only http and https links can be read"),
    ],
)
def test_errors_pickle_with_their_message_and_fields(error: errors.SummarizerError) -> None:
    """A worker process can raise any engine error and the bot still reads its reason."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and "\n" not in str(copy)
    assert copy.__dict__ == error.__dict__
    assert copy.args == error.args
