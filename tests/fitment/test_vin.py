"""VIN decoding on real-format VINs from several regions. Check digits of made-up serials were computed with
`check_digit` (the 49 CFR 565.15 algorithm); 1HGCM82633A004352 is NHTSA's published example VIN."""

from __future__ import annotations

import datetime

import pytest

from headunit.fitment.vin import check_digit, decode, with_check_digit

TODAY = datetime.date(2026, 12, 6)

VALID = [
    # vin, manufacturer, make, region, country, model year
    ("1HGCM82633A004352", "Honda", "Honda", "North America", "United States", 2003),  # NHTSA's example
    ("1FTFW1E57MFA12345", "Ford", "Ford", "North America", "United States", 2021),  # F-150
    ("1HGCV1F37LA012345", "Honda", "Honda", "North America", "United States", 2020),
    ("2HGFE2F58NH512345", "Honda Canada", "Honda", "North America", "Canada", 2022),
    ("1G1ZD5ST1LF012345", "Chevrolet", "Chevrolet", "North America", "United States", 2020),
    ("5YJ3E1EA7PF123456", "Tesla", "Tesla", "North America", "United States", 2023),
    ("7SAYGDEE8PF123456", "Tesla", "Tesla", "North America", "United States", 2023),
    ("WVWZZZCDZMW072395", "Volkswagen", "Volkswagen", "Europe", "Germany", 2021),  # the simulated car
    ("VF1RJA000M1123456", "Renault", "Renault", "Europe", "France", 2021),
    ("WBA5R1C50LFH12345", "BMW", "BMW", "Europe", "Germany", 2020),
    ("TMBJG7NX0MY012345", "Škoda", "Skoda", "Europe", "Czech Republic", 2021),
    ("ZFA312000J0123456", "Fiat Automobiles", "Fiat", "Europe", "Italy", 2018),
    ("LRW3E7EB3NC123456", "Tesla China", "Tesla", "Asia", "China", 2022),
    ("LGXC74C48N0123456", "BYD Auto", "BYD", "Asia", "China", 2022),
    ("LSVAU2187N2123456", "SAIC Volkswagen", "Volkswagen", "Asia", "China", 2022),
    ("LFV2A21K0M3123456", "FAW-Volkswagen", "Volkswagen", "Asia", "China", 2021),
    ("JTDBCMFE1MJ012345", "Toyota", "Toyota", "Asia", "Japan", 2021),
    ("JTNKHMBX6M1012345", "Toyota", "Toyota", "Asia", "Japan", 2021),
    ("JHMFC1F37NX012345", "Honda", "Honda", "Asia", "Japan", 2022),
    ("KMHKM81C4NU012345", "Hyundai", "Hyundai", "Asia", "South Korea", 2022),
]


@pytest.mark.parametrize(("vin", "manufacturer", "make", "region", "country", "year"), VALID)
def test_real_format_vins_decode_to_their_manufacturer_and_model_year(vin, manufacturer, make, region, country, year):
    report = decode(vin, today=TODAY)

    assert report.valid, report.errors
    assert (report.manufacturer, report.make, report.region, report.country, report.model_year) == (
        manufacturer, make, region, country, year)
    assert report.wmi == vin[:3]


def test_nhtsa_example_vin_has_a_correct_check_digit():
    assert check_digit("1HGCM82633A004352") == "3"
    report = decode("1HGCM82633A004352", today=TODAY)
    assert report.check_digit_required and report.check_digit_ok


def test_a_remainder_of_ten_is_written_x():
    vin = next(v for v in (with_check_digit(f"1FTFW1E50MFA{n:05d}") for n in range(200)) if v[8] == "X")
    assert decode(vin, today=TODAY).valid


def test_spaces_dashes_and_lower_case_are_normalised():
    report = decode(" wvw zzz-cdz-mw072395 ", today=TODAY)
    assert report.vin == "WVWZZZCDZMW072395" and report.valid


@pytest.mark.parametrize("vin", ["1FTFW1E57MFA12345", "LRW3E7EB3NC123456"])
def test_a_wrong_check_digit_refuses_the_vin_in_north_america_and_china(vin):
    wrong = vin[:8] + ("0" if vin[8] != "0" else "1") + vin[9:]

    report = decode(wrong, today=TODAY)

    assert not report.valid and report.check_digit_ok is False and report.check_digit_required
    (problem,) = report.errors
    assert problem.code == "check_digit" and problem.position == 9
    assert f"should be {vin[8]}" in problem.message and f"found {wrong[8]}" in problem.message


def test_the_same_wrong_check_digit_is_accepted_in_europe_and_japan_with_a_warning():
    for vin in ("WBA5R1C50LFH12345", "JTDBCMFE1MJ012345"):
        wrong = vin[:8] + "4" + vin[9:]
        report = decode(wrong, today=TODAY)
        assert report.valid and not report.check_digit_required
        assert report.check_digit_ok is False
        assert [w.code for w in report.warnings] == ["check_digit"]


