<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>MusicLibraryPanel</name>
    <message>
        <location filename="../qml/MusicLibraryPanel.qml" line="+68"/>
        <source>Delete playlist</source>
        <translation>Playlist löschen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shuffle</source>
        <translation>Zufallswiedergabe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Play all</source>
        <translation>Alle abspielen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>MusicNowPlaying</name>
    <message>
        <location filename="../qml/MusicNowPlaying.qml" line="+40"/>
        <source>Nothing is playing</source>
        <translation>Es läuft nichts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Plays when its USB drive is connected</source>
        <translation>Spielt, sobald sein USB-Laufwerk angeschlossen ist</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Position in the song</source>
        <translation>Position im Titel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Live</source>
        <extracomment>A radio stream or broadcast, as it happens (no seeking)</extracomment>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shuffle on</source>
        <translation>Zufallswiedergabe an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shuffle off</source>
        <translation>Zufallswiedergabe aus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous</source>
        <translation>Vorheriger Titel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next</source>
        <translation>Nächster Titel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repeat this song</source>
        <translation>Diesen Titel wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat all</source>
        <translation>Alle wiederholen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat off</source>
        <translation>Wiederholen aus</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quieter</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Louder</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add to a playlist</source>
        <translation>Zu einer Playlist hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Up next</source>
        <translation>Als Nächstes</translation>
    </message>
</context>
<context>
    <name>MusicPanelHeader</name>
    <message>
        <location filename="../qml/MusicPanelHeader.qml" line="+21"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>MusicPlaylistPicker</name>
    <message>
        <location filename="../qml/MusicPlaylistPicker.qml" line="+18"/>
        <source>Add to a playlist</source>
        <translation>Zu einer Playlist hinzufügen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name of the new playlist</source>
        <translation>Name der neuen Playlist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New playlist</source>
        <translation>Neue Playlist</translation>
    </message>
</context>
<context>
    <name>MusicQueue</name>
    <message>
        <location filename="../qml/MusicQueue.qml" line="+18"/>
        <source>Up next</source>
        <translation>Als Nächstes</translation>
    </message>
</context>
<context>
    <name>MusicRadioPanel</name>
    <message>
        <location filename="../qml/MusicRadioPanel.qml" line="+22"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FM</source>
        <extracomment>The FM radio band</extracomment>
        <translation>UKW</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refresh the stations</source>
        <translation>Senderliste aktualisieren</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Lower frequency</source>
        <translation>Niedrigere Frequenz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MHz</source>
        <translation>MHz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Higher frequency</source>
        <translation>Höhere Frequenz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listen</source>
        <translation>Hören</translation>
    </message>
</context>
<context>
    <name>MusicSearchPanel</name>
    <message>
        <location filename="../qml/MusicSearchPanel.qml" line="+22"/>
        <source>Artists, albums, songs</source>
        <translation>Interpreten, Alben, Titel</translation>
    </message>
</context>
<context>
    <name>MusicStatusPanel</name>
    <message>
        <location filename="../qml/MusicStatusPanel.qml" line="+43"/>
        <source>Scan again</source>
        <translation>Neu durchsuchen</translation>
    </message>
</context>
<context>
    <name>MusicTile</name>
    <message>
        <location filename="../qml/MusicTile.qml" line="+15"/>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is playing</source>
        <translation>Es läuft nichts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for its USB drive</source>
        <translation>Wartet auf sein USB-Laufwerk</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next</source>
        <translation>Nächster Titel</translation>
    </message>
