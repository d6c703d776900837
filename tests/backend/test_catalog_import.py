"""`headunit-backend catalog import`: CSV and JSON, every problem named by row and field, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from headunit_backend.cli import main
from headunit_backend.db import categories, products, reviews

HEADER = "id,category,name,brand,part_number,description,price_cents,stock,universal,fitting_minutes,fitment\n"
GOLF8_WIPERS = '"[{""make"": ""Volkswagen"", ""model"": ""Golf"", ""years"": [2020, null], ""position"": ""front""}]"'


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(db_url: str, product_id: str):
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    finally:
        engine.dispose()


def count(db_url: str, table: sa.Table) -> int:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()


def test_a_csv_inserts_new_products_and_updates_changed_ones(db_url, tmp_path, capsys):
    shop = write(tmp_path, "shop.csv", HEADER
                 + f"bosch-aerotwin-a297s,wiper-blades,Bosch Aerotwin A297S set,Bosch,3 397 014 297,Front set,3199,50,"
                   f"false,10,{GOLF8_WIPERS}\n"
                 + "shop-ice-scraper,car-care,Ice scraper with glove,Shop brand,,Keeps the hand warm,599,200,true,,\n")

    assert main(["catalog", "import", str(shop), "--db", db_url]) == 0

    summary = capsys.readouterr().out
    assert "shop.csv: imported" in summary and "shop-ice-scraper" in summary and "bosch-aerotwin-a297s" in summary
    scraper, wipers = read(db_url, "shop-ice-scraper"), read(db_url, "bosch-aerotwin-a297s")
    assert (scraper.price_cents, scraper.stock, scraper.universal, scraper.part_number) == (599, 200, True, None)
    assert (wipers.price_cents, wipers.stock, wipers.name) == (3199, 50, "Bosch Aerotwin A297S set")
    assert json.loads(wipers.fitment_json) == [{"make": "Volkswagen", "model": "Golf", "years": [2020, None],
                                               "position": "front"}]
    assert wipers.rating_count > 0  # an update keeps the product's ratings


def test_any_bad_row_imports_nothing_and_every_problem_names_its_row_and_field(db_url, tmp_path, capsys):
    bad = write(tmp_path, "bad.csv", HEADER
                + "a-good-one,car-care,Sponge,Brand,,,100,1,true,,\n"
                + 'bad-price,car-care,Sponge,Brand,,,"12,50",1,true,,\n'
                + "Bad Id,car-care,Sponge,Brand,,,100,-3,maybe,,\n"
                + 'bad-years,wiper-blades,Blade,Brand,,,100,1,false,,'
                  '"[{""make"": ""Volkswagen"", ""years"": [2020, 2010]}]"\n'
                + "no-brand,nowhere,Blade,,,,100,1,true,,\n"
                + "not-json,wiper-blades,Blade,Brand,,,100,1,false,,Golf 8\n"
                + "a-good-one,car-care,Sponge,Brand,,,100,1,true,,\n")
    main(["migrate", "--db", db_url])
    products_before = count(db_url, products)

    assert main(["catalog", "import", str(bad), "--db", db_url]) == 1

    problems = capsys.readouterr().err.splitlines()
    assert 'row 3, price_cents: expected a whole number ≥ 0 (the price in cents), got "12,50"' in problems
    assert any(p.startswith('row 4, id: expected lower-case letters') and p.endswith('got "Bad Id"') for p in problems)
    assert 'row 4, stock: expected a whole number ≥ 0, got "-3"' in problems
    assert 'row 4, universal: expected true or false, got "maybe"' in problems
    assert any(p.startswith("row 5, fitment[0].years: expected [from, to] with from ≤ to") for p in problems)
    assert "row 6, brand: missing (required)" in problems
    assert 'row 7, fitment: expected a JSON list (e.g. [{"make": "Volkswagen"}]), got "Golf 8"' in problems
    assert "row 8, id: 'a-good-one' is already on row 2" in problems
    assert problems[-1].endswith("nothing was imported")
    assert read(db_url, "a-good-one") is None and count(db_url, products) == products_before


def test_unknown_categories_are_named(sqlite_url, tmp_path, capsys):
    bad = write(tmp_path, "bad.csv", HEADER + "blade,nowhere,Blade,Brand,,,100,1,true,,\n")

    assert main(["catalog", "import", str(bad), "--db", sqlite_url]) == 1
    assert "row 2, category: unknown category 'nowhere' (known: bulbs, car-care" in capsys.readouterr().err


def test_a_json_catalog_brings_its_categories_products_and_reviews(db_url, tmp_path, capsys):
    shop = write(tmp_path, "shop.json", json.dumps({
        "currency": "EUR",
        "categories": [{"id": "trailers", "name": "Trailers and towing"}],
        "products": [{"id": "westfalia-towbar-golf8", "category": "trailers", "brand": "Westfalia",
                      "name": "Westfalia detachable tow bar for VW Golf 8", "part_number": "305 534",
                      "description": "Detachable ball neck.", "price_cents": 64900, "stock": 3,
                      "fitting_minutes": 180, "rating": 4.5, "review_count": 10,
                      "fitment": [{"make": "Volkswagen", "model": "Golf", "years": [2020, None],
                                   "condition": "with the towing preparation"}],
                      "reviews": [{"rating": 5, "text": "Fitted at the workshop in three hours.",
                                   "created_at": "2026-06-01T10:00:00Z", "vehicle": "2021 Volkswagen Golf"}]}]}))

    assert main(["catalog", "import", str(shop), "--db", db_url]) == 0

    towbar = read(db_url, "westfalia-towbar-golf8")
    assert (towbar.category_id, towbar.currency, towbar.fitting_minutes, towbar.rating_count) == (
        "trailers", "EUR", 180, 10)
    assert sum(getattr(towbar, f"stars_{s}") for s in range(1, 6)) == 10
    assert count(db_url, reviews) >= 1 and count(db_url, categories) == 15


def test_the_demo_catalog_imports_as_unchanged_and_a_dry_run_writes_nothing(sqlite_url, tmp_path, capsys):
    seed = Path(__file__).parents[2] / "headunit_backend" / "data" / "catalog.json"
    main(["migrate", "--db", sqlite_url])
    before = read(sqlite_url, "juice-booster-2")
    data = json.loads(seed.read_text())
    next(p for p in data["products"] if p["id"] == "juice-booster-2")["price_cents"] = 99900
    changed = write(tmp_path, "changed.json", json.dumps(data))

    assert main(["catalog", "import", str(seed), "--db", sqlite_url]) == 0
    assert "unchanged │   138" in capsys.readouterr().out
    assert main(["catalog", "import", str(changed), "--db", sqlite_url, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run, nothing written" in out and "juice-booster-2" in out
    assert read(sqlite_url, "juice-booster-2") == before


@pytest.mark.parametrize(("text", "options", "message"), [
    ("id,name\n", [], "no products in the file"),
    ("{not json", ["--format", "json"], "cannot read the file"),
    ('{"products": {"id": 1}}', [], "products: expected a list of products"),
])
def test_files_that_are_not_catalogs_are_refused(sqlite_url, tmp_path, capsys, text, options, message):
    path = write(tmp_path, "file.txt", text)

    assert main(["catalog", "import", str(path), "--db", sqlite_url, *options]) == 1
    assert message in capsys.readouterr().err


def test_a_missing_file_is_one_line(sqlite_url, tmp_path, capsys):
    assert main(["catalog", "import", str(tmp_path / "nope.csv"), "--db", sqlite_url]) == 1
    assert capsys.readouterr().err.strip() == f"headunit-backend: error: no such file: {tmp_path / 'nope.csv'}"
