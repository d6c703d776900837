"""The music library: scan rate, search latency over 20,000 tracks, and the memory a big library costs.

Each figure has a floor measured in the same run:
- scan: `mutagen.File` alone over the same files (the reading every scan of new files has to do); HeadUnit
  also stats and lists the folders, normalises the tags, caches the covers and writes the index. The files
  are real (a few short tones encoded with FFmpeg, copied and retagged with mutagen, a cover per album);
  runs alternate floor and HeadUnit, each HeadUnit run into a fresh index. A rescan of the unchanged
  library is shown too (it reads no file);
- search p50: a bare FTS5 MATCH of the same query text on the same index, ids only; HeadUnit also keeps
  to the tracks that show (present roots) and builds Tracks, artists and albums. The 20,000 tracks are
  written straight into the index (names in English, German, French and Chinese), since the search does
  not read files;
- memory: resident memory (RSS) a child process gains by opening that index and browsing it as the app
  does (counts, artists, albums, a few albums' tracks, folders, genres, every track once, searches);
  no floor: the target is absolute, what a head unit with 1-2 GB can give a big library.

    python -m benchmarks.music [--files N] [--tracks N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import ROOT

#: Targets.
SCAN_FILES_PER_S = 500.0
SEARCH_P50_MS = 10.0
MEMORY_MB = 30.0

SCAN_FILES = 2000
SCAN_RUNS = 3
SEARCH_TRACKS = 20_000
SEARCH_QUERIES = 400

_SYLLABLES = ("ka", "lo", "mi", "ra", "ne", "so", "ta", "vi", "du", "re", "an", "el", "or", "ui", "sch", "ber",
              "gé", "lè", "ön", "ça", "mü", "ño")
_HANZI = "周杰伦七里香我的地盘晴天稻香青花瓷夜曲告白气球简单爱星空海阔天空光年之外"


def _name(rng: random.Random, words: int) -> str:
    if rng.random() < 0.15:
        return "".join(rng.sample(_HANZI, rng.randint(2, 4)))
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


def _catalogue(count: int, seed: int) -> list[dict]:
    """Tags for `count` tracks: albums of 10 by artists of 3 albums each."""
    rng = random.Random(seed)
    tracks = []
    while len(tracks) < count:
        artist = _name(rng, rng.randint(1, 2))
        for _ in range(3):
            album, year, genre = _name(rng, rng.randint(1, 3)), rng.randint(1960, 2024), rng.choice(
                ("Rock", "Pop", "Jazz", "Klassik", "Mandopop", "Chanson", "Electronic"))
            for number in range(1, 11):
                tracks.append({"title": _name(rng, rng.randint(1, 4)), "artist": artist, "album": album,
                               "album_artist": artist, "genre": genre, "track_no": number, "year": year})
    return tracks[:count]


def _make_files(folder: Path, count: int, progress) -> list[Path]:
    """`count` real, tagged music files in artist/album folders: templates of each format copied and retagged,
    each album's cover embedded or beside it."""
    from tests.music_files import cover_image, encode_tone, write_tags

    templates = {ext: encode_tone(folder / f"template.{ext}", seconds=1.0)
                 for ext in ("mp3", "flac", "ogg", "opus", "m4a", "wav")}
    formats = list(templates)
    files = []
    covers: dict[str, bytes] = {}
    for i, tags in enumerate(_catalogue(count, seed=11)):
        album = folder / "music" / tags["artist"] / tags["album"]
        album.mkdir(parents=True, exist_ok=True)
        extension = formats[i % len(formats)]
        path = album / f"{tags['track_no']:02d} {tags['title']}.{extension}"
        shutil.copyfile(templates[extension], path)
        cover = covers.setdefault(tags["album"], cover_image("png", (i % 256, 80, 160), size=32))
        embedded = i % 20 < 10  # half the albums embed their cover, half have cover.png beside them
        write_tags(path, tags, picture=cover if embedded else None)
        if not embedded and not (album / "cover.png").exists():
            (album / "cover.png").write_bytes(cover)
        files.append(path)
        if i % 500 == 499:
            progress(f"  {i + 1}/{count} files")
    for template in templates.values():
        template.unlink()
    return files


