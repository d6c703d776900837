"""Simplified Chinese turn-by-turn texts for Valhalla routes.

Valhalla 3.9 has no Chinese narrative: asked for zh-CN it answers in English. So a Chinese route is asked of
Valhalla in English (`NARRATIVE_LANGUAGE`), and `localize_trip` rewrites every maneuver's texts (the
instruction on screen and the voice texts: transition alert, pre- and post-transition, succinct) in Chinese
from the maneuver's own fields: its type, street names, signs, roundabout exit count, starting bearing and
length. A text is written where Valhalla wrote one, so guidance says the same prompts in every language.

Valhalla's JSON leaves out a few facts that its English texts carry, and those are read from them:
whether a maneuver keeps to the road it is on ("... to stay on X"), whether the road goes on under another of
its names after the maneuver ("... Continue on X"), whether a quick maneuver's prompt gives the distance to
the one after it ("Then, in 200 meters, ..."), which streets a roundabout's exit leads onto, and the cross
street of a U-turn. Street names stay as OSM spells them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: The Valhalla locale to ask for when the texts are to be Chinese: the English texts hold the facts above.
NARRATIVE_LANGUAGE = "en-US"
#: What a localized trip says its language is (Valhalla's spelling; routing turns it into zh_CN).
CHINESE = "zh-CN"

#: Valhalla's maneuver types (DirectionsLeg.Maneuver.Type in valhalla/proto/directions.proto).
NONE, START, START_RIGHT, START_LEFT = 0, 1, 2, 3
DESTINATION, DESTINATION_RIGHT, DESTINATION_LEFT = 4, 5, 6
BECOMES, CONTINUE = 7, 8
SLIGHT_RIGHT, RIGHT, SHARP_RIGHT, UTURN_RIGHT, UTURN_LEFT, SHARP_LEFT, LEFT, SLIGHT_LEFT = range(9, 17)
RAMP_STRAIGHT, RAMP_RIGHT, RAMP_LEFT, EXIT_RIGHT, EXIT_LEFT = range(17, 22)
STAY_STRAIGHT, STAY_RIGHT, STAY_LEFT, MERGE = range(22, 26)
ROUNDABOUT_ENTER, ROUNDABOUT_EXIT, FERRY_ENTER, FERRY_EXIT = range(26, 30)
MERGE_RIGHT, MERGE_LEFT = 37, 38

# Valhalla's JSON keys for the texts, in the order of `ManeuverTexts`.
_TEXT_KEYS = ("instruction", "verbal_transition_alert_instruction", "verbal_pre_transition_instruction",
              "verbal_post_transition_instruction", "verbal_succinct_transition_instruction")

_CARDINALS = ("北", "东北", "东", "东南", "南", "西南", "西", "西北")
_CARDINAL_NAMES = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")

_TURNS = {SLIGHT_RIGHT: "向右前方行驶", RIGHT: "右转", SHARP_RIGHT: "向右后方行驶",
          SLIGHT_LEFT: "向左前方行驶", LEFT: "左转", SHARP_LEFT: "向左后方行驶",
          UTURN_RIGHT: "向右掉头", UTURN_LEFT: "掉头"}
_DESTINATIONS = {DESTINATION: "已到达目的地", DESTINATION_RIGHT: "目的地在右侧", DESTINATION_LEFT: "目的地在左侧"}
_DESTINATION_ALERTS = {DESTINATION: "到达目的地", DESTINATION_RIGHT: "到达目的地，目的地在右侧",
                       DESTINATION_LEFT: "到达目的地，目的地在左侧"}
_KEEPS = {STAY_STRAIGHT: "保持直行", STAY_RIGHT: "靠右", STAY_LEFT: "靠左"}
_MERGES = {MERGE: "汇入", MERGE_RIGHT: "向右汇入", MERGE_LEFT: "向左汇入"}
#: Types whose texts can say that the road goes on under another name (Valhalla's "Continue on X").
_CONTINUING = {START, START_RIGHT, START_LEFT, BECOMES, SLIGHT_RIGHT, RIGHT, SHARP_RIGHT, SHARP_LEFT, LEFT,
               SLIGHT_LEFT, MERGE, MERGE_RIGHT, MERGE_LEFT, ROUNDABOUT_EXIT, FERRY_EXIT}
# Types a car route does not have (transit, walking indoors): a plain phrase is enough.
_PLAIN = {30: "乘坐公共交通", 31: "换乘", 32: "继续乘坐", 33: "前往车站", 34: "在车站换乘", 35: "到达车站",
          36: "离开车站", 39: "乘电梯", 40: "走楼梯", 41: "乘自动扶梯", 42: "进入建筑物", 43: "离开建筑物"}
#: A ramp taken with at least this change of direction is a turn onto it rather than keeping to one side.
RAMP_TURN_DEG = 45
#: Valhalla names a roundabout exit by its number only within these bounds.
_EXIT_COUNTS = range(1, 11)

_UTURN_AT = re.compile(r"U-turn at (?P<cross>.+?)(?: onto | to stay on |\.$)")
_ROUNDABOUT_ONTO = re.compile(r" onto (?P<onto>.+?)(?:\. Continue on (?P<then>.+?))?\.$")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


@dataclass(frozen=True)
class ManeuverTexts:
    """One maneuver's texts; empty where Valhalla has none for it."""

    instruction: str
    verbal_alert: str
    verbal_pre: str
    verbal_post: str
    verbal_succinct: str


