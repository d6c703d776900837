"""Media on the device: the music library (the index of the user's music folder, USB sticks and chosen
folders), its scanner and cover art, and the FM tuner.

    library = Library(db_path, covers_dir)
    report = scan(library, [(Path("~/Music").expanduser(), "music")])
    library.search("七里")["tracks"]

The shell's MediaLibrary service (headunit.shell.media) owns the one library of a running HeadUnit.
"""
