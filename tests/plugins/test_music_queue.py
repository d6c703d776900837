"""The music app's play queue and entries on their own: shuffle, repeat, skipping and a damaged save."""

from __future__ import annotations

import random

import pytest

from tests.plugin_parts import plugin_part

def _load(name: str):
    return plugin_part("org.headunit.music/music", name, package="music_plugin_under_test")


entries = _load("entries")
queue_module = _load("queue")
Entry, PlayQueue = entries.Entry, queue_module.PlayQueue


def songs(n: int) -> list:
    return [Entry(entries.TRACK, f"/music/{i}.mp3", f"Song {i}", "Artist", "Album", 180.0) for i in range(n)]


def played(queue, steps: int, *, finished: bool = True) -> list[str]:
    titles = [queue.current.title]
    for _ in range(steps):
        if not queue.advance(finished=finished):
            break
        titles.append(queue.current.title)
    return titles


def test_in_order_the_queue_ends_after_the_last_song():
    queue = PlayQueue()
    queue.set(songs(3), start=1)
    assert played(queue, 5) == ["Song 1", "Song 2"]
    assert not queue.advance(finished=True)
    assert queue.current.title == "Song 2"  # stays on the last song


def test_repeat_all_starts_again_and_repeat_one_plays_the_song_again_until_skipped():
    queue = PlayQueue()
    queue.set(songs(3))
    queue.set_repeat("all")
    assert played(queue, 4) == ["Song 0", "Song 1", "Song 2", "Song 0", "Song 1"]
    queue.set_repeat("one")
    assert played(queue, 2) == ["Song 1", "Song 1", "Song 1"]
    assert queue.advance(finished=False) and queue.current.title == "Song 2"  # the driver skips


def test_shuffle_plays_every_song_once_starting_with_the_chosen_one_and_off_goes_on_from_there():
    queue = PlayQueue(random.Random(7))
    queue.set(songs(10), start=4, shuffle=True)
    order = played(queue, 20)
    assert order[0] == "Song 4" and sorted(order) == sorted(f"Song {i}" for i in range(10))
    assert order != [f"Song {i}" for i in range(4, 10)]
    queue.set(songs(10), start=2, shuffle=True)
    queue.advance(finished=True)
    now = queue.current.title
    queue.set_shuffle(False)
    assert queue.current.title == now
    number = int(now.split()[1])
    assert played(queue, 1)[1:] == ([f"Song {number + 1}"] if number < 9 else [])


def test_back_goes_to_the_song_before_and_wraps_only_with_repeat():
    queue = PlayQueue()
    queue.set(songs(3))
    assert not queue.back()
    queue.set_repeat("all")
    assert queue.back() and queue.current.title == "Song 2"


def test_the_saved_queue_comes_back_the_same_and_a_damaged_save_gives_an_empty_queue():
    queue = PlayQueue(random.Random(1))
    queue.set(songs(5), start=3, shuffle=True)
    queue.set_repeat("one")
    queue.advance(finished=False)
    again = PlayQueue()
    again.restore(queue.as_json())
    assert (again.current, again.shuffle, again.repeat, again.upcoming()) == \
        (queue.current, True, "one", queue.upcoming())
    broken = PlayQueue()
    broken.restore({"entries": [{"kind": "track"}], "order": "nonsense"})
    assert broken.current is None and len(broken) == 0


def test_append_starts_an_empty_queue_and_keeps_a_running_one():
    queue = PlayQueue()
    queue.append(songs(2))
    assert queue.current.title == "Song 0"
    queue.advance(finished=True)
    queue.append([Entry(entries.TRACK, "/music/x.mp3", "Extra")])
    assert played(queue, 3) == ["Song 1", "Extra"]


def test_repeat_refuses_an_unknown_mode():
    with pytest.raises(ValueError, match="'sometimes'"):
        PlayQueue().set_repeat("sometimes")


def test_favourite_keys_match_the_same_song_on_every_car_whatever_the_case():
    a = Entry(entries.TRACK, "/car1/a.mp3", "Crazy in Love", "Beyoncé", "Dangerously in Love")
    b = Entry(entries.TRACK, "/media/stick/b.flac", "crazy in love", "BEYONCÉ", "dangerously in love")
    assert a.favourite_key == b.favourite_key and a.favourite_key.startswith("music:track:")
    station = entries.from_station({"id": "demo-1", "name": "Demo", "url": "http://x/1"})
    assert station.favourite_key == "music:station:demo-1" and station.live
    assert entries.from_synced(station.synced()) == station
    assert entries.Entry.from_json(a.as_json()) == a


def test_a_saved_queue_with_a_frequency_outside_the_fm_band_restores_empty_not_raising():
    queue = PlayQueue()
    queue.restore({"entries": [{"kind": "fm", "uri": "nan", "title": "FM nan"}], "order": [0], "pos": 0})
    assert queue.current is None and len(queue) == 0
