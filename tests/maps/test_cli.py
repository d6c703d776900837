"""`headunit maps …` and `headunit nav …` as a developer types them: output shapes and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from headunit.cli import main
from tests.maps.conftest import FONTVIEILLE, HELSINKI_PBF, PLACE_DU_CASINO


def at(point: tuple[float, float]) -> str:
    return f"{point[0]},{point[1]}"


@pytest.fixture
def maps_home(headunit_home: Path, monaco_region) -> Path:
    """This test's HEADUNIT_HOME with the session's Monaco region in it (linked, not copied)."""
    maps = headunit_home / "data" / "maps"
    maps.mkdir(parents=True)
    (maps / "monaco").symlink_to(monaco_region.path, target_is_directory=True)
    return maps


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_nav_route_json(maps_home, capsys):
    status, out, err = run(capsys, "nav", "route", "--from", at(PLACE_DU_CASINO), "--to", at(FONTVIEILLE),
                           "--lang", "de", "--json")
    assert status == 0, err
    route = json.loads(out)
    assert route["language"] == "de" and route["region"] == "monaco" and 2000 < route["distance_m"] < 5000
    assert route["duration_s"] > 0 and len(route["shape"]) > 10 and len(route["shape"][0]) == 2
    first, last = route["maneuvers"][0], route["maneuvers"][-1]
    assert first["kind"] == "depart" and last["kind"] == "arrive"
    assert {"instruction", "kind", "street_names", "length_m", "duration_s", "verbal_pre"} <= set(first)
    assert any(m["instruction"].startswith("Links auf") for m in route["maneuvers"])
    assert len(route["alternates"]) <= 2 and all("maneuvers" in a for a in route["alternates"])


def test_nav_route_as_text(maps_home, capsys):
    status, out, _ = run(capsys, "nav", "route", "--from", at(PLACE_DU_CASINO), "--to", at(FONTVIEILLE),
                         "--alternates", "0")
    assert status == 0
    assert "km" in out.splitlines()[0] and "Turn left onto Boulevard des Moulins." in out


def test_nav_route_with_no_route_is_one_line_on_stderr(maps_home, capsys):
    status, out, err = run(capsys, "nav", "route", "--from", "43.72,7.45", "--to", at(FONTVIEILLE), "--json")
    assert status == 1 and out == ""
    assert err.startswith("headunit nav: No route: there is no road within") and err.count("\n") == 1


def test_nav_with_no_region_there(maps_home, capsys):
    status, _, err = run(capsys, "nav", "search", "fuel", "--near", "60.17,24.94")
    assert status == 1 and "no map region covers 60.17000, 24.94000 (regions: monaco)" in err


def test_nav_search_category_json(maps_home, capsys):
    status, out, _ = run(capsys, "nav", "search", "fuel", "--near", at(PLACE_DU_CASINO), "--json")
    assert status == 0
    places = json.loads(out)
    assert len(places) == 5 and places[0]["name"] == "Agip" and places[0]["category"] == "fuel"
    assert [p["distance_m"] for p in places] == sorted(p["distance_m"] for p in places)
    assert {"id", "name", "category", "lat", "lon", "distance_m", "street", "housenumber"} <= set(places[0])


def test_nav_search_text_json(maps_home, capsys):
    status, out, _ = run(capsys, "nav", "search", "avenue prin", "--near", at(PLACE_DU_CASINO), "--limit", "10",
                         "--json")
    assert status == 0
    assert "Avenue Princesse Grace" in [p["name"] for p in json.loads(out)]


def test_nav_search_along_a_route(maps_home, capsys):
    status, out, _ = run(capsys, "nav", "search", "fuel", "--near", at(PLACE_DU_CASINO), "--route-to",
                         at(FONTVIEILLE), "--max-detour", "300", "--json")
    assert status == 0
    places = json.loads(out)
    assert places and all(p["off_route_m"] <= 300 for p in places)
    assert [p["distance_m"] for p in places] == sorted(p["distance_m"] for p in places)


def test_maps_import_list_and_remove(headunit_home, capsys):
    status, out, err = run(capsys, "maps", "import", str(HELSINKI_PBF), "--json")
    assert status == 0, err
    imported = json.loads(out)
    assert imported["up_to_date"] is False and imported["region"]["name"] == "helsinki"
    assert imported["region"]["counts"]["roads"] > 500

    status, out, _ = run(capsys, "maps", "import", str(HELSINKI_PBF))
    assert status == 0 and out.startswith("helsinki is up to date")

    status, out, _ = run(capsys, "maps", "list", "--json")
    regions = json.loads(out)
    assert [r["name"] for r in regions] == ["helsinki"]
    assert set(regions[0]) >= {"name", "path", "bbox", "center", "sha256", "imported", "counts", "languages"}

    status, out, _ = run(capsys, "maps", "remove", "helsinki")
    assert status == 0 and "Removed helsinki" in out
    status, out, _ = run(capsys, "maps", "list", "--json")
    assert json.loads(out) == []


def test_maps_import_shows_progress_and_counts(headunit_home, capsys):
    status, out, _ = run(capsys, "maps", "import", str(HELSINKI_PBF), "--name", "city")
    assert status == 0
    assert "Imported city from helsinki.osm.pbf in" in out and "roads" in out
    for stage in ("reading", "routing tiles", "search index", "drawing data", "finishing"):
        assert stage in out


def test_maps_errors_are_one_line(headunit_home, tmp_path, capsys):
    notes = tmp_path / "notes.osm.pbf"
    notes.write_text("shopping list\n")
    status, _, err = run(capsys, "maps", "import", str(notes))
    assert status == 1 and err == f"headunit maps: {notes} is not an OpenStreetMap PBF extract (it looks like " \
                                  f"text); expected an .osm.pbf file\n"
    status, _, err = run(capsys, "maps", "remove", "atlantis")
    assert status == 1 and "no map region named 'atlantis'" in err


def test_bad_coordinates_are_refused_by_the_parser(maps_home, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["nav", "route", "--from", "north", "--to", at(FONTVIEILLE)])
    assert exited.value.code == 2 and "expected LAT,LON" in capsys.readouterr().err


def test_the_command_offers_every_category_the_index_has():
    from headunit.maps import cli, search

    assert cli.CATEGORIES == search.CATEGORIES
