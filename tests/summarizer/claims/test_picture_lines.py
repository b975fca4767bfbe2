"""Lines that describe the page's pictures: never a claim."""

from __future__ import annotations

import pytest

from summarizer.claims.picture_lines import is_picture_line
from summarizer.claims.standalone import is_not_prose


@pytest.mark.parametrize(
    "sentence",
    [
        "In this photo dated Tuesday, Nov. 29, 2016 the rocket is installed on a launch pad.",
        "Auf dem Foto zu sehen: Die neu gewählte Bürgermeisterin mit dem Parteichef links.",
        "Below is the cake I made using this Chocolate Buttercream Frosting recipe.",
        "Above is how your butter should look like after beating it for five minutes.",
        "Sur cette photo, le ministre serre la main du président.",
        "En esta foto, el equipo celebra el título en el estadio.",
    ],
)
def test_a_line_describing_a_picture_is_not_a_claim(sentence: str) -> None:
    """A caption set as a paragraph of the text is never prose."""
    assert is_picture_line(sentence)
    assert is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The photo of the rocket went around the world within hours.",
        "Here is what I use in the configuration file of the server.",
        "Das Foto zeigt, wie stark der Gletscher geschrumpft ist.",
        "Below is a list of my favourite sports writers on television.",
    ],
)
def test_prose_about_a_picture_is_prose(sentence: str) -> None:
    """What the article says about a picture, or a line introducing a list, is not a caption."""
    assert not is_picture_line(sentence)
