"""Maintainers steer entities through registry/steering.yml (issue 14): names that are not
entities, types for names the registry lacks, and merges; every problem with file:line:col."""

from __future__ import annotations

from pathlib import Path

from generator.registry import load_registry
from generator.steering import Steering, parse_steering
from tests.test_extract_support import run

ROOT = Path(__file__).resolve().parents[1]

ENTITY = """\
id: lena-marsh
name: Lena Marsh
type: person
aliases:
  - Marsh
"""

ARTICLE = ("Reader Favourites included a report on the Harbour Trust.",
           '"The quay will reopen in May," said Ivo Brandt, the trust’s engineer. '
           '"We are on schedule," Ivo K. Brandt added.',
           "Orbitron, a rocket maker, said it had no comment.")


def steering_errors(text: str) -> list[str]:
    return [str(e) for e in parse_steering(text, "registry/steering.yml")[1]]


def registry_with(tmp_path: Path, steering: str):
    (tmp_path / "registry" / "person").mkdir(parents=True, exist_ok=True)
    (tmp_path / "registry" / "person" / "lena-marsh.yml").write_text(ENTITY, encoding="utf-8")
    (tmp_path / "registry" / "steering.yml").write_text(steering, encoding="utf-8")
    return load_registry(tmp_path / "registry", relative_to=tmp_path)


def test_a_valid_file_gives_three_lists_keyed_without_case_or_spacing():
    steering, errors = parse_steering(
        "not_entities:\n  - Reader  Favourites\ntypes:\n  Orbitron: organisation\n"
        "same_as:\n  Ivo K. Brandt: Ivo Brandt\n", "registry/steering.yml")
    assert errors == []
    assert steering == Steering(frozenset({"reader favourites"}), {"orbitron": "organisation"},
                                {"ivo k. brandt": "Ivo Brandt"})


def test_each_problem_is_reported_at_its_line_with_a_fix():
    errors = steering_errors(
        "not_entities:\n  - Reader Favourites\n  - reader favourites\n  - 12\n"   # lines 2-4
        "types:\n  Orbitron: company\n"                                          # line 6
        "same_as:\n  Ivo Brandt: ivo brandt\n  Jo Ray: Reader Favourites\n"      # lines 8-9
        "aliases:\n  - x\n")                                                     # line 10
    assert errors == [
        "registry/steering.yml:3:5: not_entities[1]: 'reader favourites' is listed twice — remove the repeated line",
        "registry/steering.yml:4:5: not_entities[2]: a name must be non-empty text — quote the name if YAML "
        "reads it as a number, date or yes/no",
        "registry/steering.yml:6:3: types: 'Orbitron' has unknown type 'company' — use one of: person, "
        "organisation, place, agreement, event, other",
        "registry/steering.yml:8:3: same_as: 'Ivo Brandt' is the same as itself — remove the line, or name "
        "the other entity",
        "registry/steering.yml:9:3: 'Jo Ray' is the same as 'Reader Favourites', which is listed under "
        "not_entities — remove one of the two lines",
        "registry/steering.yml:10:1: unknown section 'aliases' — use one of: not_entities, types, same_as",
    ]


def test_a_chain_of_merges_and_a_name_in_two_sections_are_refused():
    errors = steering_errors("not_entities:\n  - Orbitron\ntypes:\n  Orbitron: organisation\n"
                             "same_as:\n  A. Brandt: Ivo K. Brandt\n  Ivo K. Brandt: Ivo Brandt\n")
    assert any(":6:3:" in e and "is itself the same as another name" in e and "'A. Brandt: Ivo Brandt'" in e
               for e in errors)
    assert any(":4:3:" in e and "'Orbitron' is also listed under not_entities" in e for e in errors)


def test_a_file_that_is_not_a_mapping_or_not_yaml_is_one_error_not_a_traceback():
    assert steering_errors("- Orbitron\n") == [
        "registry/steering.yml:1:1: the steering file must be a mapping — use the sections not_entities, "
        "types, same_as, each on a line of its own"]
    [error] = steering_errors("types: [unclosed\n")
    assert error.startswith("registry/steering.yml:1:8: invalid YAML: the list opened here with '['")
    assert steering_errors("types:\n  - Orbitron\n")[0].startswith("registry/steering.yml:1:1: 'types' must be a mapping")


