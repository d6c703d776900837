"""`headunit-backend catalog import FILE`: load a shop's products from CSV or JSON into the catalog.

sqlite-utils reads the file (`rows_from_file` tells CSV, TSV and JSON apart); every row is validated with
the same `ProductRecord` the demo seed uses, and each problem is reported with its row number and field.
One bad row and nothing is imported; otherwise new products are inserted and changed ones updated in one
transaction. The format is documented in docs/catalog-format.md.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlite_utils.utils import Format, RowError, rows_from_file

from headunit_backend.catalog_data import (CategoryRecord, ProductRecord, UpsertResult, upsert_categories,
                                           upsert_products)

#: Columns whose CSV cell holds JSON (a list).
JSON_COLUMNS = ("fitment", "reviews")
FORMATS = {"csv": Format.CSV, "json": Format.JSON}

#: What a field expects, said the way a person filling a spreadsheet understands it.
EXPECTED = {
    "id": "lower-case letters, digits, '.', '_' or '-' (up to 80, starting with a letter or digit)",
    "price_cents": "a whole number ≥ 0 (the price in cents)",
    "stock": "a whole number ≥ 0",
    "review_count": "a whole number ≥ 0",
    "fitting_minutes": "a whole number of minutes from 1 to 600, or empty",
    "rating": "a number from 0 to 5",
    "universal": "true or false",
    "currency": "a three-letter currency code such as EUR",
}


class ImportFailed(Exception):
    """The file cannot be imported; `problems` are the lines to show, each naming the row and field."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportPlan:
    categories: list[CategoryRecord] = field(default_factory=list)
    products: list[ProductRecord] = field(default_factory=list)


def read_file(path: Path, file_format: str | None = None) -> tuple[list[tuple[int, dict[str, Any]]], dict, str]:
    """(numbered rows, the JSON document's other keys, the format used). CSV rows are numbered as a
    spreadsheet shows them (the header is row 1); JSON products from 1 in the order of the list."""
    data = path.read_bytes()
    try:
        rows, used = rows_from_file(io.BytesIO(data), format=FORMATS.get(file_format or ""))
        rows = list(rows)
    except (RowError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:
        raise ImportFailed([f"{path}: cannot read the file: {error}"]) from None
    if used in (Format.JSON, Format.NL):
        if len(rows) == 1 and isinstance(rows[0], dict) and "products" in rows[0]:  # the catalog.json shape
            document = rows[0]
            products = document["products"]
            if not isinstance(products, list):
                raise ImportFailed([f"{path}: products: expected a list of products"])
            return list(enumerate(products, start=1)), document, "json"
        return list(enumerate(rows, start=1)), {}, "json"
    return [(n, _csv_row(row)) for n, row in enumerate(rows, start=2)], {}, "csv"


class NotJson(str):
    """A JSON column's cell that is not JSON, kept to be reported with the text that was there."""


def _csv_row(row: dict) -> dict[str, Any]:
    """Empty cells are absent; JSON columns are decoded."""
    cleaned: dict[str, Any] = {}
    for key, value in row.items():
        if key is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key in JSON_COLUMNS and isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                value = NotJson(value)
        cleaned[key] = value
    return cleaned


def plan(path: Path, file_format: str | None = None, *, known_categories: set[str] = frozenset()) -> ImportPlan:
    """Validate every row; raises ImportFailed listing every problem."""
    rows, document, used = read_file(path, file_format)
    problems: list[str] = []
    result = ImportPlan()
    for i, category in enumerate(document.get("categories") or [], start=1):
        try:
            result.categories.append(CategoryRecord.model_validate(category))
        except ValidationError as error:
            problems += [f"category {i}, {where}: {message}" for where, message in describe(error, category)]
    currency = document.get("currency")
    categories = known_categories | {c.id for c in result.categories}
    seen: dict[str, int] = {}
    for number, row in rows:
        if not isinstance(row, dict):
            problems.append(f"row {number}: expected an object with the product's fields")
            continue
        if currency and "currency" not in row:
            row = {**row, "currency": currency}
        not_json = [key for key, value in row.items() if isinstance(value, NotJson)]
        if not_json:
            problems += [f"row {number}, {key}: expected a JSON list (e.g. [{{\"make\": \"Volkswagen\"}}]), got "
                         f"{json.dumps(str(row[key]), ensure_ascii=False)}" for key in not_json]
            continue
        try:
            product = ProductRecord.model_validate(row)
        except ValidationError as error:
            problems += [f"row {number}, {where}: {message}" for where, message in describe(error, row)]
            continue
        if product.category not in categories:
            problems.append(f"row {number}, category: unknown category {product.category!r} "
                            f"(known: {', '.join(sorted(categories)) or 'none'})")
        if product.id in seen:
            problems.append(f"row {number}, id: {product.id!r} is already on row {seen[product.id]}")
        seen[product.id] = number
        result.products.append(product)
    if not rows:
        problems.append(f"{path}: no products in the file")
    if problems:
        raise ImportFailed(problems)
    return result


def describe(error: ValidationError, row: dict) -> list[tuple[str, str]]:
    """(field, "expected …, got …") for each of pydantic's errors."""
    found = []
    for item in error.errors():
        loc = [str(part) for part in item.get("loc", ())]
        name = loc[0] if loc else ""
        if item["type"] == "missing":
            found.append((name, "missing (required)"))
        elif item["type"] == "extra_forbidden":
            found.append((name, "unknown field"))
        elif name == "fitment" or (item["type"] == "value_error" and not loc):
            message = str(item.get("ctx", {}).get("error") or item["msg"]).removeprefix("Value error, ")
            where, colon, text = message.partition(": ")
            found.append((where, text) if colon and (where.startswith(("fitment", "universal"))) else
                         (name or "row", message))
        else:
            value = row.get(name) if len(loc) == 1 else item.get("input")
            expected = EXPECTED.get(name) if len(loc) == 1 else None
            found.append((".".join(loc), f"expected {expected or item['msg'][0].lower() + item['msg'][1:]}, "
                                         f"got {json.dumps(value, ensure_ascii=False, default=str)}"))
    return found


def apply(conn, import_plan: ImportPlan) -> UpsertResult:
    upsert_categories(conn, import_plan.categories)
    return upsert_products(conn, import_plan.products)


def print_summary(console: Console, result: UpsertResult, *, source: Path, dry_run: bool) -> None:
    table = Table(title=f"{source.name}: {'would import (dry run, nothing written)' if dry_run else 'imported'}")
    table.add_column("products")
    table.add_column("count", justify="right")
    table.add_column("ids (first 5)")
    for label, ids in (("new", result.inserted), ("updated", result.updated), ("unchanged", result.unchanged)):
        table.add_row(label, str(len(ids)), ", ".join(ids[:5]) + (" …" if len(ids) > 5 else ""))
    console.print(table)