def _measure_scan(folder: Path, files: list[Path], runs: int, progress) -> dict:
    import mutagen

    from headunit.media.library import Library
    from headunit.media.scanner import scan

    for path in files:
        path.read_bytes()  # both sides start with the files in the page cache
    floor, ours, rescans = [], [], []
    for run in range(runs):
        progress(f"scan {run + 1}/{runs}: mutagen.File alone, then HeadUnit's scan into a fresh index")
        started = time.perf_counter()
        for path in files:
            mutagen.File(path)
        floor.append(time.perf_counter() - started)
        index = folder / f"index-{run}"
        library = Library(index / "library.db", index / "covers")
        started = time.perf_counter()
        report = scan(library, [(folder / "music", "music")])
        ours.append(time.perf_counter() - started)
        assert report.indexed == len(files), report.as_json()
        started = time.perf_counter()
        again = scan(library, [(folder / "music", "music")])
        rescans.append(time.perf_counter() - started)
        assert again.unchanged == len(files)
        library.close()
        shutil.rmtree(index)
    rate, floor_rate = len(files) / statistics.median(ours), len(files) / statistics.median(floor)
    return {"files": len(files), "files_per_s": rate, "floor_files_per_s": floor_rate, "ratio": floor_rate / rate,
            "seconds": statistics.median(ours), "floor_seconds": statistics.median(floor),
            "rescan_seconds": statistics.median(rescans), "runs": runs, "target_files_per_s": SCAN_FILES_PER_S}


def _fill_index(db_path: Path, count: int) -> list[str]:
    """An index of `count` tracks under one present root, written as the scanner writes; returns queries."""
    from headunit.media.library import Library, TrackInfo

    library = Library(db_path, db_path.parent / "covers")
    root = "/music"
    library.set_roots({root: "music"}, [])
    root_id = library.root_id(root)
    catalogue = _catalogue(count, seed=13)
    with library.transaction():
        for i, tags in enumerate(catalogue):
            path = f"{root}/{tags['artist']}/{tags['album']}/{tags['track_no']:02d} {i}.flac"
            library.put_track(root_id, path, 1000 + i, i, TrackInfo(
                title=tags["title"], artist=tags["artist"], album=tags["album"], album_artist=tags["artist"],
                genre=tags["genre"], track_no=tags["track_no"], year=tags["year"], duration=200.0, format="flac"))
    library.rebuild_groups()
    library.close()
    rng = random.Random(17)
    queries = []
    for i in range(SEARCH_QUERIES):
        tags = rng.choice(catalogue)
        field = tags[("title", "artist", "album")[i % 3]]
        if field[0] in _HANZI:
            queries.append(field[:rng.randint(1, 2)])  # one or two characters, as Chinese is typed
        else:
            words = field.split()
            typed = " ".join(words[:rng.randint(1, len(words))])
            queries.append(typed[:rng.randint(2, len(typed))].lower())  # a prefix, as typed
    return queries


def _measure_search(db_path: Path, queries: list[str], tracks: int) -> dict:
    import sqlite3

    from headunit.media.library import Library
    from headunit.textsearch import fts_query

    library = Library(db_path, db_path.parent / "covers")
    bare = sqlite3.connect(db_path)
    ours, floor, hits = [], [], 0
    for query in queries * 2:  # the first round warms both
        match = fts_query(query)
        started = time.perf_counter()
        bare.execute("SELECT rowid FROM tracks_text WHERE tracks_text MATCH ? ORDER BY rank LIMIT 20",
                     (match,)).fetchall()
        floor.append(time.perf_counter() - started)
        started = time.perf_counter()
        found = library.search(query)
        ours.append(time.perf_counter() - started)
        hits += bool(found["tracks"] or found["artists"] or found["albums"])
    bare.close()
    library.close()
    ours, floor = ours[len(queries):], floor[len(queries):]
    ms = 1000.0
    return {"tracks": tracks, "queries": len(queries), "p50_ms": statistics.median(ours) * ms,
            "p99_ms": sorted(ours)[int(0.99 * len(ours))] * ms, "floor_p50_ms": statistics.median(floor) * ms,
            "ratio": statistics.median(ours) / statistics.median(floor), "answered": hits / (2 * len(queries)),
            "target_p50_ms": SEARCH_P50_MS}


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def _browse(db_path: str) -> None:
    """The memory child: prints the RSS it gained by opening the index and browsing it."""
    from headunit.media.library import Library

    before = _rss_kb()
    library = Library(Path(db_path), Path(db_path).parent / "covers")
    library.stats()
    artists = library.artists()
    albums = library.albums()
    for artist in artists[:20]:
        library.albums(artist["name"])
        library.tracks(artist=artist["name"])
    for album in albums[:20]:
        library.tracks(artist=album["artist"], album=album["name"])
    library.genres()
    for folder in library.folders()[:1]:
        library.folders(folder["path"])
    everything = library.tracks()
    for text in ("ka", "lo mi", "周", "七里", "gé", "sch"):
        library.search(text)
    library.recent()
    print(json.dumps({"rss_kb": _rss_kb() - before, "tracks": len(everything), "artists": len(artists),
                      "albums": len(albums)}))