def test_a_european_vin_without_a_check_digit_in_position_9_is_not_checked():
    report = decode("WVWZZZCDZMW072395", today=TODAY)
    assert report.check_digit_ok is None and not report.warnings


@pytest.mark.parametrize(("vin", "length"), [("1HGCM82633A00435", 16), ("1HGCM82633A0043521", 18), ("", 0)])
def test_wrong_length_is_refused_with_the_length(vin, length):
    report = decode(vin, today=TODAY)
    assert not report.valid
    assert report.errors[0].code == "length" and f"has {length}" in report.errors[0].message


@pytest.mark.parametrize(("letter", "position"), [("I", 5), ("O", 11), ("Q", 17)])
def test_i_o_and_q_are_refused_naming_the_position(letter, position):
    vin = "1HGCM82633A004352"
    vin = vin[:position - 1] + letter + vin[position:]
    report = decode(vin, today=TODAY)
    assert not report.valid
    (problem,) = report.errors
    assert (problem.code, problem.position) == ("character", position) and letter in problem.message


def test_punctuation_is_refused_as_a_character_problem():
    report = decode("1HGCM8263*A004352", today=TODAY)
    assert [(e.code, e.position) for e in report.errors] == [("character", 10)]


def test_a_bad_model_year_code_is_refused_in_north_america_and_only_noted_in_europe():
    na = with_check_digit("1FTFW1E50UFA12345")  # U is never a year code
    report = decode(na, today=TODAY)
    assert not report.valid and [e.code for e in report.errors] == ["model_year_code"]
    assert report.errors[0].position == 10 and report.model_year is None

    eu = decode("WVWZZZCDZZW072395", today=TODAY)  # Z: some European makers leave position 10 unused
    assert eu.valid and eu.model_year is None and [w.code for w in eu.warnings] == ["model_year_code"]


def test_north_america_position_7_picks_the_30_year_cycle():
    letter = decode(with_check_digit("1FTFW1E50AFA12345"), today=TODAY)  # position 7 "E": 2010-2039
    digit = decode(with_check_digit("1FTFW130XAFA12345"), today=TODAY)  # position 7 "0": 1980-2009
    assert (letter.model_year, digit.model_year) == (2010, 1980)
    assert decode(with_check_digit("1FTFW1E509FA12345"), today=TODAY).model_year == 2039


def test_elsewhere_the_latest_cycle_year_not_after_next_year_is_taken():
    vin = "WVWZZZCDZYW072395"  # Y: 2000 or 2030
    assert decode(vin, today=datetime.date(2026, 12, 6)).model_year == 2000
    assert decode(vin, today=datetime.date(2029, 6, 1)).model_year == 2030  # next year's models are on sale
    assert decode("WVWZZZCDZVW072395", today=datetime.date(2026, 12, 6)).model_year == 2027
    assert decode("WVWZZZCDZ1W072395", today=datetime.date(2026, 12, 6)).model_year == 2001


def test_an_unknown_wmi_still_gets_its_region_and_country_from_the_first_characters():
    report = decode(with_check_digit("9ZZAAA00XM1234567"), today=TODAY)
    assert report.manufacturer is None and report.make is None and report.region == "South America"
    assert report.country is None and report.valid
    polish = decode("SZZAAA00XM1234567", today=TODAY)
    assert (polish.region, polish.country) == ("Europe", "Poland")
    assert decode("AAZAAA00XM1234567", today=TODAY).country == "South Africa"
    assert decode("AZZAAA00XM1234567", today=TODAY).region == "Africa"


def test_unknown_chinese_and_newer_us_wmis_need_their_check_digit():
    for vin in ("HJRAAA00XM1234567", "LZZAAA00XM1234567", "7FZAAA00XM1234567"):
        good = with_check_digit(vin)
        wrong = good[:8] + ("1" if good[8] != "1" else "2") + good[9:]
        assert decode(good, today=TODAY).valid and not decode(wrong, today=TODAY).valid, vin
    assert decode("7ABAAA00XM1234567", today=TODAY).region == "Oceania"  # 7A-7E: New Zealand


def test_report_json_has_every_field():
    data = decode("1HGCM82623A004352", today=TODAY).to_json()
    assert data["valid"] is False and data["check_digit_ok"] is False
    assert data["errors"] == [{"code": "check_digit", "message": "position 9: the check digit should be 3, found 2",
                               "position": 9}]
    assert set(data) == {"vin", "valid", "errors", "warnings", "wmi", "manufacturer", "make", "region", "country",
                         "model_year", "check_digit_required", "check_digit_ok"}
