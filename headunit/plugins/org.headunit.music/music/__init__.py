"""Music: the songs on the car and on USB sticks, internet radio and FM, through the shell's audio focus.

The shell scans the library (`ctx.media`); this app browses and plays it. It starts among the first plugins and
goes on with what played at switch-off, from where it was, without waiting for a scan. Playlists and favourites
sync with the driver's account (`ctx.cloud`); other apps send `play-media {uri}`.
"""

from __future__ import annotations

from headunit.sdk import Plugin, PluginContext

from .jobs import Jobs
from .store import MusicStore


class MusicApp(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self._ctx = ctx
        self.jobs = Jobs(ctx)
        self.store = MusicStore(ctx, self.jobs)
        self.jobs.setParent(self.store)
        ctx.expose("music", self.store)
        ctx.handle_intent("play-media", self._play_media)

    def _play_media(self, params: dict) -> bool:
        """Play what another app sent: a file, a stream URL, "fm:98.5" or "music:station:<id>"."""
        return self.store.play_uri(params["uri"])

    def stop(self) -> None:
        self.store.shutdown()