def writes_chinese(language: str) -> bool:
    """Whether routes in `language` (zh_CN, zh-CN, zh) get their texts from this module."""
    return language.replace("-", "_").split("_")[0].lower() == "zh"


def localize_trip(trip: dict, language: str) -> dict:
    """Valhalla's trip (asked for in English) with Chinese texts when `language` is Chinese; otherwise the
    trip itself, untouched."""
    if not writes_chinese(language):
        return trip
    legs = []
    for leg in trip["legs"]:
        maneuvers = []
        for maneuver, texts in zip(leg["maneuvers"], chinese_texts(leg["maneuvers"])):
            maneuver = dict(maneuver)
            for key, text in zip(_TEXT_KEYS, (texts.instruction, texts.verbal_alert, texts.verbal_pre,
                                              texts.verbal_post, texts.verbal_succinct)):
                if text:
                    maneuver[key] = text
                else:
                    maneuver.pop(key, None)
            maneuvers.append(maneuver)
        legs.append({**leg, "maneuvers": maneuvers})
    return {**trip, "legs": legs, "language": CHINESE}


def chinese_texts(maneuvers: Sequence[Mapping[str, Any]]) -> list[ManeuverTexts]:
    """Chinese texts for one leg's maneuvers, as Valhalla's JSON gives them (with its English texts)."""
    views = [_View(m, maneuvers[i + 1] if i + 1 < len(maneuvers) else None) for i, m in enumerate(maneuvers)]
    texts = [_texts(view) for view in views]
    # A quick maneuver's voice texts name the next one too, as Valhalla's do ("verbal multi-cue").
    for i, view in enumerate(views[:-1]):
        if not view.raw.get("verbal_multi_cue"):
            continue
        following = texts[i + 1]
        cue = following.verbal_alert or following.verbal_pre
        if not cue:
            continue
        then = f"，{metric_length(view.length_km)}后" if view.distant_multi_cue else "，随后"
        current = texts[i]
        texts[i] = ManeuverTexts(
            current.instruction, current.verbal_alert,
            current.verbal_pre and _tidy(current.verbal_pre + then + cue), current.verbal_post,
            current.verbal_succinct and _tidy(current.verbal_succinct + then + cue))
    return texts


def metric_length(kilometres: float) -> str:
    """A length the way Valhalla's voice texts round it (half kilometres up to 3 km, whole ones beyond,
    100 m and 10 m steps below), in Chinese."""
    metres = _round(kilometres * 1000)
    if metres > 949:
        rounded = _round(kilometres) if kilometres > 3 else _round(kilometres * 2) / 2
        return f"{rounded:g}公里"
    if metres > 94:
        return f"{_round(metres / 100) * 100:g}米"
    if metres > 9:
        return f"{_round(metres / 10) * 10:g}米"
    return "不到10米"


def _round(x: float) -> float:
    """Half away from zero, as C++'s std::round (Python's round() rounds half to even)."""
    return math.copysign(math.floor(abs(x) + 0.5), x)


@dataclass(frozen=True)
class _Style:
    """How much a text says: the screen shows every name, the voice the first one or two."""

    max_names: int | None  # None: all of them; 0: none
    separator: str
    then_on: bool  # say which name the road continues under after the maneuver


_INSTRUCTION = _Style(None, "/", True)
_ALERT = _Style(1, "、", False)
_PRE = _Style(2, "、", False)
_SUCCINCT = _Style(0, "", False)


