"""The claim picker: verbatim sentences of their own section, in order, never boilerplate."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from summarizer.claims import pick
from summarizer.claims.pick import ClaimSettings, pick_claims
from summarizer.claims.sentences import split_sentences
from summarizer.claims.standalone import is_not_prose, leans_on_context
from summarizer.claims.terms import terms
from summarizer.extract.article import SectionText
from summarizer.extract.limits import MAX_CLAIMED_SECTIONS

TITLE = "City council approves new tram line to the airport"

LEAD = SectionText(
    heading=None,
    paragraphs=[
        "The city council approved a new tram line to the airport on Tuesday after a long debate.",
        "The line will link the central station with the airport terminal in under twenty minutes.",
    ],
)
COST = SectionText(
    heading="How much the tram line will cost",
    paragraphs=[
        "Officials spoke for hours.",
        "The tram line will cost 420 million euros, most of it paid by the regional government.",
        "Critics said the cost estimate left out the price of new trams for the airport service.",
    ],
)
TIMELINE = SectionText(
    heading="When construction starts",
    paragraphs=[
        "Construction of the tram line starts next spring and should end within three years.",
        "The first trams are expected to reach the airport in the summer of the fourth year.",
    ],
)


def _sentences_of(section: SectionText) -> list[str]:
    return [s for paragraph in section.paragraphs for s in split_sentences(paragraph)]


def test_each_claim_is_a_verbatim_sentence_of_its_own_section() -> None:
    """Claims are copied, never written, and come from the section they are listed under."""
    sections = [LEAD, COST, TIMELINE]
    claims = pick_claims(TITLE, sections)
    assert len(claims) == len(sections)
    for section, section_claims in zip(sections, claims, strict=True):
        assert section_claims, section.heading
        for claim in section_claims:
            assert claim in _sentences_of(section)


def test_one_claim_per_short_section() -> None:
    """Short sections get `claims_per_section` (1) claims."""
    claims = pick_claims(TITLE, [LEAD, COST, TIMELINE])
    assert [len(c) for c in claims] == [1, 1, 1]


def test_subheading_overlap_beats_a_weak_first_sentence() -> None:
    """Under "How much ... cost", the sentence with the cost wins over the opening filler."""
    claims = pick_claims(TITLE, [LEAD, COST, TIMELINE])
    assert claims[1] == [
        "The tram line will cost 420 million euros, most of it paid by the regional government."
    ]


_VOCABULARY = [
    f"{consonant}{vowel}{end}"
    for consonant in "bdfgklmnprstvz"
    for vowel in "aeiou"
    for end in ("n", "r", "st", "lk")
]


def _long_section(heading: str, topic: str, count: int, seed: int = 0) -> SectionText:
    """`count` distinct one-sentence paragraphs of made-up words about `topic`."""
    rng = random.Random(f"{heading}-{seed}")
    paragraphs = [
        f"The {topic} " + " ".join(rng.sample(_VOCABULARY, 14)) + f" in season {i}."
        for i in range(count)
    ]
    return SectionText(heading=heading, paragraphs=paragraphs)


def test_long_sections_get_two_claims_in_article_order() -> None:
    """A section of at least `long_section_words` words gets `long_section_claims` claims."""
    settings = ClaimSettings()
    long_section = _long_section("Nitrate levels", "nitrate", 24)
    assert long_section.word_count >= settings.long_section_words
    claims = pick_claims("River study", [LEAD, long_section, TIMELINE], settings=settings)
    assert [len(c) for c in claims] == [1, 2, 1]
    just_short = SectionText("Nitrate levels", long_section.paragraphs[:5])
    assert just_short.word_count < settings.long_section_words
    assert [len(c) for c in pick_claims("River study", [LEAD, just_short])] == [1, 1]
    sentences = _sentences_of(long_section)
    first, second = (sentences.index(claim) for claim in claims[1])
    assert first < second


def test_headingless_article_gets_three_claims_in_article_order() -> None:
    """One section without a heading is summarised by `headingless_claims` (3) claims."""
    article = SectionText(
        heading=None,
        paragraphs=[*LEAD.paragraphs, *COST.paragraphs[1:], *TIMELINE.paragraphs],
    )
    (claims,) = pick_claims(TITLE, [article])
    assert len(claims) == 3
    everything = _sentences_of(article)
    positions = [everything.index(claim) for claim in claims]
    assert positions == sorted(positions)


def test_settings_are_respected() -> None:
    """Custom counts change how many claims each kind of section gets."""
    article = SectionText(heading=None, paragraphs=[*LEAD.paragraphs, *TIMELINE.paragraphs])
    assert len(pick_claims(TITLE, [article], settings=ClaimSettings(headingless_claims=2))[0]) == 2
    settings = ClaimSettings(claims_per_section=2)
    assert [len(c) for c in pick_claims(TITLE, [LEAD, TIMELINE], settings=settings)] == [2, 2]


def test_boilerplate_is_never_a_claim() -> None:
    """Share/subscribe/Also Read/credit/advertisement lines are skipped, even when central."""
    section = SectionText(
        heading="Tram line news",
        paragraphs=[
            "Subscribe to our newsletter for more tram line news from the city council.",
            "Also Read: City council tram line plan faces new questions at the airport",
            "Photo: Getty Images / tram line at the airport station with the city council",
            "Advertisement",
            "The council said the tram line would carry ten thousand people a day.",
        ],
    )
    claims = pick_claims(TITLE, [LEAD, section])
    assert claims[1] == ["The council said the tram line would carry ten thousand people a day."]


def test_section_with_only_boilerplate_gets_no_claim() -> None:
    """Nothing usable means an empty list, not a boilerplate line."""
    section = SectionText(
        heading="Share this",
        paragraphs=["Share on Facebook", "Click here to subscribe to our newsletter today!"],
    )
    claims = pick_claims(TITLE, [LEAD, section])
    assert claims[1] == []
    assert claims[0]


def test_fragments_only_when_nothing_else_exists() -> None:
    """A two-word fragment loses to any full sentence, but stands in when alone."""
    with_sentence = SectionText(
        heading="Reactions",
        paragraphs=["Tram line approved!", "Residents near the new tram line welcomed the vote."],
    )
    claims = pick_claims(TITLE, [LEAD, with_sentence])
    assert claims[1] == ["Residents near the new tram line welcomed the vote."]
    alone = SectionText(heading="Reactions", paragraphs=["Tram line approved!"])
    assert pick_claims(TITLE, [LEAD, alone])[1] == ["Tram line approved!"]


def test_a_sentence_cut_inside_a_bracket_gives_way_to_a_finished_one() -> None:
    """A teaser cut inside its citation ("... (BAG, Urt. v. 30") is unfinished: a finished
    sentence of the section goes first."""
    section = SectionText(
        heading="Holiday count of the tram line staff",
        paragraphs=[
            "Lost working days must be left out of the holiday count of the tram line staff "
            "(BAG, Urt. v. 30",
            "A court in Erfurt ruled on the case in the autumn.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]


def test_no_near_duplicate_claims_across_sections() -> None:
    """The same sentence repeated in two sections is claimed once; the second section
    gets another of its sentences."""
    repeated = (
        "The city council approved a new tram line to the airport on Tuesday after a long debate."
    )
    echo = SectionText(
        heading="The vote",
        paragraphs=[repeated, "Twelve members voted in favour and five against the tram plan."],
    )
    claims = pick_claims(TITLE, [LEAD, echo])
    assert claims[0] == [repeated]
    assert claims[1] == ["Twelve members voted in favour and five against the tram plan."]


def test_run_on_sentence_is_not_preferred() -> None:
    """A 'sentence' of captions glued together (far too long) loses to a normal one."""
    run_on = " ".join(["Tram line airport council vote station plan"] * 10)
    section = SectionText(
        heading=None,
        paragraphs=[run_on, "The tram line to the airport was approved by the council today."],
    )
    (claims,) = pick_claims(TITLE, [section], settings=ClaimSettings(headingless_claims=1))
    assert claims == ["The tram line to the airport was approved by the council today."]


def test_japanese_sections_get_verbatim_claims() -> None:
    """Unspaced scripts are tokenised by character pairs, so ranking still works."""
    sections = [
        SectionText(None, ["東京都は新しい路面電車の計画を発表した。計画は空港と駅を結ぶ。"]),
        SectionText(
            "費用",
            [
                "会議は長く続いた。路面電車の費用は四百億円と見込まれている。費用の大半は都が負担する。"
            ],
        ),
    ]
    claims = pick_claims("東京都が路面電車計画を発表", sections, "ja")
    assert len(claims) == 2
    for section, section_claims in zip(sections, claims, strict=True):
        assert len(section_claims) == 1
        assert section_claims[0] in "".join(section.paragraphs)
    assert "費用" in claims[1][0]


def test_no_sections_and_empty_sections() -> None:
    """Nothing in, nothing out; an empty section gets []."""
    assert pick_claims(TITLE, []) == []
    assert pick_claims(TITLE, [SectionText("Empty", [])]) == [[]]


def test_a_long_article_is_ranked_quickly() -> None:
    """About 600 sentences (past the LexRank cap) take well under the generous limit."""
    sections = [_long_section(f"Part {i}", topic, 30) for i, topic in enumerate("abcdefghij")]
    sections += [_long_section(f"Extra {i}", f"metal{i}", 30) for i in range(10)]
    start = time.perf_counter()
    claims = pick_claims("River study", sections)
    assert time.perf_counter() - start < 10
    assert all(len(c) >= 1 for c in claims)


def test_headline_cut_from_the_body_is_not_used_as_a_query() -> None:
    """A page without a headline gets its first words as title; echoing them is no signal."""
    article = SectionText(
        heading=None,
        paragraphs=[*LEAD.paragraphs, *COST.paragraphs[1:], *TIMELINE.paragraphs],
    )
    made_up = "The city council approved a new tram line to the airport on Tuesday after…"
    assert pick_claims(made_up, [article]) == pick_claims("", [article])
    real_headline = "Airport tram line: construction starts next spring"
    assert pick_claims(real_headline, [article]) != pick_claims("", [article])


def test_caption_without_a_stop_loses_to_a_finished_sentence() -> None:
    """A caption-like line (no final stop) is not a claim when a real sentence exists,
    even when it opens the section; a citation mark after the stop still counts as finished."""
    section = SectionText(
        heading="The new tram line",
        paragraphs=[
            "Map of the new tram line from the central station to the airport terminal",
            "The tram line was first proposed by the council in 2019.[12]",
        ],
    )
    claims = pick_claims(TITLE, [LEAD, section])
    assert claims[1] == ["The tram line was first proposed by the council in 2019.[12]"]


def test_the_lede_is_the_first_claim_even_past_a_credit_line() -> None:
    """The lead's first claim is the article's first sentence of prose, looked for past a
    label, a fragment and a credit; background further down, however central, comes after it."""
    lead = SectionText(
        heading=None,
        paragraphs=[
            "tram notes ...or, why do I bother. © 2002, 2003 Jamie Zawinski",
            "In December 2002 the council tried a new ticket machine at the airport station.",
            "The airport tram line, the airport tram depot and the airport tram fares were "
            "debated by the council, and the airport tram line was approved on Tuesday.",
            "The machine broke twice in its first week.",
        ],
    )
    claims = pick_claims(TITLE, [lead, COST], settings=ClaimSettings(claims_per_section=1))
    assert claims[0][0] == lead.paragraphs[1]


def test_a_lede_opening_on_its_dateline_is_the_lede() -> None:
    """The article's first sentence opening on a dateline in capitals ("NEW DELHI: ...") is
    prose, not a caption's label: it is the lede. Further down, such a label is no claim."""
    story = SectionText(
        heading=None,
        paragraphs=[
            "NEW DELHI: Nearly 150 travellers returned home on Wednesday after the council "
            "cancelled the airport tram line and every ticket sold for it.",
            "As they stepped outside the airport, one after the other, they appeared sad.",
            "The council said the airport tram line would cost 420 million euros more.",
            "Critics of the council said the airport line would be late and over budget.",
            "CHEER ON: Residents and travellers as they wave at the last tram to the airport.",
        ],
    )
    claims = pick_claims(TITLE, [story])[0]
    assert claims[0] == story.paragraphs[0]
    assert story.paragraphs[4] not in claims


