"""Chinese instructions and voice prompts. Valhalla has no Chinese narrative, so a zh_CN route is asked for in
English and headunit.maps.instructions writes its texts. On real Monaco and Helsinki routes that between them
have every maneuver type Valhalla gives a car there, each text reads as Chinese apart from the street names
(which stay as OSM spells them), says what the English says, and guidance speaks it; English and German routes
keep Valhalla's own texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import osmium
import pytest
import valhalla

from headunit.maps.guidance import Guidance
from headunit.maps.instructions import chinese_texts, metric_length
from headunit.maps.routing import Route, Router, valhalla_config
from tests.maps.conftest import FONTVIEILLE, HELSINKI_PBF, MONACO_PBF, PLACE_DU_CASINO
from tests.maps.test_guidance import drive, fixes_along

# Start and end points whose routes, between them, have every maneuver type in TYPES_DRIVEN.
ROUTES = {
    "monaco": [
        (PLACE_DU_CASINO, FONTVIEILLE),
        ((43.7211, 7.41671), (43.76016, 7.43678)),  # U-turn at a cross street, forks, roundabouts
        ((43.74762, 7.39248), (43.7352, 7.43173)),  # ramps left and right
        ((43.73186, 7.37496), (43.7625, 7.3583)),  # left U-turn, left exit
        ((43.76558, 7.45025), (43.76409, 7.39016)),  # motorway exit 58 on the right
        ((43.73539, 7.42571), (43.76038, 7.48924)),  # starts on the harbour ferry
        ((43.76044, 7.45516), (43.7368, 7.42512)),  # takes the harbour ferry
    ],
    "helsinki": [
        ((60.16609, 24.94061), (60.17319, 24.95231)),  # straight onto a ramp
        ((60.16842, 24.93676), (60.17414, 24.93986)),
        ((60.16897, 24.93868), (60.17635, 24.93708)),
    ],
}
TYPES_DRIVEN = set(range(1, 7)) | set(range(8, 22)) | {23, 24, 26, 27, 28, 29}
FIELDS = ("instruction", "verbal_alert", "verbal_pre", "verbal_post")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-zÀ-ÿŒœ]")
WORD = "A-Za-z0-9À-ÿŒœ"
# Valhalla's English lengths and what the Chinese texts say for them.
ENGLISH_LENGTH = re.compile(r"(less than 10 meters|1 kilometer|[\d.]+ kilometers|\d+ meters)")


def chinese_length(english: str) -> str:
    if english == "less than 10 meters":
        return "不到10米"
    number, unit = english.split(" ")
    return f"{number}{'公里' if unit.startswith('kilometer') else '米'}"


def osm_names(pbf: Path) -> re.Pattern:
    """Every name, ref and sign text in the extract (Valhalla splits "E 74;E 80" in two), longest first."""
    names: set[str] = set()
    for obj in osmium.FileProcessor(str(pbf)).with_filter(osmium.filter.EmptyTagFilter()):
        for key, value in obj.tags:
            if "name" in key or "ref" in key or key.startswith("destination") or key == "exit_to":
                names.update(part.strip() for part in value.split(";") if part.strip())
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    # A name is not part of a longer word or number ("B" in "Bear", "2" in "200米").
    return re.compile(rf"(?<![{WORD}])(?:{alternatives})(?![{WORD}])")


@pytest.fixture(scope="module")
def regions(monaco_region, helsinki_region) -> dict:
    return {"monaco": (Router(monaco_region), osm_names(MONACO_PBF)),
            "helsinki": (Router(helsinki_region), osm_names(HELSINKI_PBF))}


@pytest.fixture(scope="module")
def routes(regions) -> list[tuple[str, Route, Route]]:
    """(region, English route, Chinese route) for every pair in ROUTES."""
    return [(name, regions[name][0].route(start, end, language="en", alternates=0)[0],
             regions[name][0].route(start, end, language="zh_CN", alternates=0)[0])
            for name, pairs in ROUTES.items() for start, end in pairs]


def street_names(text: str, names: re.Pattern) -> list[str]:
    """The names in `text`, leaving out numbers (an exit's "58", the "2" of "2nd" and "第2个")."""
    return sorted(name for name in names.findall(text) if LATIN.search(name))


def latin_outside_names(text: str, names: re.Pattern) -> str:
    return "".join(LATIN.findall(names.sub("", text)))


def test_the_routes_have_every_maneuver_type_a_car_gets_here(routes):
    driven = {m.type for _, english, _ in routes for m in english.maneuvers}
    assert driven >= TYPES_DRIVEN, f"the test routes no longer have types {sorted(TYPES_DRIVEN - driven)}"


def test_every_text_is_chinese_apart_from_street_names(routes, regions):
    for region, english, chinese in routes:
        names = regions[region][1]
        assert chinese.language == "zh_CN" and len(chinese.maneuvers) == len(english.maneuvers)
        for en, zh in zip(english.maneuvers, chinese.maneuvers):
            assert CJK.search(zh.instruction), (en.instruction, zh.instruction)
            for field in FIELDS:
                text = getattr(zh, field)
                # The same prompts exist in both languages, so guidance says as much in Chinese.
                assert bool(text) == bool(getattr(en, field)), (field, getattr(en, field), text)
                assert not latin_outside_names(text, names), (field, text)
                assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|  |[。.]$", text), (field, text)


def test_the_chinese_texts_name_the_streets_and_distances_the_english_ones_do(routes, regions):
    for region, english, chinese in routes:
        names = regions[region][1]
        for en, zh in zip(english.maneuvers, chinese.maneuvers):
            for field in FIELDS:
                en_text, zh_text = getattr(en, field), getattr(zh, field)
                # "U" is a ref in Helsinki, and not a street in "U-turn".
                english_names = street_names(en_text.replace("U-turn", "turn"), names)
                assert street_names(zh_text, names) == english_names, (field, en_text, zh_text)
                lengths = [chinese_length(length) for length in ENGLISH_LENGTH.findall(en_text)]
                assert all(length in zh_text for length in lengths), (field, en_text, zh_text)


def test_a_roundabout_says_which_exit_to_take(routes):
    roundabouts = [(en, zh) for _, english, chinese in routes
                   for en, zh in zip(english.maneuvers, chinese.maneuvers) if zh.kind == "roundabout"]
    assert roundabouts
    for en, zh in roundabouts:
        assert en.roundabout_exit and f"从第{en.roundabout_exit}个出口驶出" in zh.instruction, zh.instruction
        assert f"第{en.roundabout_exit}个出口" in zh.verbal_alert and f"第{en.roundabout_exit}个出口" in zh.verbal_pre


def test_casino_to_fontvieille_in_chinese(routes):
    _, _, chinese = routes[0]
    instructions = [m.instruction for m in chinese.maneuvers]
    assert instructions[:2] == ["向西北出发，沿 Place du Casino 行驶", "左转进入 Boulevard des Moulins"]
    assert "进入 Place d'Armes 环岛，从第2个出口驶出，进入 Avenue du Port" in instructions
    assert "右转，继续沿 Virage Antony Nogues 行驶" in instructions
    assert instructions[-1] == "目的地在右侧"
    assert chinese.maneuvers[0].verbal_pre == "向西北出发，沿 Place du Casino 行驶，200米后左转进入 Boulevard des Moulins"
    assert "沿当前道路继续行驶1公里" in [m.verbal_post for m in chinese.maneuvers]


def test_guidance_speaks_chinese_prompts_where_it_speaks_english_ones(routes, regions):
    _, english, chinese = routes[0]
    names = regions["monaco"][1]
    said = {language: [(travelled, prompt) for travelled, update in drive(Guidance(route), fixes_along(route))
                       for prompt in update.prompts]
            for language, route in (("en", english), ("zh_CN", chinese))}
    assert [(t, p.kind, p.maneuver) for t, p in said["zh_CN"]] == [(t, p.kind, p.maneuver) for t, p in said["en"]]
    for _, prompt in said["zh_CN"]:
        assert CJK.search(prompt.text) and not latin_outside_names(prompt.text, names), prompt.text
    alerts = [p.text for _, p in said["zh_CN"] if p.kind == "alert"]
    assert alerts and all(re.match(r"\d+米后，", text) for text in alerts), alerts
    assert said["zh_CN"][-1][1].text == "目的地在右侧"


@pytest.mark.parametrize(("language", "locale"), [("en", "en-US"), ("de", "de-DE")])
def test_english_and_german_routes_keep_valhallas_texts(monaco_region, language, locale):
    route = Router(monaco_region).route(PLACE_DU_CASINO, FONTVIEILLE, language=language, alternates=0)[0]
    actor = valhalla.Actor(str(valhalla_config(monaco_region)))
    request = {"locations": [{"lat": lat, "lon": lon} for lat, lon in (PLACE_DU_CASINO, FONTVIEILLE)],
               "costing": "auto", "units": "kilometers", "language": locale}
    raw = json.loads(actor.route(json.dumps(request)))["trip"]["legs"][0]["maneuvers"]
    assert route.language == language
    assert [(m.instruction, m.verbal_alert, m.verbal_pre, m.verbal_post) for m in route.maneuvers] == [
        (m.get("instruction", ""), m.get("verbal_transition_alert_instruction", ""),
         m.get("verbal_pre_transition_instruction", ""), m.get("verbal_post_transition_instruction", ""))
        for m in raw]


def test_maneuvers_these_extracts_do_not_have():
    """Merges, a road changing its name, a straight fork and signposted motorway exits (built the way
    Valhalla's JSON gives them) are said in Chinese too."""
    leg = [
        {"type": 1, "instruction": "Drive north on A 7.",
         "verbal_pre_transition_instruction": "Drive north on A 7.", "street_names": ["A 7"],
         "bearing_after": 2, "length": 3.4},
        {"type": 7, "instruction": "A 7 becomes A 8.", "verbal_pre_transition_instruction": "A 7 becomes A 8.",
         "street_names": ["A 8"], "length": 1.2},
        {"type": 22, "instruction": "Keep straight to take exit 4 onto B 2 toward Lyon.",
         "verbal_transition_alert_instruction": "Keep straight to take exit 4.",
         "verbal_pre_transition_instruction": "Keep straight to take exit 4 onto B 2 toward Lyon.",
         "sign": {"exit_number_elements": [{"text": "4"}], "exit_branch_elements": [{"text": "B 2"}],
                  "exit_toward_elements": [{"text": "Lyon"}]}, "length": 0.8},
        {"type": 37, "instruction": "Merge right onto B 2.", "verbal_pre_transition_instruction": "Merge right.",
         "street_names": ["B 2"], "length": 2.6,
         "verbal_post_transition_instruction": "Continue for 2.5 kilometers."},
        {"type": 38, "instruction": "Merge left.", "verbal_pre_transition_instruction": "Merge left.",
         "length": 0.5},
        {"type": 25, "instruction": "Merge onto Rue X.", "verbal_pre_transition_instruction": "Merge onto Rue X.",
         "street_names": ["Rue X"], "length": 0.2},
        {"type": 20, "instruction": "Take the Nice exit on the right toward Monaco.",
         "verbal_pre_transition_instruction": "Take the Nice exit on the right toward Monaco.",
         "sign": {"exit_name_elements": [{"text": "Nice"}], "exit_toward_elements": [{"text": "Monaco"}]},
         "length": 0.4},
        {"type": 4, "instruction": "You have arrived at your destination.",
         "verbal_pre_transition_instruction": "You have arrived at your destination.", "length": 0.0},
    ]
    texts = chinese_texts(leg)
    assert [t.instruction for t in texts] == [
        "向北出发，沿 A 7 行驶", "继续直行，进入 A 8", "保持直行，走4号出口，驶入 B 2，朝 Lyon 方向行驶",
        "向右汇入 B 2", "向左汇入主路", "汇入 Rue X", "从右侧 Nice 出口驶出，朝 Monaco 方向行驶", "已到达目的地"]
    assert texts[2].verbal_alert == "保持直行，走4号出口，驶入 B 2，朝 Lyon 方向行驶"
    assert texts[3].verbal_post == "沿当前道路继续行驶2.5公里"
    assert not texts[0].verbal_alert and not texts[0].verbal_post  # Valhalla has none for them either


@pytest.mark.parametrize(("kilometres", "said"), [
    (0.004, "不到10米"), (0.046, "50米"), (0.088, "90米"), (0.25, "300米"), (0.949, "900米"), (0.95, "1公里"),
    (1.003, "1公里"), (1.25, "1.5公里"), (2.336, "2.5公里"), (3.268, "3公里"), (4.831, "5公里")])
def test_lengths_are_rounded_as_valhalla_rounds_them(kilometres, said):
    assert metric_length(kilometres) == said