class _View:
    """The fields of one Valhalla maneuver that the texts need."""

    def __init__(self, raw: Mapping[str, Any], following: Mapping[str, Any] | None):
        self.raw = raw
        self.type: int = raw.get("type", NONE)
        self.names: list[str] = list(raw.get("street_names") or [])
        self.begin_names: list[str] = list(raw.get("begin_street_names") or [])
        self.length_km: float = raw.get("length", 0.0)
        sign = raw.get("sign") or {}
        self.exit_numbers = _sign_texts(sign, "exit_number_elements")
        self.exit_branches = _sign_texts(sign, "exit_branch_elements")
        self.exit_towards = _sign_texts(sign, "exit_toward_elements")
        self.exit_names = _sign_texts(sign, "exit_name_elements")
        english = raw.get("instruction") or ""
        self.to_stay_on = " to stay on " in english
        self.continues_on = bool(self.begin_names and self.names and self.type in _CONTINUING) and (
            not english or ". Continue on " in english)
        self.distant_multi_cue = "Then, in " in (raw.get("verbal_pre_transition_instruction") or "")
        cross = _UTURN_AT.search(english) if self.type in (UTURN_LEFT, UTURN_RIGHT) else None
        self.uturn_at: list[str] = cross["cross"].split("/") if cross else []
        self.exit_onto, self.exit_then = self._roundabout_exit(english, following)

    def _roundabout_exit(self, english: str, following: Mapping[str, Any] | None) -> tuple[list[str], list[str]]:
        """The streets a roundabout's exit leads onto, and the name it goes on under after them. Valhalla
        knows the street right after the exit, which the exit maneuver does not always name (it may be a
        short slip road), and says it in the English instruction."""
        if self.type != ROUNDABOUT_ENTER:
            return [], []
        if english.startswith("Enter "):
            found = _ROUNDABOUT_ONTO.search(english)
            if not found:
                return [], []
            then = found["then"].split("/") if found["then"] else []
            return found["onto"].split("/"), then
        if following is not None and following.get("type") == ROUNDABOUT_EXIT:
            begin, names = following.get("begin_street_names") or [], following.get("street_names") or []
            if begin:
                return list(begin), list(names)
            return list(names), []
        return [], []

    @property
    def cardinal(self) -> str:
        given = self.raw.get("begin_cardinal_direction")
        if isinstance(given, int) and 0 <= given < len(_CARDINALS):
            return _CARDINALS[given]
        if isinstance(given, str) and given.lower() in _CARDINAL_NAMES:
            return _CARDINALS[_CARDINAL_NAMES.index(given.lower())]
        heading = self.raw.get("bearing_after") or 0
        # Valhalla's own bins: north is 337..23 degrees, then every 45 degrees (22 or 23 either side).
        bounds = (24, 67, 114, 157, 204, 247, 294, 337)
        return next((_CARDINALS[i] for i, bound in enumerate(bounds) if heading < bound), _CARDINALS[0])

    @property
    def turn_deg(self) -> float:
        before, after = self.raw.get("bearing_before"), self.raw.get("bearing_after")
        if before is None or after is None:
            return 0.0
        return abs((after - before + 180) % 360 - 180)


def _sign_texts(sign: Mapping[str, Any], key: str) -> list[str]:
    return [element["text"] for element in sign.get(key) or [] if element.get("text")]


def _names(names: Sequence[str], style: _Style) -> str:
    shown = names if style.max_names is None else names[:style.max_names]
    return style.separator.join(shown)


def _texts(view: _View) -> ManeuverTexts:
    raw = view.raw

    def has(key: str) -> bool:
        return bool(raw.get(key))

    alert = _DESTINATION_ALERTS.get(view.type) or _text(view, _ALERT)
    return ManeuverTexts(
        instruction=_tidy(_text(view, _INSTRUCTION)),
        verbal_alert=_tidy(alert) if has("verbal_transition_alert_instruction") else "",
        verbal_pre=_tidy(_text(view, _PRE)) if has("verbal_pre_transition_instruction") else "",
        verbal_post=_tidy(_post(view)) if has("verbal_post_transition_instruction") else "",
        verbal_succinct=_tidy(_text(view, _SUCCINCT)) if has("verbal_succinct_transition_instruction") else "")


def _post(view: _View) -> str:
    """After a maneuver: how far the road goes on, and under which name if it changes on the way."""
    length = metric_length(view.length_km)
    if view.continues_on:
        return f"沿 {_names(view.names, _PRE)} 继续行驶{length}"
    return f"沿当前道路继续行驶{length}"


def _text(view: _View, style: _Style) -> str:
    kind = view.type
    if kind in (START, START_RIGHT, START_LEFT, FERRY_EXIT):
        return _start(view, style)
    if kind in _DESTINATIONS:
        return _DESTINATIONS[kind]
    if kind in _TURNS:
        return _turn(view, style)
    if kind in (RAMP_STRAIGHT, RAMP_RIGHT, RAMP_LEFT):
        return _ramp(view, style)
    if kind in (EXIT_RIGHT, EXIT_LEFT):
        return _exit(view, style)
    if kind in _KEEPS:
        return _keep(view, style)
    if kind in _MERGES:
        onto = _names(view.begin_names or view.names, style)
        return _then_on(view, style, f"{_MERGES[kind]} {onto}" if onto else f"{_MERGES[kind]}主路")
    if kind == ROUNDABOUT_ENTER:
        return _roundabout(view, style)
    if kind == ROUNDABOUT_EXIT:
        onto = _names(view.begin_names or view.names, style)
        text = f"驶出环岛，进入 {onto}" if onto else "驶出环岛"
        return _toward(view, style, _then_on(view, style, text))
    if kind == FERRY_ENTER:
        ferry = _names(view.names, style)
        return f"乘坐 {ferry} 轮渡" if ferry else "乘坐轮渡"
    if kind in (BECOMES, CONTINUE):
        on = _names(view.names, style)
        if kind == BECOMES:
            return f"继续直行，进入 {on}" if on else "继续直行"
        return f"继续沿 {on} 行驶" if on else "继续直行"
    if kind in _PLAIN:
        return _PLAIN[kind]
    on = _names(view.names, style)
    return f"沿 {on} 行驶" if on else "继续行驶"