def test_an_interviews_answer_opening_on_its_speakers_name_is_a_claim() -> None:
    """Under a subheading asking a question, an answer opening on its speaker's name ("Weber:
    ...") is prose: the answer after the name is judged, and the direct answer is the claim.
    A name opening a turn once is a speaker's only where the headline names it: else it is a
    box's or a tip's label ("Wichtig: ..."), no claim."""
    lead = SectionText(None, ["Anna Weber plans the tram line to the airport for the city."])
    cost = SectionText(
        "Wie teuer wird die Tram zum Flughafen?",
        [
            "Weber: Die Tram zum Flughafen kostet die Stadt 420 Millionen Euro bis zum Jahr 2030.",
            "Das meiste davon zahlt das Land, den Rest tragen die Stadt und der Flughafen.",
        ],
    )
    timeline = SectionText(
        "Wann fährt die erste Tram?",
        [
            "Weber: Die erste Tram fährt im Sommer des vierten Jahres zum Flughafen der Stadt.",
            "Bis dahin fahren weiter die Busse der Linie 7 zwischen Bahnhof und Terminal.",
        ],
    )
    claims = pick_claims(TITLE, [lead, cost, timeline])
    assert claims[1] == [cost.paragraphs[0]]
    assert claims[2] == [timeline.paragraphs[0]]
    once = SectionText(
        cost.heading,
        [
            "Wichtig: Die Tram zum Flughafen kostet die Stadt 420 Millionen Euro bis 2030.",
            cost.paragraphs[1],
        ],
    )
    assert pick_claims(TITLE, [lead, once])[1] == [cost.paragraphs[1]]
    assert pick_claims(f"Weber: {TITLE}", [lead, SectionText(cost.heading, cost.paragraphs)])[
        1
    ] == [cost.paragraphs[0]]


def test_a_transcripts_answers_are_claims_under_any_subheading() -> None:
    """A page whose paragraphs open on two or three names, the turn passing between them
    again and again, is a transcript: an answer after its speaker's name is prose wherever it
    stands. A listing's many field labels ("Adresse:", "Eintritt:") are no speakers."""
    lead = SectionText(None, ["Anna Weber plans the tram line to the airport for the city."])
    answer = "Weber: The tram line will cost the city 420 million euros by the year 2030."
    talk = SectionText(
        "The interview",
        [
            "Reporter: What will the tram line to the airport cost the city?",
            answer,
            "Reporter: And when will the first tram reach the airport terminal?",
            "Weber: The first tram will run in the summer of the fourth year.",
            "Reporter: Will the buses of line 7 keep running until then?",
            "Weber: Yes, the buses keep running between the station and the terminal.",
        ],
    )
    assert pick_claims(TITLE, [lead, talk])[1] == [answer]
    fields = ["Adresse", "Eintritt", "Homepage", "Weber", "Adresse", "Eintritt"]
    assert pick._transcript_speakers(fields) == set()
    assert pick._transcript_speakers([p.split(":")[0] for p in talk.paragraphs]) == {
        "Reporter",
        "Weber",
    }
    assert pick._transcript_speakers(["Qualifying", "Rennen", "Qualifying", "Rennen"]) == set()