def _measure_memory(db_path: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "benchmarks.music", "--browse", str(db_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=True)
    child = json.loads(result.stdout.strip().splitlines()[-1])
    return {"mb": child["rss_kb"] / 1024, "tracks": child["tracks"], "artists": child["artists"],
            "albums": child["albums"], "target_mb": MEMORY_MB}


def measure(files: int = SCAN_FILES, tracks: int = SEARCH_TRACKS, runs: int = SCAN_RUNS, progress=print) -> dict:
    """Every figure, as a dict."""
    with tempfile.TemporaryDirectory(prefix="headunit-bench-music-") as tmp:
        folder = Path(tmp)
        progress(f"writing {files} tagged music files")
        scan_figures = _measure_scan(folder, _make_files(folder, files, progress), runs, progress)
        progress(f"writing an index of {tracks:,} tracks")
        db_path = folder / "big" / "library.db"
        queries = _fill_index(db_path, tracks)
        progress(f"search: {len(queries)} queries, each as a bare FTS5 MATCH and through Library.search")
        search = _measure_search(db_path, queries, tracks)
        progress("memory: a child opens and browses the index")
        memory = _measure_memory(db_path)
    return {"scan": scan_figures, "search": search, "memory": memory}


def verdicts(figures: dict) -> dict[str, bool]:
    return {"scan": figures["scan"]["files_per_s"] >= SCAN_FILES_PER_S,
            "search": figures["search"]["p50_ms"] <= SEARCH_P50_MS,
            "memory": figures["memory"]["mb"] <= MEMORY_MB}


def rows(figures: dict) -> list[tuple[str, str, str, str, str, bool | None]]:
    """(figure, floor, HeadUnit, ratio, target, pass) for the results table; pass is None without a target."""
    s, q, m = figures["scan"], figures["search"], figures["memory"]
    ok = verdicts(figures)
    return [
        (f"scan {s['files']:,} new files", f"{s['floor_files_per_s']:,.0f} files/s", f"{s['files_per_s']:,.0f} files/s",
         f"{s['ratio']:.2f}×", f"≥ {SCAN_FILES_PER_S:,.0f} files/s", ok["scan"]),
        ("rescan, unchanged", "", f"{s['rescan_seconds'] * 1000:.0f} ms", "", "(none)", None),
        (f"search p50, {q['tracks']:,} tracks", f"{q['floor_p50_ms']:.3f} ms", f"{q['p50_ms']:.3f} ms",
         f"{q['ratio']:.2f}×", f"≤ {SEARCH_P50_MS:g} ms", ok["search"]),
        ("search p99", "", f"{q['p99_ms']:.3f} ms", "", "(none)", None),
        (f"memory, {m['tracks']:,} tracks browsed", "", f"{m['mb']:.1f} MB", "", f"≤ {MEMORY_MB:g} MB", ok["memory"]),
    ]


def print_table(figures: dict) -> None:
    table_rows = rows(figures)
    footer = (f"scan: median of {figures['scan']['runs']}, floor mutagen.File alone over the same files; search: "
              f"{figures['search']['queries']} typed prefixes, floor a bare FTS5 MATCH; memory: RSS a child gains")
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for *cells, ok in table_rows:
            print("  ".join(cells), "" if ok is None else "PASS" if ok else "FAIL")
        print(footer)
        return
    table = Table(title="Music library (floors: bare mutagen and FTS5 in the same run)")
    for index, header in enumerate(("", "floor", "HeadUnit", "ratio", "target", "")):
        table.add_column(header, justify="left" if index == 0 else "right")
    for *cells, ok in table_rows:
        table.add_row(*cells, "" if ok is None else "[bold green]PASS[/]" if ok else "[bold red]FAIL[/]")
    console = Console(width=None if sys.stdout.isatty() else 110)
    console.print(table)
    console.print(footer, style="dim")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.music", description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=SCAN_FILES, metavar="N",
                        help=f"files scanned (default {SCAN_FILES})")
    parser.add_argument("--tracks", type=int, default=SEARCH_TRACKS, metavar="N",
                        help=f"tracks in the searched index (default {SEARCH_TRACKS:,})")
    parser.add_argument("--runs", type=int, default=SCAN_RUNS, metavar="N",
                        help=f"scans of each kind (default {SCAN_RUNS})")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    parser.add_argument("--browse", metavar="DB", help=argparse.SUPPRESS)  # the memory child
    args = parser.parse_args(argv)
    if args.browse:
        _browse(args.browse)
        return 0
    figures = measure(files=max(10, args.files), tracks=max(100, args.tracks), runs=max(1, args.runs),
                      progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
