"""The digest's headline where the page's title is a label and its article opens on the
headline the address names."""

from __future__ import annotations

from summarizer import digest_html
from tests.helpers import page

_HEADING = (
    "HR Innovation in einer Enterprise 2.0 – Herausforderungen und Chancen der Personalabteilungen"
)
_BODY = f"""
<h2>{_HEADING}</h2>
<p>HR wird zukünftig nur auf Augenhöhe wahrgenommen, wenn es Innovationen fördert und selbst
innovativ wird, und das verlangt von den Personalabteilungen eine neue Rolle im Unternehmen.</p>
<h2>Wo stehen HR-Abteilungen heute?</h2>
<p>Das Ziel der Personalabteilung heute ist es, in einer aktiven Rolle in enger Zusammenarbeit
mit dem Business zu operieren, statt nur Verwaltung zu leisten und Formulare zu prüfen.</p>
<p>Viele Abteilungen stehen dabei erst am Anfang, und die Wege dorthin sind sehr verschieden.</p>
"""


def test_the_opening_heading_the_slug_names_is_the_headline() -> None:
    html = page(_BODY, title="Enterprise 2.0")
    named = digest_html(html, "https://www.example.org/hr-innovation-einer-enterprise-2-0/")
    assert named.title == _HEADING
    assert _HEADING not in [section.heading for section in named.sections]
    elsewhere = digest_html(html, "https://www.example.org/enterprise-2-0/")
    assert elsewhere.title == "Enterprise 2.0"
    assert elsewhere.sections[0].heading == _HEADING