def test_a_claim_under_a_subheading_stands_alone() -> None:
    """Under a subheading, a sentence that opens with a reference back ("This meant...") or
    asks a question is a claim only when the section has nothing better."""
    section = SectionText(
        heading="How much the tram line will cost",
        paragraphs=[
            "This meant the tram line would cost far more than the council had planned.",
            "Who will pay for the tram line to the airport?",
            "The regional government will pay most of the 420 million euros of the tram line.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[2]]
    leaning_only = SectionText(section.heading, section.paragraphs[:1])
    assert pick_claims(TITLE, [LEAD, leaning_only])[1] == leaning_only.paragraphs


def test_what_is_not_prose_is_never_a_claim_even_alone() -> None:
    """A call to action or a sign-off is never a claim, even when the section has nothing
    else."""
    section = SectionText(
        heading="Get involved",
        paragraphs=["Thanks for reading, and see you at the tram line consultation on Tuesday."],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == []


_WORD = st.sampled_from([*_VOCABULARY[:40], "the", "of", "U.S.", "3.5", "東京", "भारत", "“quoted”"])
_SENTENCE = st.lists(_WORD, min_size=1, max_size=14).map(lambda words: " ".join(words) + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)
_SECTION = st.builds(
    SectionText,
    heading=st.one_of(st.none(), _WORD),
    paragraphs=st.lists(_PARAGRAPH, max_size=4),
)


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(_SECTION, max_size=5), _PARAGRAPH)
def test_claims_are_sentences_of_their_section_in_order(
    sections: list[SectionText], title: str
) -> None:
    """Whatever the input: one list per section, each claim a sentence of that section, in
    article order, never more than the section is owed, no claim twice."""
    claims = pick_claims(title, sections)
    assert len(claims) == len(sections)
    seen: set[str] = set()
    for section, section_claims in zip(sections, claims, strict=True):
        sentences = _sentences_of(section)
        indices = [sentences.index(claim) for claim in section_claims]
        assert indices == sorted(indices)
        assert len(section_claims) <= 3
        assert not seen & set(section_claims)
        seen |= set(section_claims)


def test_sections_past_the_limit_get_no_claims() -> None:
    """10,000 subheadings (a fuzz size attack): the first MAX_CLAIMED_SECTIONS get their claim,
    the rest none, and no claim is compared with every earlier one."""

    def word(i: int, salt: str) -> str:  # a distinct word per section: no near-duplicates
        return salt + "".join(chr(97 + (i // 26**k) % 26) for k in range(3))

    sections = [
        SectionText(
            heading=f"Part {word(i, 'p')}",
            paragraphs=[f"The {word(i, 'a')} council said {word(i, 'b')} was {word(i, 'c')}."],
        )
        for i in range(MAX_CLAIMED_SECTIONS + 50)
    ]
    claims = pick_claims(TITLE, sections)
    assert len(claims) == len(sections)
    assert all(claims[:MAX_CLAIMED_SECTIONS])
    assert not any(claims[MAX_CLAIMED_SECTIONS:])


def test_an_interviewers_lead_in_to_a_question_is_not_the_point() -> None:
    """In an interview, the sentences of a paragraph that ends with a question are the
    interviewer's lead-in ("With MYMARINI you were a pioneer..."): the answer has the point."""
    section = SectionText(
        heading="Im Gespräch mit der Gründerin",
        paragraphs=[
            "Mit MYMARINI warst du Vorreiterin in Sachen Ethical Swimwear und fairer Mode. "
            "Was war für dich die größte Hürde bei der Umsetzung deiner Vision?",
            "Die größte Hürde war die Suche nach einer fairen Produktion für die Swimwear, "
            "die in Europa näht und nachhaltige Stoffe verarbeitet.",
        ],
    )
    title = "Faire Swimwear von MYMARINI: Interview mit der Gründerin"
    claims = pick_claims(title, [LEAD, section], "de")
    assert claims[1] == [
        "Die größte Hürde war die Suche nach einer fairen Produktion für die Swimwear, "
        "die in Europa näht und nachhaltige Stoffe verarbeitet."
    ]


def test_a_story_without_subheadings_takes_a_leaning_sentence_only_after_its_own() -> None:
    """In news without subheadings, "Still, he..." is a claim when the sentence before it is on
    the card (it reads in its context); otherwise a self-contained sentence of nearly the
    same score goes first."""
    story = SectionText(
        heading=None,
        paragraphs=[
            "The city council approved a new tram line to the airport on Tuesday night.",
            "The tram line to the airport will cost 420 million euros, the council said.",
            "Critics of the council said the airport line would be late and over budget.",
            "Residents near the airport welcomed the tram line after years of traffic jams.",
            "Still, the council said the airport tram line would open on time in four years.",
        ],
    )
    claims = pick_claims(TITLE, [story])[0]
    assert len(claims) == 3
    assert story.paragraphs[4] not in claims
    after_lede = SectionText(None, [story.paragraphs[i] for i in (0, 4, 1, 2, 3)])
    assert pick_claims(TITLE, [after_lede])[0][:2] == after_lede.paragraphs[:2]


def test_a_short_aside_of_a_question_leads_no_question() -> None:
    """A paragraph ending on an aside ("Wait, what?") after words to the reader is no
    interviewer's lead-in: its first sentence may be the section's point."""
    section = SectionText(
        heading="Trouble at the depot",
        paragraphs=[
            "Brace yourself, commuters: the airport tram line may not open on time because of a "
            "legal dispute over the depot. Wait, what?",
            "The dispute began when a developer bought the land next to the depot last year.",
        ],
    )
    claims = pick_claims(TITLE, [LEAD, section])
    assert claims[1] == [section.paragraphs[0].removesuffix(" Wait, what?")]


def test_a_rhetorical_question_leaves_its_paragraph_alone() -> None:
    """A question the author asks the air ("which number stands out?") is no interview: the
    sentence before it may still be the section's point."""
    section = SectionText(
        heading="Detecting anomalies",
        paragraphs=[
            "An anomaly in a data series is a significant deviation from a reasonable value. "
            "Looking at this series of numbers, which number stands out?",
            "2, 3, 5, 2, 3, 12, 5, 3, 4",
            "Twelve is the number that stands out from all the others by far.",
        ],
    )
    claims = pick_claims("Detecting anomalies in SQL", [LEAD, section])
    assert claims[1] == [
        "An anomaly in a data series is a significant deviation from a reasonable value."
    ]


def test_a_lede_that_opens_on_what_came_before_is_no_lede() -> None:
    """When extraction left out the real opening, the first sentence may lean on it ("Now that
    his trial has ended..."): it is not insisted on as the lede."""
    story = SectionText(
        heading=None,
        paragraphs=[
            "Now that his trial has ended, prosecutors released the footage of the tram rescue.",
            "Police released a video of the rescue of a girl from a tram to the airport.",
            "The video shows officers racing up the tram line to the airport on Tuesday.",
            "The girl was found unharmed and returned to her mother, the council said.",
            "A federal jury convicted the kidnapper of the girl after a two-day trial.",
        ],
    )
    claims = pick_claims(TITLE, [story])[0]
    assert story.paragraphs[0] not in claims


def test_a_piece_of_a_longer_quote_is_not_preferred() -> None:
    """A sentence that opens a quotation and does not close it ("“Police! Open the door!") is
    cut from the rest of the quote; German „…“ and French « … » quotes are closed."""
    section = SectionText(
        heading="The rescue of the girl",
        paragraphs=[
            "“Police officers of the airport tram line, open the door right now!",
            "Officers found the girl in a hotel room near the airport tram line.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    german = SectionText(
        heading="Die Rettung",
        paragraphs=["Der Polizist rief „Öffnen Sie die Tür, sofort!“ und trat die Tür ein."],
    )
    assert pick_claims(TITLE, [LEAD, german], "de")[1] == german.paragraphs


def test_a_quote_credited_to_a_surname_the_card_never_names_is_not_preferred() -> None:
    """ "...,” Paganini added." names a speaker the reader has not met: under a subheading it
    gives way to a sentence that stands alone, unless the card named the speaker before."""
    quote = "“The new tram line to the airport is what the city council needed,” Paganini added."
    section = SectionText(
        heading="What the tram line will bring",
        paragraphs=[
            quote,
            "Commuters will save half an hour on their trip to the centre every morning.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    named = SectionText(
        heading=None,
        paragraphs=[
            "Lucas Paganini, the council's planner, presented the tram line to the airport.",
            *LEAD.paragraphs,
        ],
    )
    assert pick_claims(TITLE, [named, section])[1] == [quote]


def test_a_surname_alone_as_the_subject_the_card_never_named_is_not_preferred() -> None:
    """ "Young, in his testimony, didn't address..." names a person the reader has not met by
    one word: under a subheading it gives way to a sentence that stands alone, unless the card
    named the person before. (Its own aside, "in his", says it is a person.)"""
    bare = "Young, in his testimony, did not address the cost of the tram line to the airport."
    section = SectionText(
        heading="What the tram line will bring",
        paragraphs=[
            bare,
            "Commuters will save half an hour on their trip to the centre every morning.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    named = SectionText(
        heading=None,
        paragraphs=[
            "Maria Young, the council's planner, presented the tram line to the airport.",
            *LEAD.paragraphs,
        ],
    )
    assert pick_claims(TITLE, [named, section])[1] == [bare]


def test_a_claim_that_repeats_the_lede_in_fewer_words_is_not_taken() -> None:
    """A later sentence nearly all of whose terms the lede already has adds nothing: the
    story's three claims take a sentence that says something new."""
    lede = (
        "A programmer has released code that crashes any server hosting the online game "
        "Minecraft, exploiting a flaw in the game's network protocol."
    )
    repeat = "Askar released the code that crashes any server hosting the game."
    article = SectionText(
        heading=None,
        paragraphs=[
            lede,
            repeat,
            "Mojang was told about the flaw two years ago and has not fixed it since then.",
            "Server owners can block the attack by limiting the size of incoming packets.",
        ],
    )
    (claims,) = pick_claims("Minecraft exploit crashes game servers", [article])
    assert claims[0] == lede
    assert repeat not in claims


def test_a_claim_that_says_an_earlier_one_again_with_more_words_is_not_taken() -> None:
    """A candidate holding nearly all of the terms of a claim already taken repeats it at
    greater length ("Border agents say ... $53 million a week is coming across the border in
    drugs, he said, ..." after "McKinley said that $53 million a week is coming across...")."""
    taken = {"mckinley", "53", "million", "week", "come", "across", "border", "drug"}
    longer = taken - {"mckinley"} | {
        "agent",
        "pay",
        "attent",
        "intelligenc",
        "wheel",
        "news",
        "regist",
    }
    assert pick._repeats(longer, taken, same_section=True)
    assert not pick._repeats(
        longer, {"mckinley", "border", "drug", "seizur", "data", "custom"}, same_section=True
    )


def test_a_later_sections_follow_up_that_adds_facts_is_no_repeat() -> None:
    """A claim of a later section holding an earlier claim's terms and adding its own says
    more, not the same again; in the same section it is still a repeat."""
    earlier = set(terms("The council approved the tram line budget on Tuesday night."))
    follow_up = set(
        terms(
            "After the council approved the tram line budget on Tuesday night, construction"
            " firms have until March to bid, and the first trams are due to run in 2027."
        )
    )
    assert not pick._repeats(follow_up, earlier)
    assert pick._repeats(follow_up, earlier, same_section=True)


def test_in_a_story_without_subheadings_an_unnamed_speaker_gives_way() -> None:
    """ "..., Azzouz said." where the card never named Azzouz ranks as a sentence leaning on
    what came before: a self-contained one of a lower score takes its place."""
    quote = (
        "The tram line to the airport is “also aimed at growth in the next decade,” Azzouz said."
    )
    article = SectionText(
        heading=None,
        paragraphs=[
            LEAD.paragraphs[0],
            quote,
            "The line will link the central station with the airport terminal in twenty minutes.",
            "Officials expect eight thousand riders a day once the line opens to the public.",
            "The council will vote on the timetable of the new line at its next meeting.",
        ],
    )
    (claims,) = pick_claims(TITLE, [article])
    assert quote not in claims and len(claims) == 3
    # ...but when the card names the speaker, the quote reads in its context.
    assert quote in pick_claims("Azzouz backs the airport tram line", [article])[0]


def test_in_a_story_without_subheadings_a_pronoun_speaker_gives_way() -> None:
    """ "Finding water vapor on Europa, he said, is..." names its speaker in a sentence the
    card may not show: unless that sentence is on the card, a self-contained one of a lower
    score takes its place."""
    aside = "The new tram line, he said, is the next best thing to an underground railway."
    article = SectionText(
        heading=None,
        paragraphs=[
            LEAD.paragraphs[0],
            "Officials spoke for hours.",
            aside,
            "The line will link the central station with the airport terminal in twenty minutes.",
            "Officials expect eight thousand riders a day once the line opens to the public.",
            "The council will vote on the timetable of the new line at its next meeting.",
        ],
    )
    (claims,) = pick_claims(TITLE, [article])
    assert aside not in claims and len(claims) == 3
    # ...but after the sentence before it, it reads in its context.
    article.paragraphs[1] = (
        "Mayor Anna Berger defended the new tram line to the airport in the council."
    )
    assert aside in pick_claims(TITLE, [article])[0]


_TRAM_POINT = "The tram line will save commuters half an hour on their trip to the city centre."
_DE_TITLE = "Stadtrat beschließt neue Straßenbahnlinie zum Flughafen"
_DE_LEAD = (
    "Der Stadtrat hat am Dienstag nach langer Debatte eine neue Straßenbahnlinie zum Flughafen"
    " beschlossen."
)
_FR_TITLE = "Le conseil municipal approuve une nouvelle ligne de tram vers l'aéroport"
_FR_LEAD = (
    "Le conseil municipal a approuvé mardi une nouvelle ligne de tram vers l'aéroport après un"
    " long débat."
)


@pytest.mark.parametrize(
    ("title", "lead", "quote", "point"),
    [
        (
            TITLE,
            LEAD.paragraphs[0],
            "“The tram line will change how the whole city travels,” said Anna Berger of the"
            " council.",
            _TRAM_POINT,
        ),
        (
            TITLE,
            LEAD.paragraphs[0],
            "Anna Berger of the council said, “The tram line will change how the whole city"
            " travels.”",
            _TRAM_POINT,
        ),
        (
            TITLE,
            LEAD.paragraphs[0],
            "Anna Berger of the council after the vote: “The tram line will change how the"
            " whole city travels.”",
            _TRAM_POINT,
        ),
        (
            TITLE,
            LEAD.paragraphs[0],
            "Dr. Anna Berger of the council after the vote: “The tram line will change how the"
            " whole city travels.”",
            _TRAM_POINT,
        ),
        (
            _DE_TITLE,
            _DE_LEAD,
            "„Die neue Straßenbahnlinie zum Flughafen verändert, wie die ganze Stadt reist“,"
            " sagte Anna Berger vom Stadtrat.",
            "Die Straßenbahnlinie spart Pendlern eine halbe Stunde auf dem Weg zum Flughafen.",
        ),
        (
            TITLE,
            LEAD.paragraphs[0],
            "Anna Berger of the council summed up the new tram line to the airport: “It is time.”",
            _TRAM_POINT,
        ),
        (
            _FR_TITLE,
            _FR_LEAD,
            "«La nouvelle ligne de tram vers l'aéroport va changer la façon dont toute la ville"
            " se déplace», explique Anna Berger.",
            "La ligne de tram fera gagner une demi-heure aux voyageurs entre l'aéroport et le"
            " centre.",
        ),
    ],
)
def test_under_a_subheading_a_credited_quote_gives_way_to_the_writers_sentence(
    title: str, lead: str, quote: str, point: str
) -> None:
    """Under a subheading, a quotation credited to its speaker reacts to the section's point:
    the writer's own sentence of nearly its score says it."""
    opening = SectionText(heading=None, paragraphs=[lead])
    section = SectionText(heading="What the tram line will bring", paragraphs=[quote, point])
    assert pick_claims(title, [opening, section])[1] == [point]


@pytest.mark.parametrize(
    "named",
    [
        # a colon before a title with text after it: the quotation does not end the sentence
        "The city named the campaign for the new tram line to the airport: "
        '"Ride the tram line to the airport" starts on Monday.',
        # a colon before a name or a title that ends the sentence: no clause said
        "The city has announced the name of the new tram line to the airport: “Skyline”.",
        # ...or after a word that announces one
        "The motto of the new tram line to the airport is called: “The tram line brings the"
        " airport closer”.",
    ],
)
def test_a_colon_before_a_name_or_title_introduces_no_quote(named: str) -> None:
    """A colon that announces a name, a title or a motto introduces no one's words: the
    sentence keeps its rank under its subheading."""
    section = SectionText(heading="What the tram line will bring", paragraphs=[named, _TRAM_POINT])
    assert pick_claims(TITLE, [LEAD, section])[1] == [named]


@pytest.mark.parametrize(
    "quote",
    [
        "Merkel: „Wir schaffen das“.",
        'Smith: "We won".',
        "Sportdirektor Bruno Hübner: „Wir bleiben“.",
        "Ursula von der Leyen: “Europe is ready”.",
        'Smith: "We won."',  # (the stop inside: a quote however short)
    ],
)
def test_a_short_quote_after_a_bare_name_is_a_quote_whatever_side_its_stop(quote: str) -> None:
    """British and German typesetting put a short quote's stop outside its marks: after a
    speaker named bare, it is that speaker's clause all the same."""
    assert pick._introduces_quote(quote)


@pytest.mark.parametrize(
    "named",
    [
        "Der Titel: „Blaue Stunde“.",
        "Das Motto der Messe lautet: „Gemeinsam stark“.",
        "Apple verrät den Namen: „macOS Sequoia“.",
        "Motto: „Gemeinsam stark“.",
        "The city announced the name of the line: “Skyline”.",
    ],
)
def test_a_short_quote_after_a_phrase_announcing_it_is_no_quote(named: str) -> None:
    """After a clause or a noun phrase, a short quote ending outside its marks is a name, a
    title or a motto the colon announces."""
    assert not pick._introduces_quote(named)


def test_a_sentence_opening_on_a_quoted_word_is_no_quotation() -> None:
    """ "“Smart” tickets...", „Kleiner“ Vorverkauf gestartet: ...": a quoted word or title
    credits no one, and the sentence keeps its place under its subheading."""
    scare = "“Smart” tickets for the tram line to the airport go on sale on Monday morning."
    section = SectionText(heading="What the tram line will bring", paragraphs=[scare, _TRAM_POINT])
    assert pick_claims(TITLE, [LEAD, section])[1] == [scare]


def test_a_quote_credited_to_no_one_is_not_preferred() -> None:
    """A sentence that is all one quotation (“And it could...”) was said by someone named
    before it: under a subheading it gives way to one that stands alone, and in a story
    without subheadings it comes only after its own sentence."""
    bare = "“The tram line to the airport could change how the whole city travels.”"
    section = SectionText(
        heading="What the tram line will bring",
        paragraphs=[bare, "Commuters will save half an hour on their trip to the centre."],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    title = (
        "“L’orologio del clima” è opera di artisti e reca un messaggio: “La Terra ha una scadenza”."
    )
    quoted_title = SectionText(
        heading="What the tram line will bring",
        paragraphs=[title, "Commuters will save half an hour on their trip to the centre."],
    )
    assert pick_claims(TITLE, [LEAD, quoted_title])[1] == [title]


def test_a_sentence_that_only_repeats_its_subheading_is_no_claim() -> None:
    """A section opening on its own heading's words ("Ihr sucht noch mehr Strick?" under
    "Ihr sucht noch mehr Strick? Bei diesen Brands...") says nothing the field does not show."""
    section = SectionText(
        heading="Three tram lines run to the airport from the station:",
        paragraphs=[
            "Three tram lines run to the airport from the station.",
            "Line 4 and line 9 stop at the old harbour on their way to the terminal.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]


def test_a_hook_is_not_the_lede_of_an_article_with_subheadings() -> None:
    """ "Picture a tram..." or a sentence speaking to the reader opens a blog post without
    saying anything: the lead takes a sentence that does."""
    lead = SectionText(
        heading=None,
        paragraphs=[
            "Picture yourself on a tram that takes you from the station to the airport.",
            "The city council approved a new tram line to the airport on Tuesday.",
        ],
    )
    assert pick_claims(TITLE, [lead, COST])[0] == [lead.paragraphs[1]]


HARBOUR_TITLE = "Harbour town bans cruise ships from its old port"
SCENE = "The morning fog rolls slowly over the water while fishermen mend their nets on the quay."
HARBOUR_NEWS = "The harbour town council voted on Monday to ban cruise ships from the old port."
HARBOUR_VISITORS = SectionText(
    heading="What the ban means for visitors",
    paragraphs=["Visitors arriving by sea will land at a new terminal outside the town."],
)


def test_an_opening_that_says_none_of_the_headline_gives_way_to_one_that_does() -> None:
    """A lead opening on a scene, a caption or a disclaimer that shares no term with the
    headline: the sentence soon after it that says what the headline announces is the lede."""
    lead = SectionText(heading=None, paragraphs=[SCENE, HARBOUR_NEWS, "Shop owners are worried."])
    assert pick_claims(HARBOUR_TITLE, [lead, HARBOUR_VISITORS])[0] == [HARBOUR_NEWS]
    one = ClaimSettings(headingless_claims=1)
    assert pick_claims(HARBOUR_TITLE, [lead], settings=one) == [[HARBOUR_NEWS]]


def test_an_opening_that_shares_a_headline_term_stays_the_lede() -> None:
    """An opening naming something of the headline is the story's own start; and a later
    sentence with a single headline term does not say enough of it to take the lede's place."""
    opening = "The morning fog rolls slowly over the old harbour while fishermen mend their nets."
    lead = SectionText(heading=None, paragraphs=[opening, HARBOUR_NEWS])
    assert pick_claims(HARBOUR_TITLE, [lead, HARBOUR_VISITORS])[0] == [opening]
    barely = "On Monday the council voted to ban them from next summer on."
    lead = SectionText(heading=None, paragraphs=[SCENE, barely])
    assert pick_claims(HARBOUR_TITLE, [lead, HARBOUR_VISITORS])[0] == [SCENE]


def test_a_setup_that_says_none_of_the_headline_is_no_lede_under_subheadings() -> None:
    """A blog post opening on its setup ("For years the buses were crowded...") that shares no
    term with the headline: the lead's best sentence, which says the headline's point, is its
    claim; a story without subheadings keeps its first sentence as the lede (one naming
    something: a short one naming nothing is a truism, `test_a_truism_opening_is_no_lede`)."""
    setup = (
        "For years the number 7 buses were crowded each morning. Commuters wrote angry letters"
        " to the local newspaper. Some gave up and bought bicycles. Others simply stayed home"
        " on rainy days. Nobody expected a change soon."
    )
    point = "The city council approved a new tram line to the airport on Tuesday."
    lead = SectionText(heading=None, paragraphs=[setup, point])
    assert pick_claims(TITLE, [lead, COST])[0] == [point]
    one = ClaimSettings(headingless_claims=1)
    assert pick_claims(TITLE, [lead], settings=one) == [[setup.split(". ")[0] + "."]]


def test_a_sentence_about_the_page_gives_way_to_one_about_the_subject() -> None:
    """ "The answers below..." and "Please find below..." point at the page, and the post's
    publication line is no claim at all: the section's own sentence is its claim."""
    section = SectionText(
        heading="How much the tram line will cost",
        paragraphs=[
            "The answers below explain how much the tram line will cost the city.",
            "The tram line will cost 420 million euros, most of it paid by the region.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    published = (
        'Der Artikel "Neue Tram zum Flughafen" wurde am 05.11.2021 in der Kategorie Verkehr'
        " von Anna Weber veröffentlicht."
    )
    claims = pick_claims(TITLE, [SectionText(None, [*LEAD.paragraphs, published])])
    assert published not in claims[0]


def test_a_sign_off_or_a_pointer_above_gives_way_to_the_sections_point() -> None:
    """ "We look forward to sharing updates..." and "...im Video oben..." speak of the post:
    the section's sentence about its subject is its claim, even when it comes later."""
    section = SectionText(
        heading="What comes next for the tram line",
        paragraphs=[
            "We look forward to sharing updates on the tram line to the airport.",
            "Construction of the tram line starts next spring and ends within three years.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [section.paragraphs[1]]
    section = SectionText(
        heading="Die Straßenbahn zum Flughafen",
        paragraphs=[
            "Heute zeig ich euch im Video oben die neue Straßenbahn zum Flughafen.",
            "Die Straßenbahn fährt ab dem Frühjahr alle zehn Minuten zum Flughafen.",
        ],
    )
    assert pick_claims("Die Straßenbahn zum Flughafen", [LEAD, section], "de")[1] == [
        section.paragraphs[1]
    ]


def test_a_quote_credited_to_a_role_alone_is_not_preferred() -> None:
    """ "...”, acrescenta o repórter." names no one the reader has met: under a subheading it
    gives way to a sentence that stands alone, as a bare surname does."""
    quote = "“A linha de bonde até o aeroporto é o que a cidade precisava”, acrescenta o repórter."
    section = SectionText(
        heading="O que a linha vai trazer",
        paragraphs=[quote, "Os passageiros vão economizar meia hora na viagem até o centro."],
    )
    assert pick_claims(TITLE, [LEAD, section], "pt")[1] == [section.paragraphs[1]]


def test_a_lead_that_only_leans_on_its_sections_gets_no_claim() -> None:
    """Before the subheadings, a hook, a question and a label say nothing the sections do
    not: the card opens on the first section rather than on "Chronik" or "Picture...".
    Without subheadings the story's opening stays, whatever it is."""
    lead = SectionText(
        heading=None,
        paragraphs=["Chronik", "Picture yourself on a tram.", "Why would a city build one?"],
    )
    assert pick_claims(TITLE, [lead, COST]) == [[], [COST.paragraphs[1]]]
    assert pick_claims(TITLE, [lead])[0]


def test_a_blurb_said_twice_above_the_story_is_not_its_lede() -> None:
    """A gallery's promo and its caption say the same sentence above the story: the lede is
    the story's own first sentence, which the section says once."""
    blurb = "Security forces stormed the museum, freeing hostages and ending a siege by gunmen."
    lead = SectionText(
        heading=None,
        paragraphs=[
            blurb,
            blurb,
            "Gunmen opened fire on visitors at the museum on Wednesday, killing at least 19.",
            "It was the most deadly attack in the country in more than a decade.",
        ],
    )
    claims = pick_claims(TITLE, [lead], settings=ClaimSettings(headingless_claims=1))
    assert claims[0] == [lead.paragraphs[2]]


def test_an_epigraph_is_not_the_lede() -> None:
    """A quotation credited to no one above an essay ("“Es ist nicht zu wenig Zeit...”") is
    an epigraph, not its opening point: the lede is the first sentence of the essay's own."""
    epigraph = "“Time is the one thing nobody can buy back once it has been spent.”"
    lead = SectionText(
        heading=None,
        paragraphs=[
            epigraph,
            "The city council approved a new tram line to the airport on Tuesday.",
            "The line will link the central station with the airport terminal.",
        ],
    )
    claims = pick_claims(TITLE, [lead], settings=ClaimSettings(headingless_claims=1))
    assert claims[0] == [lead.paragraphs[1]]


def test_a_roundup_presenting_itself_is_passed_over_for_its_first_item() -> None:
    """A roundup opening "This is the tech news you need to know this Tuesday.": its first item
    is the lede, not whatever item is most central."""
    lead = SectionText(
        heading=None,
        paragraphs=[
            "Good morning! This is the tech news you need to know this Tuesday.",
            "The state attorney general is investigating the office-sharing company amid layoffs.",
            "The phone carrier's chief executive is stepping down in May next year.",
            "The phone maker is holding a surprise event next month about apps and games.",
            "The phone maker's event will highlight the best apps and games of the year.",
        ],
    )
    claims = pick_claims(TITLE, [lead], settings=ClaimSettings(headingless_claims=1))
    assert claims[0] == [lead.paragraphs[1]]


def test_a_role_alone_credits_no_one_even_in_a_running_story() -> None:
    """In a story without subheadings, "...”, acrescenta o repórter." still names no one the
    card shows: it is no claim while a sentence that stands alone is left."""
    quote = "“A linha de bonde até o aeroporto é o que a cidade precisava”, acrescenta o repórter."
    story = SectionText(
        heading=None,
        paragraphs=[
            "A câmara aprovou uma nova linha de bonde até o aeroporto na terça-feira.",
            quote,
            "As obras começam na próxima primavera e devem durar três anos.",
        ],
    )
    claims = pick_claims(TITLE, [story], "pt", ClaimSettings(headingless_claims=3))
    assert claims[0] == [story.paragraphs[0], story.paragraphs[2]]


@pytest.mark.parametrize(
    "leaning",
    [
        # opens on a quotation: it reacts to the news, or is a line of dialogue
        "“The tram line to the airport will change how this city travels,” said Anna Berg.",
        # points back: "...the source of this water..." names what may not be on the card
        "The engineers think the cost of this tram line to the airport will double.",
        # introduces a quotation: "Morrison said in a statement, “We are pleased...”"
        "Mayor Anna Berg said in a statement, “The tram line to the airport is a good day.”",
        # ...or a colon after its speaker does: "Sportdirektor Bruno Hübner:„Ich bedanke..."
        "Mayor Anna Berg after the vote: “The tram line to the airport is a good day for us.”",
    ],
    ids=["opens-on-quote", "points-back", "introduces-quote", "colon-quote"],
)
def test_in_a_story_without_subheadings_a_leaning_sentence_gives_way(leaning: str) -> None:
    """In a story read as one, a sentence that leans on the one before comes after a plain
    sentence of nearly its score: the writer's own sentence says the news."""
    story = SectionText(
        heading=None,
        paragraphs=[
            "The city council approved a new tram line to the airport on Tuesday.",
            "The debate took all day.",
            leaning,
            "Trams on the new airport line will run every ten minutes from next spring.",
        ],
    )
    claims = pick_claims(TITLE, [story], settings=ClaimSettings(headingless_claims=2))
    assert claims[0] == [story.paragraphs[0], story.paragraphs[3]]


def test_a_sentence_is_judged_once_and_a_repeated_text_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lede, the section's picks and the lead's check share a sentence's tier; a text the
    document says twice (a sign-off under two sections) runs the not-a-claim patterns once;
    the claims are those of the unmemoised verdicts."""
    sign_off = "Thanks for reading, and see you at the opening of the new airport tram line."
    cost = SectionText(COST.heading, [sign_off, *COST.paragraphs])
    timeline = SectionText(TIMELINE.heading, [sign_off, *TIMELINE.paragraphs])
    sections = [LEAD, cost, timeline]
    judged: list[str] = []
    leaning: list[str] = []

    def counted(
        text: str, *, language: str | None = None, spaced_punctuation: bool = False
    ) -> bool:
        judged.append(text)
        return is_not_prose(text, language=language, spaced_punctuation=spaced_punctuation)

    def counted_leaning(text: str, *, openings: bool = True) -> bool:
        leaning.append(text)
        return leans_on_context(text, openings=openings)

    expected = pick_claims(TITLE, sections)
    monkeypatch.setattr(pick, "is_not_prose", counted)
    monkeypatch.setattr(pick, "leans_on_context", counted_leaning)
    assert pick_claims(TITLE, sections) == expected
    sentences = pick._article_sentences(sections, None)
    repeated = [sentence for sentence in sentences if sentence.text == sign_off]
    assert len(repeated) == 2
    judged.clear()
    leaning.clear()
    assert [pick._tier(sentence) for sentence in repeated] == [None, None]
    assert judged == [sign_off]
    first = sentences[0]
    assert pick._tier(first) == 0
    assert leaning == [first.text]
    assert pick._tier(first) == pick._judge_tier(first) == 0
    assert leaning == [first.text] * 2  # `_judge_tier` judged again; `_tier` did not


def test_a_lede_paragraph_without_its_stop_still_leads() -> None:
    """The article's first paragraph, a long sentence that lost its final stop (as a page's
    description quotes it), is the lede, not a caption; a short line, a lead-in ending on a
    colon and a trail of links without a stop are not."""
    lede = (
        "The city council approved a new tram line to the airport on Tuesday after a debate "
        "that ran late into the night"
    )
    rest = [
        "Officials met at the town hall.",
        "The line will link the central station with the airport terminal in under twenty minutes.",
    ]
    settings = ClaimSettings(claims_per_section=3)
    claims = pick_claims(TITLE, [SectionText(None, [lede, *rest]), COST], settings=settings)
    assert claims[0][0] == lede
    for opening in (
        "Tram line to the airport approved",
        "The council took the following decisions about the new tram line to the airport on "
        "Tuesday:",
        "News > City > Transport > Council approves a new tram line to the airport after a "
        "long debate on Tuesday",
    ):
        claims = pick_claims(TITLE, [SectionText(None, [opening, *rest]), COST], settings=settings)
        assert opening not in claims[0]


def test_a_long_cjk_sentence_is_measured_in_characters() -> None:
    """A Chinese sentence joins with commas clauses English would end with stops: one of a
    hundred-odd characters is a claim, not a run-on fragment (its characters count half a
    word each, past MAX_CLAIM_WORDS); one past MAX_CLAIM_UNSPACED_CHARS is not."""
    long_sentence = (
        "为了让更多市民了解新建的机场轻轨线路，市政府交通部门组织了为期一个月的宣传活动，"
        "自五月下旬开始，先后在火车站、市中心广场、各区图书馆、大学校园和机场候机楼等十个"
        "地点举办展览和讲座，吸引了大量市民参观，并收集了许多关于票价和班次的意见和建议。"
    )
    assert 100 < len(long_sentence) <= 150
    lead = SectionText(
        None,
        [
            "市议会周二批准了通往机场的新轻轨线路。",
            long_sentence,
            "有人说天气很好。",
        ],
    )
    claims = pick_claims("市议会批准机场轻轨线路", [lead], language="zh")
    assert long_sentence in claims[0]
    run_on = long_sentence[:-1] + "，" + long_sentence
    lead = SectionText(None, ["市议会周二批准了通往机场的新轻轨线路。", run_on, "有人说天气很好。"])
    assert run_on not in pick_claims("市议会批准机场轻轨线路", [lead], language="zh")[0]


BUDGET_HISTORY = (
    "Back in 1998 the first plans for a rail link were drawn up by the regional government."
)
BUDGET_POINT = (
    "Auditors now warn that cost overruns are likely because of old tunnels under the route."
)
BUDGET_SECTION = SectionText(
    heading="Cost overruns likely, auditors warn",
    paragraphs=[
        BUDGET_HISTORY + " Those plans were shelved twice for lack of money.",
        "Since then the regional government has grown more careful. " + BUDGET_POINT,
    ],
)


def test_a_section_opening_on_its_history_gives_way_to_what_its_subheading_announces() -> None:
    """A subheading of three or more terms states the section's point: a section opening on
    its background ("Back in 1998...") that shares none of them gives way to the sentence soon
    after it that says most of them; a two-term label does not insist so."""
    assert pick_claims(TITLE, [LEAD, BUDGET_SECTION])[1] == [BUDGET_POINT]
    label = SectionText(heading="Cost overruns", paragraphs=BUDGET_SECTION.paragraphs)
    assert pick_claims(TITLE, [LEAD, label])[1] == [BUDGET_HISTORY]


def test_an_opening_naming_one_subheading_term_gives_way_to_one_naming_two_more() -> None:
    """An opening naming one of the subheading's terms ("cost") gives way so too, to a
    sentence soon after that names at least two more of them; one naming two ("cost",
    "auditors") is the section's own start."""
    later = "Since then the region has grown more careful. " + BUDGET_POINT
    one = "Back in 1998 the first cost plans for a rail link were drawn up by the region."
    section = SectionText(heading=BUDGET_SECTION.heading, paragraphs=[one, later])
    assert pick_claims(TITLE, [LEAD, section])[1] == [BUDGET_POINT]
    two = "Back in 1998 auditors checked the first cost plans for a rail link in the region."
    section = SectionText(heading=BUDGET_SECTION.heading, paragraphs=[two, later])
    assert pick_claims(TITLE, [LEAD, section])[1] == [two]


def test_a_subheadings_point_may_come_after_a_paragraph_of_setup() -> None:
    """The sentence saying what the subheading announces is looked for past the section's
    first five sentences (`SUBHEADING_LEDE_REACH`): a paragraph of background may come first."""
    background = [
        BUDGET_HISTORY,
        "Those plans were shelved twice for lack of money.",
        "A new mayor revived them in 2015.",
        "The regional government then asked engineers for a fresh route.",
        "Their report took three years to write.",
    ]
    section = SectionText(
        heading=BUDGET_SECTION.heading,
        paragraphs=[
            " ".join(background),
            "Since then the region has grown careful. " + BUDGET_POINT,
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [BUDGET_POINT]


RAIL_TITLE = "Regional rail link plan faces new delays"
RAIL_LEAD = SectionText(
    None,
    [
        "The regional rail link between Harbor City and the airport will open two years late,"
        " officials said on Monday."
    ],
)


def test_a_subheadings_point_is_no_quote_of_someone_the_card_never_named() -> None:
    """The sentence saying what a subheading announces is vetted as any first claim is: one
    crediting a surname the card has not named ("..., Jones said.") is not taken over the
    section's own opening, nor is a quotation credited to its speaker ("...,” says the report
    by the central bank."), which ranks below the writer's own sentences under a subheading."""
    opening = "Shares of the three largest lenders fell sharply on Friday after the report."
    unnamed = (
        "Consolidation is likely in the near term as there are too many small banks, Jones said."
    )
    section = SectionText("Consolidation likely near term", [opening, unnamed])
    assert pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1] == [opening]
    quote = (
        "“Consolidation is likely in the near term, there are too many small banks,” says the"
        " report by the central bank."
    )
    section = SectionText("Consolidation likely near term", [opening, quote])
    assert pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1] == [opening]
    german_opening = "Der Mieterverein stellte am Freitag seinen jährlichen Bericht in Berlin vor."
    german_quote = "„Die neuen Regeln für Mieter gelten ab Januar“, sagte Müller."
    section = SectionText("Neue Regeln für Mieter ab Januar", [german_opening, german_quote])
    claims = pick_claims("Mieterverein legt Bericht vor", [RAIL_LEAD, section], language="de")
    assert claims[1] == [german_opening]


def test_an_opening_stating_a_figure_is_not_passed_over_for_an_echo_of_its_subheading() -> None:
    """An opening that states a price, a share or an amount says the section's news in its own
    words: a later sentence echoing the subheading does not take its place."""
    opening = (
        "The Pixel 9 starts at $799 and the Pro model at $999,"
        " a jump of $100 over last year's pair."
    )
    echo = "Phone prices rise every year, and new phones are no exception."
    between = "Samsung's Galaxy S24 followed the same path in January."
    section = SectionText("New phone prices rise", [opening, between, echo])
    assert pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1] == [opening]
    opening = (
        "Councillors voted nine to two on Tuesday to fund the $2.1 billion line to the airport."
    )
    echo = (
        "A council that approves a tram budget this size usually holds hearings first,"
        " critics noted."
    )
    section = SectionText("Council approves tram budget", [opening, echo])
    assert pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1] == [opening]


def test_a_subheadings_point_is_not_the_subheading_again() -> None:
    """The sentence found for what a subheading announces is no claim when it only says the
    subheading again (a subheading set as the sentence under it too)."""
    heading = "Cost overruns are likely now, auditors warn: old tunnels"
    echo = "Cost overruns are likely now, auditors warn: old tunnels."
    section = SectionText(heading, [BUDGET_HISTORY, "Those plans were shelved twice.", echo])
    assert echo not in pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1]


def test_a_subheadings_point_does_not_repeat_an_earlier_claim() -> None:
    """The sentence found for what a subheading announces is no claim when an earlier section's
    claim says it already: the section's own opening stands."""
    earlier = SectionText("The audit", [BUDGET_POINT])
    repeat = (
        "Auditors now warn again that cost overruns are likely, citing old tunnels under the route."
    )
    section = SectionText(BUDGET_SECTION.heading, [BUDGET_HISTORY, repeat])
    claims = pick_claims(RAIL_TITLE, [RAIL_LEAD, earlier, section])
    assert claims[1] == [BUDGET_POINT]
    assert repeat not in claims[2]


def test_an_opening_naming_one_subheading_term_needs_two_more_not_half() -> None:
    """Under a three-term subheading, an opening naming one of them ("cost") gives way only to
    a sentence naming two more: one naming two of the three, half of them, is not enough."""
    one = "Back in 1998 the first cost plans for a rail link were drawn up by the region."
    two = "Auditors have since grown wary of overruns in every rail plan of the region."
    section = SectionText("Cost, auditors, overruns", [one, two])
    assert pick_claims(RAIL_TITLE, [RAIL_LEAD, section])[1] == [one]


def test_a_sentence_leaning_on_the_claim_before_it_follows_it() -> None:
    """Under a subheading, "She said..." right after the claim that names her reads in its
    context: a long section takes it as its second claim, not only when nothing else is left;
    away from that claim it stays a claim of last resort."""
    filler = _long_section("Riders", "ridership", 24)
    opening = [
        "Mayor Anna Berg opened the airport tram line to its first riders on Tuesday morning.",
        "She said the tram line would carry ten thousand riders a day by the end of the year.",
    ]
    section = SectionText("Riders of the tram line", [" ".join(opening), *filler.paragraphs])
    assert section.word_count >= ClaimSettings().long_section_words
    assert pick_claims(TITLE, [LEAD, section])[1] == opening
    apart = SectionText(section.heading, [opening[0], *filler.paragraphs, opening[1]])
    assert opening[1] not in pick_claims(TITLE, [LEAD, apart])[1]


def test_the_lead_keeps_a_sentence_read_after_the_claim_it_leans_on() -> None:
    """In the lead of an article with subheadings, which keeps only claims that stand alone,
    "She said..." taken right after the lede that names her stays."""
    opening = [
        "Mayor Anna Berg opened the airport tram line to its first riders on Tuesday morning.",
        "She said the tram line would carry ten thousand riders a day by the end of the year.",
    ]
    filler = _long_section("Lead", "ridership", 30)
    lead = SectionText(None, [" ".join(opening), *filler.paragraphs])
    assert lead.word_count >= ClaimSettings().long_section_words
    costs = _long_section("Costs of the tram", "cost", 10)
    assert pick_claims("Mayor Anna Berg opens the airport tram line", [lead, costs])[0] == opening


def test_a_reader_hook_after_the_lede_is_not_read_as_following_it() -> None:
    """Only a sentence leaning on the one before it is taken after it: the lead's second
    opener addressing the reader ("If you ride...") is a hook wherever it stands, so a long
    lead takes a sentence of its own after the lede."""
    lede = "The city council approved a new tram line to the airport on Tuesday after a debate."
    hook = "If you ride the tram line to the airport every day, you will save about forty minutes."
    filler = _long_section("Lead", "tramway", 30)
    lead = SectionText(None, [f"{lede} {hook}", *filler.paragraphs])
    assert lead.word_count >= ClaimSettings().long_section_words
    costs = _long_section("Costs of the tram", "cost", 10)
    claims = pick_claims("City council approves airport tram line", [lead, costs])[0]
    assert claims[0] == lede
    assert len(claims) == 2
    assert hook not in claims


def test_a_fact_checks_verdict_is_its_sections_claim() -> None:
    """Under "Our ruling" the verdict, last and ranked lowest, is the claim; in a fact-check
    without subheadings ("Fact check: ..." in its headline) it joins the lede."""
    ruling = SectionText(
        heading="Our ruling",
        paragraphs=[
            "McKinley said that $53 million a week in drugs is coming across the border.",
            "The available federal data puts the figure of drugs seized at about $44 million.",
            "That is smaller than what McKinley said, but a reasonable approximation of it.",
            "We rate the statement Mostly True.",
        ],
    )
    lead = SectionText(
        heading=None,
        paragraphs=[
            "Rep. David McKinley visited the border near McAllen, Texas, in October.",
            "He said border agents told him of $53 million a week in drugs coming across.",
        ],
    )
    claims = pick_claims("What is the value of drugs that come to the border?", [lead, ruling])
    assert claims[1] == ["We rate the statement Mostly True."]
    story = SectionText(heading=None, paragraphs=[*lead.paragraphs, *ruling.paragraphs])
    (told,) = pick_claims("Fact check: the value of drugs that come to the border", [story])
    assert told[0] == lead.paragraphs[0]
    assert "We rate the statement Mostly True." in told


_FACT_CHECK_LEAD = SectionText(
    heading=None,
    paragraphs=[
        "Senator Jane Doe said that the state lost 40,000 factory jobs in the last two years.",
        "State labour figures show a loss of about 38,000 factory jobs over the same period.",
        "So we rate it Mostly True.",
    ],
)
_FACT_CHECK_DATA = SectionText(
    heading="What the data shows",
    paragraphs=["The state counted 412,000 factory jobs in 2021 and 374,000 in 2023."],
)


def test_a_verdict_in_the_lead_goes_beside_its_lede() -> None:
    """In the lead of a fact-check with subheadings, the lede sets out the claim and the
    verdict rates it: both are on the card, though the lead wants one claim and the verdict
    leans on the claim it rates ("So we rate it...")."""
    claims = pick_claims(
        "Fact check: did the state lose 40,000 factory jobs?", [_FACT_CHECK_LEAD, _FACT_CHECK_DATA]
    )
    assert claims[0] == [_FACT_CHECK_LEAD.paragraphs[0], "So we rate it Mostly True."]


def test_under_a_subheading_the_verdict_goes_before_the_sections_lede() -> None:
    """A section whose subheading names what a later sentence says (its lede) and that ends on
    the verdict: the verdict is its one claim."""
    ruling = SectionText(
        heading="Factory jobs lost in the state",
        paragraphs=[
            "Doe spoke at a union rally in the capital last week.",
            "State figures show 38,000 factory jobs lost in the state since 2021.",
            "That is close to what Doe said, though a little smaller than her figure.",
            "We rate the statement Mostly True.",
        ],
    )
    lead = SectionText(heading=None, paragraphs=[_FACT_CHECK_LEAD.paragraphs[0]])
    title = "Fact check: did the state lose 40,000 factory jobs?"
    assert pick._subheading_lede(
        pick._article_sentences([ruling], None), set(terms(ruling.heading or "")), "", []
    )
    assert pick_claims(title, [lead, ruling])[1] == ["We rate the statement Mostly True."]


def test_a_verdict_cut_off_is_not_put_on_the_card() -> None:
    """A verdict that lost its stop is no finished claim: it is not put before the section's
    finished sentences."""
    ruling = SectionText(
        heading="Our ruling",
        paragraphs=[
            "State figures show 38,000 factory jobs lost in the state since 2021.",
            "We rate the statement Mostly True",
        ],
    )
    lead = SectionText(heading=None, paragraphs=[_FACT_CHECK_LEAD.paragraphs[0]])
    title = "Did the state lose 40,000 factory jobs?"
    assert pick_claims(title, [lead, ruling])[1] == [ruling.paragraphs[0]]


def test_a_page_whose_metadata_reviews_a_claim_puts_its_verdict_on_the_card() -> None:
    """A fact-check says so in its metadata (ClaimReview) where neither its headline nor a
    subheading names the check: its verdict is its section's claim there too."""
    ruling = SectionText(
        heading="What the figures show",
        paragraphs=[
            "State figures show 38,000 factory jobs lost in the state since 2021.",
            "That is close to what Doe said, though a little smaller than her figure.",
            "We rate the statement Mostly True.",
        ],
    )
    lead = SectionText(heading=None, paragraphs=[_FACT_CHECK_LEAD.paragraphs[0]])
    title = "Did the state lose 40,000 factory jobs?"
    assert pick_claims(title, [lead, ruling])[1] == [ruling.paragraphs[0]]
    checked = pick_claims(title, [lead, ruling], fact_check=True)
    assert checked[1] == ["We rate the statement Mostly True."]


def test_a_rating_word_on_a_page_that_checks_no_claim_is_no_verdict() -> None:
    """News and reviews say "false" and "richtig" too: a denial ("...said the allegations were
    false.") or a review's praise is no verdict to force onto the card where the page names
    no fact-check, nor one that has its form ("The allegations are false, the company said").
    """
    lead = SectionText(
        heading=None,
        paragraphs=["Acme Corp was sued on Monday by 300 warehouse workers over unpaid overtime."],
    )
    point = "The workers say they were made to work up to ten unpaid hours a week for three years."
    lawsuit = SectionText(
        heading="The lawsuit",
        paragraphs=[
            f"{point} The suit seeks $12 million in back pay and damages.",
            "A spokesman for the company said the allegations were false.",
            # a verdict's form, but the company's word on a page that checks nothing
            "The allegations are false, the company said in a statement on Monday.",
        ],
    )
    assert pick_claims("Acme Corp sued over unpaid overtime", [lead, lawsuit])[1] == [point]
    more = [
        "The workers' lawyer said the company's own time records back their overtime claims.",
        "Acme Corp employs about 2,000 warehouse workers at its sites across the state.",
    ]
    story = SectionText(heading=None, paragraphs=[*lead.paragraphs, *lawsuit.paragraphs, *more])
    (told,) = pick_claims("Acme Corp sued over unpaid overtime", [story])
    assert "A spokesman for the company said the allegations were false." not in told
    assert lawsuit.paragraphs[2] not in told


def test_news_about_fact_checking_forces_no_reported_rating_onto_the_card() -> None:
    """A headline that mentions fact-checking reports on it: a spokesman's "The claim is
    false, ... said" is news, not the page's verdict, and is not put before the section's
    point (fast review #4)."""
    lead = SectionText(
        heading=None,
        paragraphs=["Meta will end its fact-checking program in the United States next month."],
    )
    point = "Meta will rely on notes written by its users instead of its fact-checking partners."
    reported = "The claim is false, a Meta spokesman said of reports that the program would return."
    section = SectionText(heading="What replaces the program", paragraphs=[point, reported])
    title = "Meta ends fact-checking program in the US"
    assert pick_claims(title, [lead, section], "en")[1] == [point]
    # ...as on a page that declares the check, where the publisher's own rating would lead
    rating = "We rate the claim that the program will return False."
    checked = SectionText(heading="What replaces the program", paragraphs=[point, rating])
    assert pick_claims(f"Fact check: {title}", [lead, checked], "en")[1] == [rating]


def test_news_that_a_turn_qualifies_is_no_foil() -> None:
    """A turn after the news ("However, no arrests have been made.") qualifies it: a finding
    ("Police believe...") or an event ("Verstappen claimed the title...") keeps its rank; only
    a view held by people at large or the writer is set up to be answered. (The turn goes on
    the card after it: `test_under_a_subheading_a_claim_and_the_turn_against_it_go_together`.)"""
    title = "Warehouse fire in the harbour district was arson, police say"
    lead = SectionText(
        heading=None,
        paragraphs=["A warehouse in the harbour district burned down on Sunday night."],
    )
    belief = "Police believe the warehouse fire was started deliberately."
    arson = SectionText(
        heading="Arson suspected",
        paragraphs=[
            f"{belief} However, no arrests have been made.",
            "Fire crews said the warehouse fire burned for six hours before it was put out.",
        ],
    )
    assert pick_claims(title, [lead, arson])[1] == [belief, "However, no arrests have been made."]
    win = "Verstappen claimed the title at the Qatar Grand Prix on Saturday."
    season = SectionText(
        heading="Title",
        paragraphs=[
            f"{win} But the sprint win was not enough for his team.",
            "Red Bull said the title was won by the best driver of the season.",
        ],
    )
    lead = SectionText(heading=None, paragraphs=["Max Verstappen is world champion again."])
    assert pick_claims("Verstappen is champion again", [lead, season])[1][0] == win
    plain = "The warehouse fire was started in the loading bay at about 11 p.m."
    statement = SectionText(
        heading="Arson suspected",
        paragraphs=[f"{plain} However, no arrests have been made.", arson.paragraphs[1]],
    )
    assert pick_claims(title, [lead, statement])[1][0] == plain


def test_a_sentence_giving_an_example_gives_way_to_the_point() -> None:
    """An example in a sentence's first words ("In einem Trailer wird dafür beispielsweise...")
    illustrates the section's point; a later sentence stating it is the claim. Examples named
    inside a sentence ("wie z.B. die Hisbollah") or in brackets leave it as it ranks."""
    lead = SectionText(
        heading=None,
        paragraphs=["Die NASA hat einen eigenen Streaming-Dienst für ihre Filme angekündigt."],
    )
    films = SectionText(
        heading="Weltraum-Filme satt!",
        paragraphs=[
            "In einem Trailer wird dafür beispielsweise die Sonde Osiris-Rex mit ihren Proben "
            "vom Asteroiden beworben.",
            "Hierbei handle es sich um drei Missionen in einer einzigen Sonde.",
            "Der Streaming-Dienst startet am kommenden Mittwoch und bietet Videos über "
            "Weltraummissionen.",
        ],
    )
    claims = pick_claims("NASA+: Ohne Registrierung, Gebühren oder Werbung", [lead, films])
    assert claims[1] == [films.paragraphs[2]]


@pytest.mark.parametrize(
    ("general", "point", "language"),
    [
        (
            "Good things always take a lot of time, and people know it.",
            "The ride from the central station to the terminal now takes 18 minutes.",
            "en",
        ),
        (
            "Gute Dinge brauchen eben immer sehr viel Zeit, das wissen alle.",
            "Die Fahrt vom Hauptbahnhof zum Terminal dauert jetzt nur noch 18 Minuten.",
            "de",
        ),
    ],
)
def test_a_sentence_saying_something_general_gives_way_to_the_point(
    general: str, point: str, language: str
) -> None:
    """A sentence of only its language's common words, with no name and no number ("Good
    things always take a lot of time..."), is a truism or a hook: the sentence after it that
    names what the section is about is the claim. With a number in it, it stays the claim."""
    lead = SectionText(
        heading=None,
        paragraphs=["Lindholm opened its airport tram on Tuesday after twelve years of debate."],
    )
    title = "Lindholm opens its airport tram"
    section = SectionText(heading="Worth the wait", paragraphs=[general, point])
    assert pick_claims(title, [lead, section], language)[1] == [point]
    counted = general.replace("time", "time, 12 years").replace("Zeit", "Zeit, 12 Jahre")
    section = SectionText(heading="Worth the wait", paragraphs=[counted, point])
    assert pick_claims(title, [lead, section], language)[1] == [counted]


def test_a_sentence_naming_someone_in_common_words_is_no_truism() -> None:
    """A capitalised word after a sentence's first names someone even when the word is a
    common one ("Bill"): the sentence names its own subject and ranks as it ranks; so does
    one naming what the headline names ("the new line"). (German writes every noun with a
    capital: there only the words' rarity counts.)"""
    lead = SectionText(
        heading=None,
        paragraphs=["Lindholm opened its airport tram on Tuesday after twelve years of debate."],
    )
    named = "Good things always take a lot of time, and Bill knows it."
    point = "The ride from the central station to the terminal now takes 18 minutes."
    section = SectionText(heading="Worth the wait", paragraphs=[named, point])
    assert pick_claims("Lindholm opens its airport tram", [lead, section], "en")[1] == [named]
    news = "The council will vote on the new line at its next meeting."
    section = SectionText(heading="Next", paragraphs=[news, "Good things take a lot of time."])
    sentences = pick._article_sentences([section], "en")
    sentences[0].document.headline_terms = frozenset(terms("Council approves new tram line"))
    assert [pick._speaks_generally(sentence) for sentence in sentences] == [False, True]


def test_under_a_subheading_a_claim_and_the_turn_against_it_go_together() -> None:
    """A claim the next sentence turns against ("However, ...", "Doch ..."), in its paragraph
    or opening the next, is a concession: its answer, which leans on it alone, goes on the
    card after it, beyond the claims wanted (in the lead, only from its own paragraph). A
    sentence after it leaning on it without a turn
    ("It will..."), or a turn that asks, does not; nor does a turn in a story without
    subheadings, whose claims read as one."""
    concession = "The tram line to the airport will be ready by the spring of next year."
    section = SectionText(
        heading="When the tram line opens",
        paragraphs=[
            f"{concession} However, the trams for it will not be delivered before autumn.",
            "The city has ordered twelve trams from a maker in Spain.",
        ],
    )
    answer = "However, the trams for it will not be delivered before autumn."
    assert pick_claims(TITLE, [LEAD, section])[1] == [concession, answer]
    # ...and so does the turn opening the next paragraph.
    apart = SectionText(section.heading, [concession, answer, *section.paragraphs[1:]])
    assert pick_claims(TITLE, [LEAD, apart])[1] == [concession, answer]
    # ...but not in the lead, where the next paragraph turns to what the body tells.
    opening = "The city council approved a new tram line to the airport on Tuesday."
    lead = SectionText(None, [opening, "However, the trams for it will come from Spain."])
    assert pick_claims(TITLE, [lead, apart])[0] == [opening]
    for after in (
        "It will not get its trams before autumn, the maker of the trams said.",
        "However, when will the trams for it be delivered to the city?",
    ):
        plain = SectionText(section.heading, [f"{concession} {after}", *section.paragraphs[1:]])
        assert pick_claims(TITLE, [LEAD, plain])[1] == [concession]
    # ...in a script without spaces too: "但是，..." ("but"), not "但凡..." ("whenever").
    lead = SectionText(None, ["市议会周二批准了一条通往机场的新有轨电车线路，预计三年后建成。"])
    before = "许多市民多年来一直希望有一条直达机场的电车线路，并多次向市议会写信。"
    after = "但是，随着票价的公布，不少市民对这条线路的看法发生了很大的变化。"
    stations = "新线路的车站将设在市中心和机场航站楼之间的三个地点。"
    wishes = SectionText("市民的期待", [before + after, stations])
    assert pick_claims("市议会批准机场电车线路", [lead, wishes], "zh")[1] == [before, after]
    assert pick._TURN.match("但凡去过机场的市民，都知道现有的公交线路需要换乘两次。") is None
    story = SectionText(None, [*LEAD.paragraphs, *section.paragraphs])
    assert (
        answer not in pick_claims(TITLE, [story], settings=ClaimSettings(headingless_claims=2))[0]
    )


_EXAMPLE_TITLE = "Fahrverbote für alte Diesel in vielen Städten"
_EXAMPLE_LEAD = SectionText(heading=None, paragraphs=["Der Bericht erschien am Montag in Berlin."])
_EXAMPLE_OTHER = "Die Regierung will im Herbst über neue Regeln für alte Diesel beraten."


@pytest.mark.parametrize(
    "point",
    [
        "Israel kämpft gegen Milizen wie z.B. die Hisbollah mit alten Diesel-Panzern in vielen "
        "Städten.",
        "Viele Städte, zum Beispiel Berlin und Hamburg, haben Fahrverbote für alte Diesel "
        "verhängt.",
        "Many cities, for example Berlin and Paris, have banned old diesel cars from their "
        "centres.",
    ],
)
def test_examples_named_in_passing_leave_the_point_as_it_ranks(point: str) -> None:
    """Examples a sentence names inside it (after "wie", or in an apposition set off by
    commas) do not make it an example: it stays its section's point."""
    section = SectionText(heading="Der Bericht", paragraphs=[f"{point} {_EXAMPLE_OTHER}"])
    assert pick_claims(_EXAMPLE_TITLE, [_EXAMPLE_LEAD, section])[1] == [point]


def test_under_a_subheading_a_view_set_up_to_be_answered_gives_way() -> None:
    """A sentence reporting a view ("...denkt jeder wohl zuerst an...") that the next one
    turns against ("Doch ...") is the writer's foil: the section's point comes after it. The
    same view with no turn after it stays the claim."""
    lead = SectionText(
        heading=None,
        paragraphs=["Wer Google Chrome auf einen neuen Rechner umzieht, kann alles mitnehmen."],
    )
    foil = "Beim Exportieren der Einstellungen denkt jeder zuerst an Lesezeichen in einer Datei."
    point = "Wer ein Konto besitzt, meldet sich im Browser an, und der Rest geschieht von selbst."
    export = SectionText(
        heading="Automatisch exportieren",
        paragraphs=[
            f"{foil} Doch Google geht an dieser Stelle noch einen großen Schritt weiter.",
            point,
        ],
    )
    claims = pick_claims("Google Chrome exportieren und alles sichern", [lead, export])
    assert claims[1] == [point]
    unturned = SectionText(heading="Automatisch exportieren", paragraphs=[f"{foil} {point}"])
    assert pick_claims("Google Chrome exportieren und alles sichern", [lead, unturned])[1] == [foil]


def test_a_long_story_ranks_only_its_top_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_rank`'s patterns (quotes, openings leaning on what came before) run on the sentences
    that come first by score, not on every sentence of the story; the claims are those of
    the ranks (a quote that leans on its speaker still gives way, see the tests above)."""
    ranked: list[str] = []
    rank = pick._rank

    def counting_rank(sentence: pick._Sentence) -> float:
        ranked.append(sentence.text)
        return rank(sentence)

    monkeypatch.setattr(pick, "_rank", counting_rank)
    facts = [  # no two share a term: none repeats another
        f"The plan{n} for district{n} gave workshop{n} a grant{n} before winter{n} began."
        for n in range(40)
    ]
    story = SectionText(None, [" ".join(facts[i : i + 4]) for i in range(0, 40, 4)])
    (claims,) = pick_claims(TITLE, [story])
    assert len(claims) == 3
    assert 0 < len(ranked) < 10  # (the lede is taken unranked)


def test_in_a_story_a_quote_of_a_speaker_never_named_gives_way_once() -> None:
    """Without subheadings, a quote credited to a surname the card has not named ranks down
    once (UNNAMED_SPEAKER_FACTOR): a self-contained sentence of nearly its score goes first,
    even right after the lede it follows."""
    quote = "“The new tram line to the airport is what the city council needed,” Paganini added."
    story = SectionText(
        heading=None,
        paragraphs=[
            "The city council approved a new tram line to the airport on Tuesday after a debate.",
            quote,
            "Commuters will save half an hour on their trip to the centre every morning.",
            "The line will cost 420 million euros, most of it paid by the regional government.",
            "Construction starts next spring and should end within three years.",
        ],
    )
    (claims,) = pick_claims(TITLE, [story])
    assert len(claims) == 3
    assert quote not in claims


def test_an_embedded_tweet_is_no_claim() -> None:
    """A tweet's text (the paragraph before its credit line) stays out of the claims, however
    well it matches the headline."""
    tweet = "The city council approved a new tram line to the airport in a vote on Tuesday evening."
    article = SectionText(
        heading=None,
        paragraphs=[
            "Officials spoke for hours before the vote in the council chamber on Tuesday.",
            tweet,
            "— City Hall (@cityhall) November 19, 2019",
            *COST.paragraphs[1:],
            *TIMELINE.paragraphs,
        ],
    )
    (claims,) = pick_claims(TITLE, [article])
    assert claims
    assert tweet not in claims


def test_no_sentence_of_a_teasers_cut_off_blurb_is_a_claim() -> None:
    """A paragraph its box cut off with an ellipsis ("... and property Read more …") is another
    page's teaser: its finished first sentence is no claim either, however well it matches."""
    teaser = (
        "The city council approved a new tram line to the airport in a vote on Tuesday evening."
    )
    article = SectionText(
        heading=None,
        paragraphs=[
            *COST.paragraphs,
            f"{teaser} The line will cost more than planned and the works will close Read more …",
            *TIMELINE.paragraphs,
        ],
    )
    (claims,) = pick_claims(TITLE, [article])
    assert claims
    assert teaser not in claims


def test_one_more_of_the_same_is_no_turn() -> None:
    """ "Yet another study...", "Mas de 100 personas..." (más, unaccented) add to the sentence
    before them rather than turn against it: the view keeps its rank."""
    lead = SectionText(
        heading=None,
        paragraphs=["A new study looked at how much sleep teenagers get on school nights."],
    )
    view = "Many parents think that teenagers need less sleep than younger children do."
    for turn in [
        "Yet another study shows that most teenagers sleep less than eight hours.",
        "Mas de 100 familias participaron en el estudio durante un año entero.",
    ]:
        sleep = SectionText(
            heading="How much sleep teenagers need",
            paragraphs=[f"{view} {turn}", "Doctors say teenagers need at least eight hours."],
        )
        claims = pick_claims("Teenagers need more sleep than parents think", [lead, sleep])
        assert claims[1] == [view], turn


def test_on_a_page_that_spaces_its_commas_a_sentence_with_one_such_gap_is_prose() -> None:
    """The page's typing is the page's: where it sets a space before its commas throughout, a
    sentence with a single such gap is prose too (it is dropped as a stripped link elsewhere)."""
    single = "Senator Ahmad Lawan , on Tuesday moved a motion for the adjournment of the Senate."
    lead = SectionText(
        heading=None,
        paragraphs=[
            "The Senate , on Tuesday , adjourned plenary over the deaths of two former members.",
            "The lawmakers , in a minute of silence , honoured the late Speaker and his family.",
        ],
    )
    motion = SectionText(heading="The motion", paragraphs=[single])
    title = "Senate adjourns plenary over the deaths of two former members"
    assert pick_claims(title, [lead, motion])[1] == [single]
    plain = SectionText(
        heading=None,
        paragraphs=[
            "The Senate adjourned plenary on Tuesday over the deaths of two former members.",
            "The lawmakers, in a minute of silence, honoured the late Speaker and his family.",
        ],
    )
    assert pick_claims(title, [plain, motion])[1] == []


def test_a_truism_opening_is_no_lede() -> None:
    """A short general statement naming nothing of the article ("Good public transport makes
    life so much easier.") is held back like a hook: the lead's claim is a sentence that says
    something."""
    truism = "Good public transport makes life so much easier."
    lead = SectionText(heading=None, paragraphs=[truism, *LEAD.paragraphs])
    assert truism not in pick_claims(TITLE, [lead, COST])[0]
    assert truism not in pick_claims(TITLE, [lead])[0]


def test_a_reviewers_background_is_not_the_lede_of_a_review() -> None:
    """A review opening on the writer's past ("I've ridden trams since I was a child") leads
    with its verdict instead."""
    background = "I’ve ridden trams since I was a child, but this is my first airport tram line."
    verdict = "The new airport tram line is quick, quiet and clean, and the seats are comfortable."
    lead = SectionText(heading=None, paragraphs=[background, verdict])
    assert pick_claims("Airport tram line review", [lead, COST])[0] == [verdict]
    assert pick_claims("Riding the airport tram line", [lead, COST])[0] == [background]


def test_the_lead_carries_the_sentence_that_says_the_headline() -> None:
    """A story whose lede is its news peg ("Instagram began testing...") and whose headline
    announces another point: the sentence saying the headline is among the lead's claims,
    after the lede, though sentences saying less of it rank above it, early in the story."""
    title = "Grocery stores and cruise lines: how people chase Instagram analytics"
    peg = "Instagram began testing hiding public like counts globally on Thursday."
    early = [
        "People on Instagram will still see how many people liked their photos.",
        "People chase like counts on Instagram, the company says.",
        "The experiment is part of a wider shift at social media companies.",
        "Twitter released a beta version of its app earlier this year.",
        "Critics have long said that likes make users anxious.",
        "The change was first tested in Canada and in Australia.",
        "Advertisers worry that they will learn less about their audience.",
    ]
    point = "Some teenagers label their accounts grocery stores or cruise ships to get analytics."
    lead = SectionText(heading=None, paragraphs=[" ".join([peg, *early, point])])
    claims = pick_claims(title, [lead])[0]
    assert claims[0] == peg
    assert point in claims


def test_a_lone_claim_naming_nothing_of_its_subheading_is_followed_by_the_sentence_that_does() -> (
    None
):
    """Under a subheading, a lone claim naming none of its subheading's terms set the scene:
    the next sentence, naming them, goes on the card after it. Not under a subheading asking
    a question (an interview's answer goes on on its own terms), nor when the claim names the
    subheading already, nor one opening on "here"; a function word the two share ("und")
    names nothing."""
    title = "A long evening in Ashford"
    lead = SectionText(
        heading=None,
        paragraphs=["Ashford's residents met on Monday to talk about the roads through Ashford."],
    )
    scene = "Dozens of villagers gathered at the town hall on Monday evening."
    point = "The council's bypass plan drew only two supporters among them."
    paragraphs = [f"{scene} {point}", "Tea and cakes were served by volunteers afterwards."]
    section = SectionText(heading="Bypass plan", paragraphs=paragraphs)
    assert pick_claims(title, [lead, section])[1] == [scene, point]
    asked = SectionText(heading="What about the bypass plan?", paragraphs=paragraphs)
    assert pick_claims(title, [lead, asked])[1] == [scene]
    named = SectionText(heading="Town hall", paragraphs=paragraphs)
    assert pick_claims(title, [lead, named])[1] == [scene]
    # ...nor a sentence opening on "here", the page presenting what follows.
    presented = SectionText(
        heading="Bypass plan",
        paragraphs=[f"{scene} Here is the bypass plan that the council drew up.", *paragraphs[1:]],
    )
    assert pick_claims(title, [lead, presented])[1] == [scene]
    german_scene = "Dutzende Dorfbewohner und Gäste kamen am Montagabend ins Rathaus."
    german_point = "Der Plan für die Umgehungsstraße fand dort nur zwei Unterstützer."
    german = SectionText(
        heading="Die Umgehungsstraße und ihre Kosten",
        paragraphs=[f"{german_scene} {german_point}", "Danach gab es Kaffee und Kuchen."],
    )
    german_lead = SectionText(
        heading=None, paragraphs=["Die Dorfbewohner lehnen die Straßenpläne der Gemeinde ab."]
    )
    assert pick_claims("Dorf gegen Straßenpläne", [german_lead, german], "de")[1] == [
        german_scene,
        german_point,
    ]


def test_a_german_sentence_of_inflected_common_words_speaks_generally() -> None:
    """German spreads a common word over its inflected forms, each rarer than an English word
    of the same use ("begegnet"): a sentence of such words says something general, at German's
    own threshold; a rarer word of the topic ("Schilddrüsenunterfunktion") names it."""
    general = "Hier stellen wir einige Dinge vor, denen du bestimmt schon mal begegnet bist."
    named = "Hier stellen wir die Schilddrüsenunterfunktion vor, der du schon mal begegnet bist."
    section = SectionText(heading="Dinge", paragraphs=[general, named])
    sentences = pick._article_sentences([section], "de")
    assert [pick._speaks_generally(sentence) for sentence in sentences] == [True, False]


def test_a_word_with_a_curly_apostrophe_is_as_common_as_with_a_straight_one() -> None:
    """The lists of common words write "it's" with a straight apostrophe: "it’s" is as common,
    and French elisions ("c’est") are common when their parts are."""
    for text, language in [
        ("But it’s not the only one in this space.", "en"),
        ("Mais c’est pas le seul dans ce monde.", "fr"),
    ]:
        section = SectionText(heading="Next", paragraphs=[text])
        sentences = pick._article_sentences([section], language)
        assert pick._speaks_generally(sentences[0]), text


def test_a_turn_that_says_something_general_does_not_follow_its_concession() -> None:
    """A turn after a claim that says something general ("But it's not the whole story.": only
    common words) and names nothing of the subheading adds nothing: the claim stands alone.
    (One naming the subheading's terms still follows it.)"""
    concession = "The tram line to the airport will be ready by the spring of next year."
    general = "But that’s not the whole story."
    section = SectionText(
        heading="When the tram line opens",
        paragraphs=[f"{concession} {general}", "The city has ordered twelve trams from Spain."],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [concession]
    naming = "But the line will not open before the trams come."
    section = SectionText(
        heading="When the tram line opens",
        paragraphs=[f"{concession} {naming}", "The city has ordered twelve trams from Spain."],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [concession, naming]


def test_a_line_of_names_without_a_verb_is_no_claim() -> None:
    """A caption or a title line names things and where they are, with no verb (every word
    after its first capitalised or a function word): no claim; the section's prose is. A
    sentence of names with "is" says something; one opening on a verb in capitals is a call."""
    section = SectionText(
        heading="Charlotte Jones Anderson",
        paragraphs=[
            "Executive Vice President and Chief Brand Officer of the Dallas Cowboys.",
            "She is advocating for female fans at the highest levels within the NFL.",
        ],
    )
    assert pick_claims(TITLE, [LEAD, section])[1] == [
        "She is advocating for female fans at the highest levels within the NFL."
    ]
    german = SectionText(
        heading=None, paragraphs=["Singapore Tourism Board Kiosk in der Orchard Road."]
    )
    (caption,) = pick._article_sentences([german], "de")
    assert pick._tier(caption) is None
    for text in (
        "Erin Spiceland is a Software Engineer for SpaceX.",
        "VISIT the Pennsylvania National Horse Show in Harrisburg.",
    ):
        (sentence,) = pick._article_sentences([SectionText(heading=None, paragraphs=[text])], "en")
        assert pick._tier(sentence) == 0, text


@pytest.mark.parametrize(
    "pointing",
    [
        "Naturally, the council sided with the latter group, and the tram line to the airport won.",
        "This split over the tram line to the airport ran through both parties on the council.",
    ],
)
def test_in_a_story_without_subheadings_a_sentence_naming_its_antecedent_needs_it_before(
    pointing: str,
) -> None:
    """In a story read as one, a sentence that names a thing only as one told before it ("the
    latter", "this split") is a claim only right after the sentence it points at: elsewhere on
    the card it points at nothing the reader sees."""
    story = SectionText(
        heading=None,
        paragraphs=[
            "The city council approved a new tram line to the airport on Tuesday.",
            "Some residents wanted a bus lane, others a wider road.",
            "The debate took all day.",
            pointing,
        ],
    )
    claims = pick_claims(TITLE, [story], settings=ClaimSettings(headingless_claims=2))
    assert claims[0] == story.paragraphs[:2]
    # ...right after it, it reads
    follows = SectionText(heading=None, paragraphs=[story.paragraphs[1], pointing])
    claims = pick_claims(TITLE, [follows], settings=ClaimSettings(headingless_claims=2))
    assert claims[0] == [story.paragraphs[1], pointing]