def test_steering_drops_types_and_merges_what_extraction_found(tmp_path):
    plain = run(*ARTICLE)
    assert {"Reader Favourites", "Ivo Brandt", "Ivo K. Brandt"} <= {e.name for e in plain.entities}

    registry, errors = registry_with(tmp_path, "not_entities:\n  - reader favourites\n"
                                               "types:\n  Orbitron: organisation\n"
                                               "same_as:\n  Ivo K. Brandt: Ivo Brandt\n")
    assert errors == []
    steered = run(*ARTICLE, registry=registry)
    by_name = {e.name: e for e in steered.entities}
    assert "Reader Favourites" not in by_name and "Ivo K. Brandt" not in by_name
    assert by_name["Orbitron"].type == "organisation"
    brandt = by_name["Ivo Brandt"]
    assert len(brandt.mentions) == 2
    assert [q.speaker for q in steered.quotes if q.speaker_name and "Brandt" in q.speaker_name] == [brandt.id] * 2


def test_a_merge_into_a_registry_name_gives_the_registry_entity(tmp_path):
    registry, errors = registry_with(tmp_path, "same_as:\n  Ivo Brandt: Lena Marsh\n  Ivo K. Brandt: Lena Marsh\n")
    assert errors == []
    steered = run(*ARTICLE, registry=registry)
    [marsh] = [e for e in steered.entities if e.name == "Lena Marsh"]
    assert marsh.in_registry and marsh.type == "person" and len(marsh.mentions) == 2
    assert not any("Brandt" in e.name for e in steered.entities)


def test_steering_a_registry_name_is_an_error_pointing_to_its_own_file(tmp_path):
    registry, errors = registry_with(
        tmp_path, "not_entities:\n  - Reader Favourites\n  - Marsh\ntypes:\n  SpaceX: organisation\n  Lena  MARSH: person\n")
    # each at its own line, as the file writes it
    assert [str(e) for e in errors] == [
        "registry/steering.yml:3:5: 'Marsh' is a name of the registry — correct a registry entity in its own "
        "file (its type, aliases), not here",
        "registry/steering.yml:6:3: 'Lena  MARSH' is a name of the registry — correct a registry entity in its own "
        "file (its type, aliases), not here"]
    assert registry.steering.types == {"spacex": "organisation"}
    assert registry.steering.not_entities == {"reader favourites"}  # the rest still applies
    assert registry.lookup("Marsh").id == "lena-marsh"


def test_entities_unknown_lists_what_steering_leaves_and_check_reports_its_errors(tmp_path, capsys):
    from generator.cli import main
    from generator.incremental.seeds import registry_hash

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_bytes((ROOT / "tests/fixtures/ingest/ap_allcaps_dateline.txt").read_bytes())
    registry, _ = registry_with(tmp_path, "")
    unsteered = registry_hash(registry)
    argv = ["entities", "--unknown", "--seeds", str(seeds), "--registry", str(tmp_path / "registry")]
    assert main(argv) == 0
    listed = capsys.readouterr().out
    assert "Associated Press" in listed and "other         Ann Lee" in listed

    steered, _ = registry_with(tmp_path, "not_entities:\n  - Associated Press\ntypes:\n  Ann Lee: person\n")
    assert registry_hash(steered) != unsteered  # cached extractions are made again
    assert main(argv) == 0
    listed = capsys.readouterr().out
    assert "Associated Press" not in listed and "person        Ann Lee" in listed

    (tmp_path / "registry" / "steering.yml").write_text("types:\n  Ann Lee: human\n", encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    assert main(["check", "--seeds", str(seeds), "--registry", str(tmp_path / "registry"),
                 "--annotations", str(tmp_path / "annotations"), "--quiet"]) == 1
    assert "steering.yml:2:3: types: 'Ann Lee' has unknown type 'human'" in capsys.readouterr().err


def test_an_empty_file_or_one_of_comments_steers_nothing():
    assert parse_steering("", "s.yml") == (Steering(), [])
    assert parse_steering("# names that are not entities go here\n\n", "s.yml") == (Steering(), [])