def _then_on(view: _View, style: _Style, text: str) -> str:
    """The screen's text goes on with the name the road has after the first stretch ("... Continue on X")."""
    if style.then_on and view.continues_on:
        return f"{text}，随后沿 {_names(view.names, style)} 继续行驶"
    return text


def _toward(view: _View, style: _Style, text: str) -> str:
    toward = _names(view.exit_towards, style)
    return f"{text}，朝 {toward} 方向行驶" if toward else text


def _start(view: _View, style: _Style) -> str:
    on = _names(view.begin_names or view.names, style)
    if view.type == FERRY_EXIT:
        text = f"驶离轮渡，向{view.cardinal}沿 {on} 行驶" if on else f"驶离轮渡，向{view.cardinal}行驶"
    else:
        text = f"向{view.cardinal}出发，沿 {on} 行驶" if on else f"向{view.cardinal}出发"
    return _then_on(view, style, text)


def _turn(view: _View, style: _Style) -> str:
    verb = _TURNS[view.type]
    cross = _names(view.uturn_at, style)
    if cross:
        verb = f"在 {cross} {verb}"
    uturn = view.type in (UTURN_LEFT, UTURN_RIGHT)
    # A U-turn names the road it comes back on, the other turns the first stretch of the road they lead onto.
    onto = _names(view.names if uturn else view.begin_names or view.names, style)
    if cross and style is _ALERT:
        onto = ""  # the alert says only where to turn, as Valhalla's does
    if onto and view.to_stay_on:
        text = f"{verb}，继续沿 {onto} 行驶"
    elif onto:
        text = f"{verb}进入 {onto}"
    else:
        text = verb
    return _then_on(view, style, text)


def _ramp(view: _View, style: _Style) -> str:
    if view.type == RAMP_STRAIGHT:
        text = "直行进入匝道"
    else:
        side = "右" if view.type == RAMP_RIGHT else "左"
        text = f"{side}转进入匝道" if view.turn_deg >= RAMP_TURN_DEG else f"靠{side}进入匝道"
    branch = _names(view.exit_branches or view.exit_names, style)
    if branch:
        text += f"，驶入 {branch}"
    return _toward(view, style, text)


def _exit(view: _View, style: _Style) -> str:
    side = "右侧" if view.type == EXIT_RIGHT else "左侧"
    number = _names(view.exit_numbers, style)
    name = _names(view.exit_names, style)
    if number:
        text = f"从{side}{number}号出口驶出"
    elif name:
        text = f"从{side} {name} 出口驶出"
    else:
        text = f"从{side}出口驶出"
    branch = _names(view.exit_branches, style)
    if branch:
        text += f"，驶入 {branch}"
    return _toward(view, style, text)


def _keep(view: _View, style: _Style) -> str:
    verb = _KEEPS[view.type]
    target = _names(view.exit_branches or view.names, style)
    number = _names(view.exit_numbers, style)
    if number:
        text = f"{verb}，走{number}号出口" + (f"，驶入 {target}" if target else "")
    elif target and view.to_stay_on:
        text = f"{verb}，继续沿 {target} 行驶"
    elif target:
        text = f"{verb}进入 {target}"
    else:
        text = f"在岔路口{verb}"
    return _toward(view, style, text)


def _roundabout(view: _View, style: _Style) -> str:
    name = _names(view.names, style)
    parts = [f"进入 {name} 环岛" if name else "进入环岛"]
    count = view.raw.get("roundabout_exit_count")
    onto = _names(view.exit_onto, style)
    if count in _EXIT_COUNTS:
        parts.append(f"从第{count}个出口驶出")
        if onto:
            parts.append(f"进入 {onto}")
    elif onto:
        parts.append(f"驶出后进入 {onto}")
    if style.then_on and view.exit_then:
        parts.append(f"随后沿 {_names(view.exit_then, style)} 继续行驶")
    return _toward(view, style, "，".join(parts))


def _tidy(text: str) -> str:
    """Spaces only between Chinese and a Latin street name, never between two Chinese characters."""
    return _SPACE_BETWEEN_CJK.sub("", re.sub(r" {2,}", " ", text).strip())
