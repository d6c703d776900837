"""Offline VIN decoding: ISO 3779 structure, the manufacturer from the shipped WMI table, the model year and
the check digit.

The check digit (position 9) is mandatory in North America (49 CFR 565) and China (GB 16735), so a wrong one
refuses the VIN there; elsewhere ISO 3779 leaves position 9 to the manufacturer, so a mismatch is only
reported as a warning. The same goes for position 10: a model year code is required in North America and
China, optional elsewhere.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

WMI_TABLE = Path(__file__).with_name("wmi.csv")

#: ISO 3780: the region a VIN was assigned in, from its first character.
_REGIONS = (("ABCDEFGH", "Africa"), ("JKLMNPR", "Asia"), ("STUVWXYZ", "Europe"), ("12345", "North America"),
            ("67", "Oceania"), ("890", "South America"))
#: Countries by the first two characters, "FXY Name": first character F, second from X to Y in VIN order
#: ("*": any). From vininfo 1.11.0's ISO 3780 table (BSD-3-Clause, see wmi.csv), with 7A-7E New Zealand and
#: 7F-70 United States as SAE now assigns. Used for WMIs the table does not list.
_COUNTRY_RANGES = (
    "AAH South Africa; AJK Ivory Coast; ALM Lesotho; ANP Botswana; ARS Namibia; ATU Madagascar; AVW "
    "Mauritius; AXY Tunisia; AZ1 Cyprus; A23 Zimbabwe; A45 Mozambique; BAB Angola; BFG Kenya; BLL Nigeria; "
    "BRR Algeria; B34 Libya; CAB Egypt; CFG Morocco; CLM Zambia; DAE Egypt; H* China; J* Japan; KFH Israel; "
    "KLR South Korea; KST Jordan; L* China; MAE India; MFK Indonesia; MLR Thailand; MSS Myanmar; MUU "
    "Mongolia; MXX Kazakhstan; M16 India; NAE Iran; NFG Pakistan; NJJ Iraq; NLR Turkey; NST Uzbekistan; NUU "
    "Azerbaijan; NYY Armenia; N15 Iran; PAC Philippines; PFG Singapore; PLR Malaysia; PST Bangladesh; RAB "
    "United Arab Emirates; RFK Taiwan; RLN Vietnam; RPP Laos; RST Saudi Arabia; RUW Russia; R11 Hong Kong; "
    "SAM United Kingdom; SNT Germany; SUZ Poland; S12 Latvia; S33 South Ossetia; TAH Switzerland; TJP Czech "
    "Republic; TRV Hungary; TW2 Portugal; T35 Serbia & Montenegro; T66 Andorra; UAC Spain; UHM Denmark; UNR "
    "Ireland; UUW Romania; U12 Macedonia; U57 Slovakia; U80 Bosnia & Herzogovina; VAE Austria; VFR France; "
    "VSW Spain; VX2 Serbia; V35 Croatia; V68 Estonia; W* Germany; XAC Bulgaria; XDE Russia; XFH Greece; XJK "
    "Russia; XLR Netherlands; XSW Russia; XXY Luxembourg; XZ0 Russia; YAE Belgium; YFK Finland; YNN Malta; "
    "YSW Sweden; YX2 Norway; Y35 Belarus; Y68 Ukraine; ZAU Italy; ZXZ Slovenia; Z11 San Marino; Z35 "
    "Lithuania; Z60 Russia; 1* United States; 2A5 Canada; 3AX Mexico; 355 Dom. Republic; 366 Honduras; 377 "
    "Panama; 389 Puerto Rico; 4* United States; 5* United States; 6AX Australia; 6Y1 New Zealand; 7AE New "
    "Zealand; 7F0 United States; 8AE Argentina; 8FG Chile; 8LN Ecuador; 8ST Peru; 8XZ Venezuela; 822 Bolivia; "
    "9AE Brazil; 9FG Colombia; 9SV Uruguay; 929 Brazil")
_VIN_ORDER = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890"
_COUNTRY_REGIONS = {"United States": "North America", "Canada": "North America", "Mexico": "North America",
                    "China": "Asia"}

#: Transliteration of letters for the check digit (49 CFR 565.15); I, O and Q never appear in a VIN.
_VALUES = {**{str(d): d for d in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

#: Position 10 codes in order from 1980 (and again from 2010): 30 codes, no I, O, Q, U, Z or 0.
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
_FORBIDDEN = set("IOQ")
_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class VinProblem:
    code: str  # length | character | check_digit | model_year_code
    message: str
    position: int | None = None

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message, "position": self.position}


@dataclass(frozen=True)
class VinReport:
    vin: str
    valid: bool
    errors: list[VinProblem]
    wmi: str
    manufacturer: str | None
    make: str | None
    region: str
    country: str | None
    model_year: int | None
    check_digit_required: bool
    check_digit_ok: bool | None
    #: What a valid VIN does not follow where it need not (a check digit or year code outside North
    #: America and China).
    warnings: list[VinProblem] = field(default_factory=list)

    @property
    def reason(self) -> str | None:
        """Why the VIN is refused: the first error's message."""
        return self.errors[0].message if self.errors else None

    def to_json(self) -> dict:
        return {"vin": self.vin, "valid": self.valid, "errors": [e.to_json() for e in self.errors],
                "warnings": [w.to_json() for w in self.warnings], "wmi": self.wmi,
                "manufacturer": self.manufacturer, "make": self.make, "region": self.region,
                "country": self.country, "model_year": self.model_year,
                "check_digit_required": self.check_digit_required, "check_digit_ok": self.check_digit_ok}


