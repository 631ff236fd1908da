"""Entities: registry aliases, title + name, surnames after a full mention, acronyms the text
defines, candidates the registry lacks, and the listing of unknown names."""

from generator.extract import unknown_candidates
from generator.registry import Registry
from tests.test_extract_support import run


def entities(*paragraphs, registry=None, **kwargs):
    briefing = run(*paragraphs, **kwargs) if registry is None else run(*paragraphs, registry=registry, **kwargs)
    return {e.id: (e.type, e.role, e.in_registry, [m.text for m in e.mentions]) for e in briefing.entities}


def test_registry_aliases_titles_and_surnames():
    found = entities("External Affairs Minister S Jaishankar met US Secretary of State Marco Rubio.",
                     "Jaishankar and Rubio spoke. US President Donald Trump was not there; Trump stayed home.")
    assert found["s-jaishankar"] == ("person", "India's External Affairs Minister", True,
                                     ["S Jaishankar", "Jaishankar"])
    assert found["marco-rubio"] == ("person", "US Secretary of State", True, ["Marco Rubio", "Rubio"])
    assert found["donald-trump"][3] == ["Donald Trump", "Trump"]
    assert found["united-states"][3] == ["US", "US"]
    assert set(found) == {"s-jaishankar", "marco-rubio", "donald-trump", "united-states"}


def test_surname_alone_without_full_name_is_not_linked():
    found = entities("Rubio said it was fine.")
    assert "marco-rubio" not in found


def test_acronym_definition_links_long_form_with_a_typo_to_the_registry_entity():
    found = entities("Rubio launched the Forum on Resource Geostategic Engagement (FORGE). FORGE met.")
    assert found["forge"][3] == ["Forum on Resource Geostategic Engagement", "FORGE", "FORGE"]


def test_unknown_acronym_definition_becomes_one_entity():
    found = entities("The National Federation of State Cooperative Banks (NAFSCOB) welcomed it. NAFSCOB said so.")
    assert found["national-federation-of-state-cooperative-banks"] == (
        "organisation", None, False,
        ["National Federation of State Cooperative Banks", "NAFSCOB", "NAFSCOB"])


def test_candidates_title_name_roles_and_types():
    found = entities("Finance Minister Nirmala Sitharaman met officials of the Reserve Bank of India in Mumbai.",
                     "Sitharaman said the talks went well. Mr Banga, of the World Bank, agreed.",
                     registry=Registry())
    assert found["nirmala-sitharaman"] == ("person", "Finance Minister", False, ["Nirmala Sitharaman", "Sitharaman"])
    assert found["reserve-bank-of-india"][0] == "organisation"
    assert found["mumbai"][0] == "place"
    assert found["banga"][0] == "person"
    assert found["world-bank"][0] == "organisation"
    assert "india" not in found  # part of the bank's name, not a mention of the country


def test_sentence_starts_demonyms_titles_and_months_are_not_entities():
    found = entities("Officials said on Tuesday that Chinese President Xi Jinping would visit.",
                     "The Transport Secretary spoke in February. Indian firms agreed.", registry=Registry())
    assert set(found) == {"xi-jinping"}
    assert found["xi-jinping"][:2] == ("person", "Chinese President")


def test_quoted_speaker_is_found_even_at_a_sentence_start():
    found = entities("Okonjo said the plan would work.", registry=Registry())
    assert found["okonjo"][0] == "person"


def test_name_of_place_split_from_person():
    found = entities("The ministers, Harun Iskandar of Malaysia and Retno Suryani of Indonesia, met.",
                     "\"We are ready,\" Mr Harun said.", registry=Registry())
    assert found["harun-iskandar"][3] == ["Harun Iskandar", "Harun"]
    assert {"malaysia", "indonesia", "retno-suryani"} <= set(found)


def test_dateline_is_not_an_entity():
    found = entities("WASHINGTON (AP) — A Senate committee voted on Thursday.", dateline="Washington",
                     registry=Registry())
    assert set(found) == {"senate"}


def test_unknown_candidates_are_counted_across_briefings():
    first = run("Nirmala Sitharaman spoke. Sitharaman left.", registry=Registry())
    second = run("Nirmala Sitharaman returned. Marco Rubio spoke.")
    rows = unknown_candidates([first, second])
    assert rows[0] == ("Nirmala Sitharaman", "person", 3, 2)
    assert all(name != "Marco Rubio" for name, *_ in rows)


def test_entities_command_lists_unknown_names(capsys):
    from pathlib import Path

    from generator.cli import main

    root = Path(__file__).resolve().parents[1]
    code = main(["entities", "--unknown", "--min", "3", "--seeds", str(root / "tests/fixtures/extract"),
                 "--registry", str(root / "registry")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split() == ["mentions", "briefings", "type", "name"]
    assert any(line.split()[:3] == ["3", "1", "person"] and line.endswith("Laura Whitfield") for line in out)
    assert not any("Marco Rubio" in line for line in out)


def test_an_auxiliary_that_opens_a_question_is_not_part_of_a_name():
    """"Is Meyer suddenly concerned …?": the question's "Is" is capitalised by the sentence."""
    briefing = run("Florida coach Urban Meyer closed practices this week.",
                   "Is Meyer suddenly concerned about who has access to the practices, or is he a control freak?",
                   "Does Saban agree? Has Saban said so?", registry=Registry())
    names = {entity.name for entity in briefing.entities}
    assert "Urban Meyer" in names and not any(name.split()[0] in ("Is", "Does", "Has") for name in names)
