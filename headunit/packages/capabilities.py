"""Capabilities in the driver's words, for the consent question: the shell's sheet, the app mall's pages and
`headunit plugins install` ask it the same way (docs/security.md says exactly what each opens). No Qt here: the
command line reads it too."""

from __future__ import annotations

from typing import Any

#: What each capability lets an app do, in the driver's words: (short name, one sentence), per language.
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "network": {
        "en": ("Internet", "Send and receive data over the internet"),
        "de": ("Internet", "Daten über das Internet senden und empfangen"),
        "zh_CN": ("互联网", "通过互联网收发数据"),
    },
    "location": {
        "en": ("Location", "See where the car is and where it is heading"),
        "de": ("Standort", "Sehen, wo das Auto ist und wohin es fährt"),
        "zh_CN": ("位置", "查看车辆的位置和行驶方向"),
    },
    "payments": {
        "en": ("Payments", "Ask you to pay; you confirm every payment"),
        "de": ("Zahlungen", "Sie um Zahlungen bitten; jede bestätigen Sie selbst"),
        "zh_CN": ("支付", "请求您付款；每笔付款都需您确认"),
    },
    "storage": {
        "en": ("Storage", "Keep its own files on the head unit"),
        "de": ("Speicher", "Eigene Dateien auf dem Gerät ablegen"),
        "zh_CN": ("存储", "在车机上保存自己的文件"),
    },
    "vehicle-data": {
        "en": ("Vehicle data", "Read speed, gear, lights and the car's details"),
        "de": ("Fahrzeugdaten", "Geschwindigkeit, Gang, Licht und Fahrzeugangaben lesen"),
        "zh_CN": ("车辆数据", "读取车速、挡位、灯光和车辆信息"),
    },
    "notifications": {
        "en": ("Notifications", "Show notifications"),
        "de": ("Mitteilungen", "Mitteilungen anzeigen"),
        "zh_CN": ("通知", "显示通知"),
    },
    "audio": {
        "en": ("Audio", "Play sound and speak, turning the music down"),
        "de": ("Audio", "Ton abspielen und sprechen, die Musik wird leiser"),
        "zh_CN": ("音频", "播放声音和语音，并调低音乐音量"),
    },
    "media-library": {
        "en": ("Music library", "Read the music on the head unit and use the radio"),
        "de": ("Musikbibliothek", "Die Musik auf dem Gerät lesen und das Radio nutzen"),
        "zh_CN": ("音乐库", "读取车机上的音乐并使用收音机"),
    },
    "install": {
        "en": ("Installing apps", "Ask to install, update and remove apps; you consent each time"),
        "de": ("Apps installieren", "Um Installation, Aktualisierung und Entfernen von Apps bitten; Sie stimmen jedes Mal zu"),
        "zh_CN": ("安装应用", "请求安装、更新和删除应用；每次都需您同意"),
    },
}
ICONS = {
    "network": "mdi6.web", "location": "mdi6.map-marker-outline", "payments": "mdi6.credit-card-outline",
    "storage": "mdi6.database-outline", "vehicle-data": "mdi6.car-info", "notifications": "mdi6.bell-outline",
    "audio": "mdi6.volume-high", "media-library": "mdi6.music-box-multiple-outline", "install": "mdi6.package-down",
}


def words(capability: str, language: str = "en", *, added: bool = False) -> dict[str, Any]:
    """One capability as the consent sheet and the app pages show it: {capability, title, detail, icon, added}."""
    known = WORDS.get(capability)
    if known is None:  # an unknown capability is shown by its name, never hidden
        title, detail = capability, capability
    else:
        title, detail = known.get(language) or known.get(language.split("_")[0]) or known["en"]
    return {"capability": capability, "title": title, "detail": detail, "added": added,
            "icon": ICONS.get(capability, "mdi6.shield-alert-outline")}


def describe(capability: str, language: str = "en") -> str:
    """One line for a terminal: "Location: see where the car is and where it is heading"."""
    said = words(capability, language)
    return f"{said['title']}: {said['detail'][:1].lower()}{said['detail'][1:]}"
