"""The main event's 5W1H rules on sentences the team wrote, with a publication date."""

import pytest


# published on Wednesday 8 May 2024 (the main_event_of fixture, tests/conftest.py)


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)




@pytest.mark.parametrize(
    ("text", "who", "what", "when", "where", "why"),
    [  # a passive without an agent: who is whom it happened to
        ("At least seven people were killed when a bus overturned in Lima on Tuesday.",
         "At least seven people", "were killed", "Tuesday", "Lima", None),
        # the when is the recent day, not a year of background
        ("The Cubs won the title on Tuesday, their first since 1908.",
         "Cubs", "won the title", "Tuesday", None, None),
        # the when with what makes it precise; the what stops before a phrase of time
        ("The boy fell into a well at 11am local time on Sunday.",
         "boy", "fell into a well", "11am local time on Sunday", None, None),
        # the what with the verb's place phrase; where the named place
        ("Protesters gathered outside the parliament in Vilnius on Monday.",
         "Protesters", "gathered outside the parliament", "Monday", "Vilnius", None),
        # a country gives way to the place the sentence puts the news in
        ("Rescuers in China are trying to reach a boy who fell into a well in Baoding.",
         "Rescuers", "are trying to reach a boy", None, "Baoding", None),
        # the object's coordinated nouns
        ("The company changed the look and weight of two bars.",
         "company", "changed the look and weight of two bars", None, None, None),
        # a "for" phrase of an event is the purpose
        ("The president arrived in Paris for talks with the prime minister.",
         "president", "arrived in Paris for talks", None, "Paris", "for talks with the prime minister"),
        # a place named as "the city of X" is the scene
        ("A bomb exploded outside a hotel in the city of Kandahar on Tuesday.",
         "bomb", "exploded outside a hotel", "Tuesday", "Kandahar", None),
    ],
)
def test_main_event_answers_news_questions(nlp, main_event_of, text, who, what, when, where, why) -> None:
    main = main_event_of(nlp, text)
    assert {q: main[q] for q in ("who", "what", "when", "where", "why")} == {"who": who, "what": what, "when": when, "where": where, "why": why}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("The mayor resigned on Monday after a vote that was first called in 1998.", "Monday"),
        ("USA TODAY reported that the mayor resigned on Monday.", "Monday"),
        ("Union leaders called off the strike.\nThe decision, first floated on Sunday, was announced on Tuesday.", "Tuesday"),
    ],
)
def test_main_event_when_is_nearest_recent_time(nlp, main_event_of, text, when) -> None:
    assert main_event_of(nlp, text)["when"] == when
