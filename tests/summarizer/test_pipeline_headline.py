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


_ANNOUNCEMENT = "Die Nacht der Geburt unseres Propheten sei gesegnet"


def _association_page(title: str, heading: str) -> str:
    """An association's page titled after itself, its article opening on its own heading."""
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>{title}</title></head><body><nav><a href="/">Start</a> <a href="/presse">Presse</a></nav>
<main><article><p>2021-10-16 | Botschaft</p><h4>{heading}</h4>
<p>Morgen Abend ist die Nacht der segensreichen Geburt unseres Propheten, und in allen unseren
Gemeinden kommen die Menschen zusammen, um gemeinsam zu beten und zu gedenken.</p>
<p>Es ist die Nacht, in der wir uns an seine Botschaft der Barmherzigkeit erinnern und sie an
unsere Kinder und Enkel weitergeben, wie es seit Generationen Brauch ist.</p>
<p>Der Vorstand wünscht allen Mitgliedern und ihren Familien eine gesegnete Nacht.</p>
</article></main></body></html>"""


def test_the_opening_heading_is_the_headline_under_the_sites_name() -> None:
    """A title that is only the organisation's name (its legal form, a word its host spells)
    gives way to the heading that opens the article."""
    url = "https://musterbund.de/detail.php?id=765"
    named = digest_html(
        _association_page("Musterbund Deutscher Gemeinden e.V.", _ANNOUNCEMENT), url
    )
    assert named.title == _ANNOUNCEMENT
    assert _ANNOUNCEMENT not in [section.heading for section in named.sections]
    # A headline of its own stays, and so does the title over a label of a heading.
    own = digest_html(_association_page("Gemeinden laden zum Gebet ein", _ANNOUNCEMENT), url)
    assert own.title == "Gemeinden laden zum Gebet ein"
    label = digest_html(_association_page("Musterbund Deutscher Gemeinden e.V.", "Botschaft"), url)
    assert label.title == "Musterbund Deutscher Gemeinden e.V."
