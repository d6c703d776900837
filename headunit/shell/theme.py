"""Theme tokens: the day and night palettes, dp scaling and the type and spacing scales.

QML writes `Theme.text`, `Theme.spacingM`, `Theme.dp(12)`; nothing in QML names a colour or a pixel size.
1 dp = screen DPI / 160 px, so 76 dp is about 12 mm on every screen.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QEasingCurve, QObject, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

# Contrast-checked with the WCAG formula (tests/theme/test_contrast.py): every text token and accent at
# least 4.5:1 on background, surface and surfaceRaised, onAccent on accent too; outline 3:1.
PALETTES: dict[str, dict[str, str]] = {
    "day": {
        "background": "#F2F4F7", "surface": "#FFFFFF", "surfaceRaised": "#E4E8EE",
        "text": "#0E1216", "textMuted": "#4A5560",
        "accent": "#0A5FC2", "onAccent": "#FFFFFF",
        "danger": "#B3261E", "success": "#17753A", "warning": "#8A5300", "outline": "#7A8591",
        "scrim": "#99000000", "backlight": "#000000",
    },
    "night": {
        "background": "#0A0D10", "surface": "#151A20", "surfaceRaised": "#1F262E",
        "text": "#E9EEF3", "textMuted": "#A7B2BD",
        "accent": "#5EA8FF", "onAccent": "#0A0D10",
        "danger": "#FF8A80", "success": "#6DD58C", "warning": "#F2C14E", "outline": "#6B7682",
        "scrim": "#B3000000", "backlight": "#000000",
    },
}

# Sizes in dp.
METRICS = {
    # The status bar is a touch target high, since every control in it is one.
    "touchTarget": 76, "statusBarHeight": 76, "dockWidth": 96, "tileRadius": 16, "lineWidth": 2,
    "spacingS": 8, "spacingM": 16, "spacingL": 24, "spacingXL": 32,
    "fontDisplay": 48, "fontPrimary": 32, "fontSecondary": 24, "fontSmall": 20,
    "iconSize": 40,
}

#: Emulator presets: size in px and diagonal in inches, the panels HeadUnit targets.
SCREEN_PRESETS = {
    (800, 480): 7.0,  # the official Raspberry Pi touchscreen
    (1024, 600): 7.0,
    (1280, 720): 10.1,
    (1920, 720): 12.3,  # a wide bar display
}


#: The day/night switch cross-fades every colour token over this long, easing out.
SWITCH_MS = 250


def _palette(night: bool) -> dict[str, QColor]:
    return {k: QColor(v) for k, v in PALETTES["night" if night else "day"].items()}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` blended towards `b` by `t` (0..1), channel by channel as a cross-fade of two frames blends."""
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in zip(a.getRgbF(), b.getRgbF())))


def dpi_for(width: int, height: int, diagonal_inches: float) -> float:
    return (width**2 + height**2) ** 0.5 / diagonal_inches


