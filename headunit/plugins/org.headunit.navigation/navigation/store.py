"""NavigationStore: the navigation app's state for its page and tile.

The page moves through browse (home, favourites, recents, the search) -> results (places found) -> preview
(up to three routes to one place) -> guiding (the next manoeuvre) -> arrived, and back. Guidance keeps running
while the driver looks for fuel along the route or leaves the app.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .destinations import Destination
from .drive import Drive
from .jobs import Jobs
from .listing import marker, place_name, row
from .progress import Progress
from .routes import ahead_of, distance_m, guidable, known, main_road
from .rows import Row, RowList
from .saved import Saved
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Navigation"
QML_IMPORT_MAJOR_VERSION = 1

#: Places asked for: six show while driving, the list scrolls when parked.
CATEGORY_LIMIT, TEXT_LIMIT = 12, 20
#: Routes offered besides the best one.
ALTERNATES = 2
#: Below this speed the car's heading says little about which way the route should start.
HEADING_MIN_KMH = 5.0
#: How long "You have arrived" stays before the app returns to browsing.
ARRIVED_MS = 10_000
#: Distances to saved places are measured again once the car has moved this far, at most once a second.
MOVED_M, MOVED_CHECK_MS = 20.0, 1000


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class NavigationStore(QObject):
    stateChanged = Signal()
    searchChanged = Signal()
    previewChanged = Signal()
    mapChanged = Signal()
    promptsChanged = Signal()
    unitsChanged = Signal()
    rerouted = Signal()
    #: Show these points ([[lat, lon], …]) on the map.
    frameRequested = Signal(list)
    #: The tile asked for a preview: bring the app to the screen.
    openRequested = Signal()

    def __init__(self, ctx, jobs: Jobs, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs = ctx, jobs
        self._vehicle = ctx.vehicle
        self._texts = Texts(ctx)
        self._language = ""
        self._state, self._return_state = "browse", "browse"

        self._category, self._along = "", False
        self._title: Callable[[], str] = lambda: ""
        self._found: list = []  # Places, or Destinations while browsing
        self._search_request = 0
        self._busy = False
        self._message: Callable[[], str] = lambda: ""
        self._results = RowList(self)

        self._target: Destination | None = None
        self._routes: list = []
        self._chosen = 0
        self._preview_request = 0
        self._preview_busy = False
        self._preview_error = ""
        self._start_when_found = False
        self._route_rows = RowList(self)

        self._drive: Drive | None = None
        self._drawn_route = None
        self._prompts: list[str] = []
        self._last_reroute_s = math.nan
        self._progress = Progress(self._texts, self)
        self._arrived_timer = QTimer(self, singleShot=True, interval=ARRIVED_MS)
        self._arrived_timer.timeout.connect(self.finish)

        self._saved = Saved(jobs, self._texts, self._vehicle, ctx.log, self)
        self._saved.changed.connect(self._saved_changed)
        self._saved.previewRequested.connect(self._preview_from_tile)

        # The distances to places follow the car: the list and the home tile measure from where it is now.
        self._measured_at = self._here()
        self._moved_timer = QTimer(self, singleShot=True, interval=MOVED_CHECK_MS)
        self._moved_timer.timeout.connect(self._car_moved)
        for signal in (self._vehicle.latitudeChanged, self._vehicle.longitudeChanged):
            signal.connect(self._schedule_measure)

        self._restrictions = ctx.restrictions
        self._restrictions.changed.connect(self.mapChanged)
        jobs.placesFound.connect(self._places_found)
        jobs.routesFound.connect(self._routes_found)
        self._show_destinations()

    def _schedule_measure(self) -> None:
        if not self._moved_timer.isActive():
            self._moved_timer.start()

    def _car_moved(self) -> None:
        here = self._here()
        if not known(here):
            return
        if known(self._measured_at) and distance_m(here, self._measured_at) < MOVED_M:
            return
        self._measured_at = here
        self._saved.rewrite()
        if self._found and not self._category and not self._search_request:  # the saved places listed
            self._render_results()

    def shutdown(self) -> None:
        self._moved_timer.stop()
        self._saved.stop()
        self._arrived_timer.stop()
        self._end_drive()

    def _here(self) -> tuple[float, float]:
        return self._vehicle.latitude, self._vehicle.longitude

    def _heading(self) -> float | None:
        heading = self._vehicle.heading
        return heading if self._vehicle.speed >= HEADING_MIN_KMH and not math.isnan(heading) else None

    # The driver's units and language, which the views pass in

    @Property(str, notify=unitsChanged, final=True)
    def distanceUnit(self) -> str:
        return "mi" if self._texts.miles else "km"

    @distanceUnit.setter
    def distanceUnit(self, unit: str) -> None:
        if (unit == "mi") != self._texts.miles:
            self._texts.miles = unit == "mi"
            self._rewrite()

    @Property(str, notify=unitsChanged, final=True)
    def language(self) -> str:
        return self._language

    @language.setter
    def language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._texts.language = language
            self._rewrite()

    def _rewrite(self) -> None:
        self.unitsChanged.emit()
        self._render_results()
        self._render_routes()
        self._saved.rewrite()
        self._progress.changed.emit()
        self.searchChanged.emit()
        self.previewChanged.emit()

    # What the page shows

    @Property(str, notify=stateChanged, final=True)
    def state(self) -> str:
        """browse, results, preview, guiding or arrived."""
        return self._state

    @Property(bool, notify=stateChanged, final=True)
    def guiding(self) -> bool:
        """A drive is being guided, whatever the page shows meanwhile."""
        return self._drive is not None and self._drive.running

    def _set_state(self, state: str) -> None:
        self._state = state
        self._saved.paused = self.guiding
        self.stateChanged.emit()
        self.previewChanged.emit()
        self.mapChanged.emit()

    @Slot(result=bool)
    def back(self) -> bool:
        """One step back inside the app; False when there is none (the shell then goes home)."""
        match self._state:
            case "preview":
                self._target, self._routes, self._preview_request = None, [], 0
                self._render_routes()
                back_to = self._return_state
                if back_to == "browse" or (back_to == "guiding" and not self.guiding):
                    back_to = "guiding" if self.guiding else "browse"
                    self._show_destinations()
                self._set_state(back_to)
            case "results":
                self._show_destinations()
                self._set_state("guiding" if self.guiding else "browse")
            case "browse" if self.guiding:
                self._set_state("guiding")
            case "arrived":
                self.finish()
            case _:
                return False
        return True

    # Searching

    @Property(QObject, constant=True, final=True)
    def results(self) -> RowList:
        """Places found, or home, favourites and recents before any search."""
        return self._results

    @Property(str, notify=searchChanged, final=True)
    def category(self) -> str:
        return self._category

    @Property(str, notify=searchChanged, final=True)
    def resultsTitle(self) -> str:
        return self._title()

    @Property(bool, notify=searchChanged, final=True)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=searchChanged, final=True)
    def message(self) -> str:
        """Why the list is empty, or what went wrong."""
        return self._message()

    @Slot(str)
    def showCategory(self, category: str) -> None:
        """Places of `category` nearest to the car, or along the route ahead while guiding; "" to go back."""
        if not category:
            if self._state == "results":
                self.back()
            return
        along = self.guiding
        self._category, self._along = category, along
        self._title = lambda: self._texts.results_title(category, along)
        here = self._here()
        if not known(here):
            self._search_failed(self._texts.position_unknown)
        elif along:
            self._searching(self._jobs.along(category, ahead_of(self._drive.route.shape, here), CATEGORY_LIMIT))
        else:
            self._searching(self._jobs.nearest(category, here, CATEGORY_LIMIT))

    @Slot(str)
    def search(self, text: str) -> None:
        """Places, streets and addresses whose name starts with `text` (typed when parked)."""
        text = text.strip()
        if not text:
            if self._state == "results" and not self._category:
                self.back()
            return
        self._category, self._along = "", False
        self._title = lambda: self._texts.text_results_title(text)
        here = self._here()
        if not known(here):
            self._search_failed(self._texts.position_unknown)
        else:
            self._searching(self._jobs.search(text, here, TEXT_LIMIT))

    def _searching(self, request: int) -> None:
        self._search_request, self._busy, self._message = request, True, lambda: ""
        self._set_state("results")
        self.searchChanged.emit()

    def _search_failed(self, message: Callable[[], str]) -> None:
        self._search_request = 0
        self._show([], message)
        self._set_state("results")

    @Slot(int, list, str)
    def _places_found(self, request: int, places: list, error: str) -> None:
        if request != self._search_request:
            return
        self._show(places, (lambda: self._texts.problem(error)) if error
                   else (lambda: "") if places else self._texts.nothing_found)
        here = self._here()
        if places:
            self.frameRequested.emit([[p.lat, p.lon] for p in self._shown()] + ([list(here)] if known(here) else []))

    def _show_destinations(self) -> None:
        self._search_request, self._category, self._along = 0, "", False
        found = self._saved.ordered()
        self._show(found, (lambda: "") if found else self._texts.no_destinations)

    def _show(self, found: list, message: Callable[[], str]) -> None:
        self._found, self._busy, self._message = found, False, message
        self._render_results()
        self.searchChanged.emit()
        self.mapChanged.emit()

    def _saved_changed(self) -> None:
        if self._state == "browse" or (self._state == "guiding" and not self._category):
            self._show_destinations()

    def _render_results(self) -> None:
        here = self._here()
        self._results.set_rows([row(item, here, self._texts, crow_flies=self._along) for item in self._found])

    def _shown(self) -> list:
        """The places the list shows: while the car moves, only as many as the driver may be shown (the list
        template, ItemList, cuts its rows to the same limit)."""
        limit = self._restrictions.maxItemsPerScreen
        return self._found[:limit] if limit > 0 else self._found

    @Slot(int)
    def chooseResult(self, index: int) -> None:
        """Preview the routes to the place in row `index` of the list (or the marker with that index); a row
        hidden while the car moves cannot be chosen."""
        if self._state not in ("browse", "results") or not 0 <= index < len(self._shown()):
            return
        item = self._found[index]
        if not isinstance(item, Destination):
            item = Destination(place_name(item, self._texts), item.lat, item.lon)
        self._preview(item)

    # The map

    @Property(list, notify=mapChanged, final=True)
    def markers(self) -> list:
        """[{lat, lon, icon, label}]: the places listed, or the destination."""
        if self._state in ("browse", "results"):
            return [marker(item, self._texts) for item in self._shown()]
        target = self._target if self._state == "preview" else self._drive.destination if self._drive else None
        if target is None:
            return []
        return [{"lat": target.lat, "lon": target.lon, "label": target.name, "icon": "mdi6.flag-checkered"}]

    @Property(list, notify=mapChanged, final=True)
    def routeShape(self) -> list:
        """The route drawn, [[lat, lon], …]: the chosen one in preview, the one followed while guiding."""
        if self._state == "preview":
            return [list(p) for p in self._routes[self._chosen].shape] if self._routes else []
        return [list(p) for p in self._drive.route.shape] if self._drive is not None else []

    @Property(list, notify=mapChanged, final=True)
    def alternativeShapes(self) -> list:
        if self._state != "preview":
            return []
        return [[list(p) for p in route.shape] for i, route in enumerate(self._routes) if i != self._chosen]

    # Preview

    @Slot(str, float, float)
    def previewTo(self, name: str, lat: float, lon: float) -> None:
        """The routes from the car to (lat, lon): a place another app sent (the navigate-to intent)."""
        self._preview(Destination(name.strip() or self._texts.unnamed(), lat, lon))

    @Slot(str, float, float)
    def guideTo(self, name: str, lat: float, lon: float) -> None:
        """Guide the car to (lat, lon) on the best route as soon as it is found."""
        self.previewTo(name, lat, lon)
        self._start_when_found = True

    def _preview_from_tile(self, target: Destination) -> None:
        self._preview(target)
        self.openRequested.emit()

    def _preview(self, target: Destination) -> None:
        self._start_when_found = False
        if self._state != "preview":
            self._return_state = self._state
        self._target, self._routes, self._chosen, self._preview_error = target, [], 0, ""
        self._render_routes()
        here = self._here()
        if known(here):
            self._preview_request = self._jobs.route(here, (target.lat, target.lon), ALTERNATES, self._heading())
            self._preview_busy = True
        else:
            self._preview_request, self._preview_busy = 0, False
            self._preview_error = "position_unknown"
        self._set_state("preview")

    @Slot(int, list, str)
    def _routes_found(self, request: int, routes: list, error: str) -> None:
        if request != self._preview_request:
            return
        self._routes, self._chosen = [r for r in routes if guidable(r)], 0
        self._preview_busy, self._preview_error = False, error or ("" if self._routes else "no_route")
        self._render_routes()
        self.previewChanged.emit()
        self.mapChanged.emit()
        if self._start_when_found and self.canStart:
            self._start_when_found = False
            self.start()
        elif routes:
            self.frameRequested.emit([list(p) for route in routes for p in route.shape])

    @Property(QObject, constant=True, final=True)
    def routes(self) -> RowList:
        """The routes offered, the best first: duration, the road it mostly takes, distance."""
        return self._route_rows

    def _render_routes(self) -> None:
        self._route_rows.set_rows([
            Row(self._texts.duration(route.duration_s), self._texts.via(main_road(route)),
                "mdi6.check-circle" if i == self._chosen else "mdi6.map-marker-path",
                self._texts.distance(route.distance_m))
            for i, route in enumerate(self._routes)])

    @Property(int, notify=previewChanged, final=True)
    def chosenRoute(self) -> int:
        return self._chosen

    @Slot(int)
    def chooseRoute(self, index: int) -> None:
        if 0 <= index < len(self._routes) and index != self._chosen:
            self._chosen = index
            self._render_routes()
            self.previewChanged.emit()
            self.mapChanged.emit()

    @Slot(int)
    def chooseAlternative(self, index: int) -> None:
        """`index` among the alternatives the map draws (every route but the chosen one)."""
        others = [i for i in range(len(self._routes)) if i != self._chosen]
        if 0 <= index < len(others):
            self.chooseRoute(others[index])

    @Property(str, notify=previewChanged, final=True)
    def destinationName(self) -> str:
        target = self._target if self._state == "preview" else self._drive.destination if self._drive else None
        return target.name if target else ""

    @Property(bool, notify=previewChanged, final=True)
    def previewBusy(self) -> bool:
        return self._preview_busy

    @Property(str, notify=previewChanged, final=True)
    def previewError(self) -> str:
        """Why there is no route, in the driver's language."""
        return self._texts.problem(self._preview_error) if self._preview_error else ""

    @Property(str, notify=previewChanged, final=True)
    def previewErrorTitle(self) -> str:
        return self._texts.no_route(self._target.name) if self._preview_error and self._target else ""

    @Property(bool, notify=previewChanged, final=True)
    def canStart(self) -> bool:
        return self._state == "preview" and bool(self._routes)

    @Slot()
    def setHome(self) -> None:
        """Make the place being previewed home."""
        if self._target is not None:
            self._saved.keep(self._target, "home")

    @Slot()
    def saveFavourite(self) -> None:
        """Keep the place being previewed among the favourites."""
        if self._target is not None:
            self._saved.keep(self._target, "favourite")

    @Property(Saved, constant=True, final=True)
    def saved(self) -> Saved:
        """Home, favourites and recents; the drive home."""
        return self._saved

    # Guiding

    @Slot()
    def start(self) -> None:
        """Guide the car along the chosen route."""
        if not self.canStart:
            return
        self._end_drive()
        target, route = self._target, self._routes[self._chosen]
        self._drive = Drive(target, route, vehicle=self._vehicle, navigation=self._ctx.navigation,
                            audio=self._ctx.audio, jobs=self._jobs, rerouting_text=self._texts.rerouting, parent=self)
        self._drive.changed.connect(self._drive_changed)
        self._drive.spoke.connect(self._spoke)
        self._drive.arrived.connect(self._arrived)
        self._saved.visit(target)
        self._target, self._routes = None, []
        self._render_routes()
        self._progress.follow(self._drive)
        self._drive.start()
        self._show_destinations()
        self._set_state("guiding")

    @Slot()
    def lookAlong(self) -> None:
        """While guiding: the categories to look for along the route (the drive goes on meanwhile)."""
        if self.guiding:
            self._show_destinations()
            self._set_state("browse")

    @Slot()
    def showGuidance(self) -> None:
        """Back to the next manoeuvre from looking for a place on the way."""
        if self.guiding:
            self._show_destinations()
            self._set_state("guiding")

    @Slot()
    def stop(self) -> None:
        """End guidance (the page's End, held)."""
        self._end_drive()
        self._show_destinations()
        self._set_state("browse")
        self._saved.refreshHomeEta()

    @Slot()
    def finish(self) -> None:
        """Done, after arriving: the shell forgets the drive, and the page goes back to browsing if it still
        shows the arrival (the driver may have moved on to another destination meanwhile)."""
        self._arrived_timer.stop()
        if self._drive is not None and not self._drive.running:
            self._end_drive()
        if self._state == "arrived":
            self.stop()

    def _end_drive(self) -> None:
        if self._drive is not None:
            self._drive.stop()
            self._drive.deleteLater()
            self._drive = self._drawn_route = None
            self._progress.follow(None)

    def _drive_changed(self) -> None:
        self._progress.changed.emit()
        if self._drive is not None and self._drive.route is not self._drawn_route:
            self._drawn_route = self._drive.route  # a reroute: draw the new route
            self.mapChanged.emit()
            if not math.isnan(self._drive.last_reroute_s):
                self._last_reroute_s = self._drive.last_reroute_s
                self.rerouted.emit()

    def _spoke(self, text: str) -> None:
        self._prompts.append(text)
        self.promptsChanged.emit()

    def _arrived(self) -> None:
        self._set_state("arrived")
        self._arrived_timer.start()

    @Property(Progress, constant=True, final=True)
    def progress(self) -> Progress:
        """The next manoeuvre, what is left and when the car arrives."""
        return self._progress

    @Property(list, notify=promptsChanged, final=True)
    def prompts(self) -> list:
        """Every prompt handed to the voice since the app started, oldest first."""
        return list(self._prompts)

    @Property(float, notify=rerouted, final=True)
    def lastRerouteSeconds(self) -> float:
        """From leaving the route to the new route on screen, for the last reroute; NaN before any."""
        return self._last_reroute_s