@dataclass(frozen=True)
class Manufacturer:
    wmi: str
    name: str
    make: str | None
    country: str | None


def normalize(vin: str) -> str:
    return _SEPARATORS.sub("", vin).upper()


def check_digit(vin: str) -> str:
    """The check digit (0-9 or X) that position 9 of a 17-character VIN should hold."""
    total = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def with_check_digit(vin: str) -> str:
    """`vin` with position 9 set to its check digit (to make test and demo VINs)."""
    vin = normalize(vin)
    return vin[:8] + check_digit(vin) + vin[9:]


@cache
def wmi_table() -> dict[str, Manufacturer]:
    import csv

    table: dict[str, Manufacturer] = {}
    with WMI_TABLE.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            table[row["wmi"]] = Manufacturer(row["wmi"], row["manufacturer"], row["make"] or None,
                                             row["country"] or None)
    return table


@cache
def _countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    for entry in _COUNTRY_RANGES.split("; "):
        span, name = entry.split(" ", 1)
        first, low, high = span[0], span[1], span[-1]
        seconds = _VIN_ORDER if low == "*" else _VIN_ORDER[_VIN_ORDER.index(low):_VIN_ORDER.index(high) + 1]
        countries.update((first + second, name) for second in seconds)
    return countries


def country_of(vin: str) -> str | None:
    """The country the first two characters were assigned to (ISO 3780 ranges), or None."""
    return _countries().get(vin[:2])


def manufacturer(wmi: str) -> Manufacturer | None:
    table = wmi_table()
    return table.get(wmi[:3]) or table.get(wmi[:2])


def region_of(first: str) -> str:
    for letters, region in _REGIONS:
        if first in letters:
            return region
    return "unknown"


def model_year(code: str, *, north_american_letter: bool | None, today: datetime.date) -> int | None:
    """The year position 10 stands for. `north_american_letter`: True/False when position 7 decides the
    cycle (North America: a letter means 2010-2039, a digit 1980-2009); None for the latest cycle year not
    after next year."""
    index = _YEAR_CODES.find(code)
    if index < 0:
        return None
    if north_american_letter is not None:
        return (2010 if north_american_letter else 1980) + index
    year = 1980 + index
    while year + 30 <= today.year + 1:
        year += 30
    return year


def decode(vin: str, *, today: datetime.date | None = None) -> VinReport:
    """What a VIN says: whether it is valid (its length, characters and check digit), the manufacturer, region,
    country and model year; `errors` and `warnings` say what is wrong with it.

    >>> from headunit.sdk import decode_vin
    >>> report = decode_vin("WVWZZZ1JZXW000001")
    >>> report.valid, report.make, report.country
    (True, 'Volkswagen', 'Germany')
    """
    today = today or datetime.date.today()
    vin = normalize(vin)
    errors: list[VinProblem] = []
    warnings: list[VinProblem] = []
    if len(vin) != 17:
        errors.append(VinProblem("length", f"a VIN has 17 characters, this one has {len(vin)}"))
    for position, char in enumerate(vin, 1):
        if char in _FORBIDDEN:
            errors.append(VinProblem("character", f"position {position}: {char} is never used in a VIN "
                                                  "(I, O and Q look like 1 and 0)", position))
        elif char not in _VALUES:
            errors.append(VinProblem("character", f"position {position}: {char!r} is not a letter or digit",
                                     position))
    wmi = vin[:3]
    known = manufacturer(wmi) if len(wmi) == 3 else None
    country = (known.country if known else None) or country_of(vin)
    region = _COUNTRY_REGIONS.get(country or "") or region_of(vin[:1])
    mandatory = region == "North America" or country == "China" or vin[:1] == "L"
    structurally_sound = not errors
    check_ok: bool | None = None
    year: int | None = None
    if structurally_sound:
        expected, found = check_digit(vin), vin[8]
        if found.isdigit() or found == "X" or mandatory:
            check_ok = expected == found
            if not check_ok:
                problem = VinProblem("check_digit", f"position 9: the check digit should be {expected}, "
                                                    f"found {found}", 9)
                (errors if mandatory else warnings).append(problem)
        year = model_year(vin[9], today=today,
                          north_american_letter=vin[6].isalpha() if region == "North America" else None)
        if year is None:
            problem = VinProblem("model_year_code", f"position 10: {vin[9]} is not a model year code", 10)
            (errors if mandatory else warnings).append(problem)
    return VinReport(vin=vin, valid=not errors, errors=errors, wmi=wmi,
                     manufacturer=known.name if known else None, make=known.make if known else None,
                     region=region, country=country, model_year=year, check_digit_required=mandatory,
                     check_digit_ok=check_ok, warnings=warnings)