</context>
<context>
    <name>MusicView</name>
    <message>
        <location filename="../qml/MusicView.qml" line="+18"/>
        <source>Now playing</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library status</source>
        <translation>Bibliotheksstatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artists</source>
        <translation>Interpreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently played</source>
        <translation>Zuletzt gehört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genres</source>
        <translation>Genres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>org.headunit.music</name>
    <message>
        <location filename="../music/status.py" line="+88"/>
        <source>Scanning: %1 of %2 files</source>
        <translation>Durchsuche: %1 von %2 Dateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for music…</source>
        <translation>Suche nach Musik…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Every file could be read</source>
        <translation>Alle Dateien konnten gelesen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 file could not be read</source>
        <translation>1 Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files could not be read</source>
        <translation>%1 Dateien konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../music/store.py" line="+175"/>
        <location line="+10"/>
        <source>Added to “%1”</source>
        <translation>Zu „%1“ hinzugefügt</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Playlist %1</source>
        <translation>Playlist %1</translation>
    </message>
    <message>
        <location filename="../music/texts.py" line="+29"/>
        <source>Unknown artist</source>
        <translation>Unbekannter Interpret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown genre</source>
        <translation>Unbekanntes Genre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>FM %1 MHz</source>
        <translation>UKW %1 MHz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 track</source>
        <translation>1 Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 tracks</source>
        <translation>%1 Titel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 album</source>
        <translation>1 Album</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 albums</source>
        <translation>%1 Alben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 artist</source>
        <translation>1 Interpret</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 artists</source>
        <translation>%1 Interpreten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Offline · list updated %1</source>
        <translation>Offline · Liste aktualisiert %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot play “%1”, skipped</source>
        <translation>„%1“ kann nicht abgespielt werden, übersprungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in the queue can be played</source>
        <translation>Nichts in der Warteschlange lässt sich abspielen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” cannot be reached: trying again</source>
        <translation>„%1“ ist nicht erreichbar: neuer Versuch läuft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to play at %1</source>
        <translation>Unter %1 gibt es nichts abzuspielen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This head unit has no music library</source>
        <translation>Dieses Gerät hat keine Musikbibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internet radio needs a connection; no station list is saved yet</source>
        <translation>Internetradio braucht eine Verbindung; noch ist keine Senderliste gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No music found yet: copy some into the Music folder or plug in a USB stick</source>
        <translation>Noch keine Musik gefunden: kopieren Sie welche in den Musikordner oder stecken Sie einen USB-Stick ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No playlists yet: add a song from the now playing page</source>
        <translation>Noch keine Playlists: fügen Sie einen Titel auf der Wiedergabeseite hinzu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No favourites yet: tap the star while a song or station plays</source>
        <translation>Noch keine Favoriten: tippen Sie auf den Stern, während ein Titel oder Sender läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs you play will show here</source>
        <translation>Hier erscheinen die Titel, die Sie hören</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This playlist is empty</source>
        <translation>Diese Playlist ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No stations</source>
        <translation>Keine Sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The music library cannot answer this</source>
        <translation>Die Musikbibliothek kann das nicht beantworten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not on this car</source>
        <translation>Nicht in diesem Auto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New playlist</source>
        <translation>Neue Playlist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not an audio file</source>
        <translation>keine Audiodatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged tags</source>
        <translation>beschädigte Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged or cut short</source>
        <translation>beschädigt oder abgeschnitten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a music file</source>
        <translation>keine Musikdatei</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No FM radio: plug in the radio&apos;s USB stick</source>
        <translation>Kein UKW-Radio: den USB-Radiostick einstecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FM radio is not available on this head unit</source>
        <translation>UKW-Radio ist auf diesem Gerät nicht verfügbar</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>no permission to read it</source>
        <translation>keine Leseberechtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it went away while it was being read</source>
        <translation>beim Lesen verschwunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its name is not valid text: rename it to play it</source>
        <translation>der Name ist kein gültiger Text: zum Abspielen umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a link to a file that is not there</source>
        <translation>ein Link auf eine Datei, die es nicht gibt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The FM tuner is in use by another program</source>
        <translation>Der UKW-Empfänger wird von einem anderen Programm benutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The FM tuner stopped working</source>
        <translation>Der UKW-Empfänger funktioniert nicht mehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No FM tuner</source>
        <translation>Kein UKW-Empfänger</translation>
    </message>
</context>
</TS>