@QmlElement
@QmlSingleton
class Theme(QObject):
    create = singleton_of("theme")

    paletteChanged = Signal()
    metricsChanged = Signal()
    nightChanged = Signal()

    def __init__(self, dpi: float = 160.0, night: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._scale = dpi / 160.0
        self._night = night
        self._colors = _palette(night)
        # The cross-fade: every token moves from where it is to the new palette; QML bindings follow.
        self._fade_from: dict[str, QColor] = {}
        self._fade = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=SWITCH_MS,
                                       easingCurve=QEasingCurve(QEasingCurve.Type.OutCubic))
        self._fade.valueChanged.connect(self._fade_step)

    def _get_night(self) -> bool:
        return self._night

    def set_night(self, night: bool, animate: bool = False) -> None:
        """Switch palettes: at once, or with `animate` cross-fading every colour over SWITCH_MS."""
        if night == self._night:
            return
        self._night = night
        self._fade.stop()
        if animate and SWITCH_MS > 0:
            self._fade_from = dict(self._colors)  # mid-fade, the fade back starts from where it is
            self._fade.start()
        else:
            self._colors = _palette(night)
            self.paletteChanged.emit()
        self.nightChanged.emit()

    def _fade_step(self, t: float) -> None:
        target = _palette(self._night)
        self._colors = {k: _mix(self._fade_from[k], c, float(t)) for k, c in target.items()} if t < 1 else target
        self.paletteChanged.emit()

    @Property(int, constant=True, final=True)
    def switchDuration(self) -> int:
        """Milliseconds the day/night cross-fade takes, for QML that fades with it (the dimming layer)."""
        return SWITCH_MS

    night = Property(bool, _get_night, notify=nightChanged, final=True)

    @Property(float, notify=metricsChanged, final=True)
    def dpScale(self) -> float:
        return self._scale

    def set_dpi(self, dpi: float) -> None:
        scale = dpi / 160.0
        if abs(scale - self._scale) > 1e-6:
            self._scale = scale
            self.metricsChanged.emit()

    @Slot(float, result=float)
    def dp(self, value: float) -> float:
        """`value` dp in pixels, rounded to whole pixels so lines stay crisp."""
        return round(value * self._scale)

    # One property per token, typed and notifying: colours (PALETTES) first, then sizes (METRICS).

    @Property(QColor, notify=paletteChanged, final=True)
    def background(self) -> QColor:
        return self._colors["background"]

    @Property(QColor, notify=paletteChanged, final=True)
    def surface(self) -> QColor:
        return self._colors["surface"]

    @Property(QColor, notify=paletteChanged, final=True)
    def surfaceRaised(self) -> QColor:
        return self._colors["surfaceRaised"]

    @Property(QColor, notify=paletteChanged, final=True)
    def text(self) -> QColor:
        return self._colors["text"]

    @Property(QColor, notify=paletteChanged, final=True)
    def textMuted(self) -> QColor:
        return self._colors["textMuted"]

    @Property(QColor, notify=paletteChanged, final=True)
    def accent(self) -> QColor:
        return self._colors["accent"]

    @Property(QColor, notify=paletteChanged, final=True)
    def onAccent(self) -> QColor:
        return self._colors["onAccent"]

    @Property(QColor, notify=paletteChanged, final=True)
    def danger(self) -> QColor:
        return self._colors["danger"]

    @Property(QColor, notify=paletteChanged, final=True)
    def success(self) -> QColor:
        return self._colors["success"]

    @Property(QColor, notify=paletteChanged, final=True)
    def warning(self) -> QColor:
        return self._colors["warning"]

    @Property(QColor, notify=paletteChanged, final=True)
    def outline(self) -> QColor:
        return self._colors["outline"]

    @Property(QColor, notify=paletteChanged, final=True)
    def scrim(self) -> QColor:
        return self._colors["scrim"]

    @Property(QColor, notify=paletteChanged, final=True)
    def backlight(self) -> QColor:
        return self._colors["backlight"]

    @Property(float, notify=metricsChanged, final=True)
    def touchTarget(self) -> float:
        return round(METRICS["touchTarget"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def statusBarHeight(self) -> float:
        return round(METRICS["statusBarHeight"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def dockWidth(self) -> float:
        return round(METRICS["dockWidth"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def tileRadius(self) -> float:
        return round(METRICS["tileRadius"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def lineWidth(self) -> float:
        return round(METRICS["lineWidth"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def spacingS(self) -> float:
        return round(METRICS["spacingS"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def spacingM(self) -> float:
        return round(METRICS["spacingM"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def spacingL(self) -> float:
        return round(METRICS["spacingL"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def spacingXL(self) -> float:
        return round(METRICS["spacingXL"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def fontDisplay(self) -> float:
        return round(METRICS["fontDisplay"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def fontPrimary(self) -> float:
        return round(METRICS["fontPrimary"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def fontSecondary(self) -> float:
        return round(METRICS["fontSecondary"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def fontSmall(self) -> float:
        return round(METRICS["fontSmall"] * self._scale)

    @Property(float, notify=metricsChanged, final=True)
    def iconSize(self) -> float:
        return round(METRICS["iconSize"] * self._scale)
