<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../shell/about.py" line="+22"/>
        <source>Qt 6 and PySide6</source>
        <translation>Qt 6 und PySide6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material Design Icons (via QtAwesome)</source>
        <translation>Material Design Icons (über QtAwesome)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apache-2.0 (icons), OFL-1.1 (font)</source>
        <translation>Apache-2.0 (Symbole), OFL-1.1 (Schrift)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noto Sans and Noto Sans CJK</source>
        <translation>Noto Sans und Noto Sans CJK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)</source>
        <translation>Kartendaten © OpenStreetMap-Mitwirkende, ODbL 1.0 (openstreetmap.org/copyright)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (plugin API %2)</source>
        <extracomment>The version of HeadUnit (%1) and of the plugin API it implements (%2).</extracomment>
        <translation>%1 (Plugin-API %2)</translation>
    </message>
</context>
<context>
    <name>AboutSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AboutSettings.qml" line="+21"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On this car only</source>
        <translation>Nur in diesem Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Map data</source>
        <translation>Kartendaten</translation>
    </message>
</context>
<context>
    <name>AllApps</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AllApps.qml" line="+31"/>
        <source>All apps</source>
        <translation>Alle Apps</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>Apps</name>
    <message>
        <location filename="../host/apps.py" line="+104"/>
        <location line="+17"/>
        <source>%1 stopped working and was closed</source>
        <extracomment>A toast after an app failed; %1 is the app&apos;s name.</extracomment>
        <translation>%1 funktioniert nicht mehr und wurde geschlossen</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>%1 used too much memory and was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; it used more memory than an app may.</extracomment>
        <translation>%1 hat zu viel Speicher belegt und wurde geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 used too much processor time and was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; it kept a processor busy for a minute.</extracomment>
        <translation>%1 hat zu viel Rechenzeit gebraucht und wurde geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; the driver closed it after it stopped responding.</extracomment>
        <translation>%1 wurde geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 kept stopping and was turned off; turn it on in Settings › Apps</source>
        <extracomment>A toast: %1 is the app&apos;s name; it stopped three times in ten minutes.</extracomment>
        <translation>%1 ist wiederholt abgestürzt und wurde ausgeschaltet; in Einstellungen › Apps wieder einschalten</translation>
    </message>
</context>
<context>
    <name>AppsSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AppsSettings.qml" line="+13"/>
        <source>, </source>
        <extracomment>Between the items of a list, such as &quot;Internet, Location&quot;.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle data</source>
        <translation>Fahrzeugdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Music library</source>
        <translation>Musikbibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing apps</source>
        <translation>Apps installieren</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Running</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uses: %1</source>
        <extracomment>%1 lists what the app may use, such as &quot;Internet, Location&quot;.</extracomment>
        <translation>Nutzt: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This app could not start. Details for support are under About › Diagnostics.</source>
        <translation>Diese App konnte nicht starten. Details für den Support stehen unter Info › Diagnose.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Turned off: %1</source>
        <extracomment>%1 is why the app was turned off, such as &quot;stopped 3 times in 10 minutes&quot;.</extracomment>
        <translation>Ausgeschaltet: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Roll back to %1</source>
        <extracomment>%1 is the version it goes back to.</extracomment>
        <translation>Zurück zu %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>ConfirmSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/ConfirmSheet.qml" line="+12"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConsentSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/ConsentSheet.qml" line="+51"/>
        <source>%1 (new)</source>
        <extracomment>Marks a capability an update adds; %1 is the capability, such as Location.</extracomment>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Update %1?</source>
        <extracomment>%1 is the app&apos;s name.</extracomment>
        <translation>%1 aktualisieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstall %1?</source>
        <translation>%1 deinstallieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back %1?</source>
        <translation>%1 zurücksetzen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install %1?</source>
        <translation>%1 installieren?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version %1 → %2</source>
        <extracomment>From one version to another: %1 the installed one, %2 the new one.</extracomment>
        <translation>Version %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asked by %1. Only you can allow it.</source>
        <extracomment>%1 is the app that asked, such as App mall.</extracomment>
        <translation>Angefragt von %1. Nur Sie können es erlauben.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This update asks for more. It waits until you allow it.</source>
        <translation>Dieses Update möchte mehr. Es wartet, bis Sie es erlauben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This app asks for nothing on the head unit.</source>
        <translation>Diese App braucht keine Berechtigung auf dem Gerät.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It will be allowed to:</source>
        <translation>Sie darf dann:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>After the update</source>
        <translation>Nach dem Update</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keep its data to find everything again if you install it later, or delete it now.</source>
        <translation>Behalten Sie ihre Daten, um bei einer späteren Installation alles wiederzufinden, oder löschen Sie sie jetzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1 comes back with the data it had then; what the app saved since is lost.</source>
        <extracomment>%1 is the previous version.</extracomment>
        <translation>Version %1 kommt mit ihren damaligen Daten zurück; was die App seitdem gespeichert hat, geht verloren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Downloading and checking the package…</source>
        <translation>Paket wird geladen und geprüft …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalling…</source>
        <translation>Wird deinstalliert …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling back…</source>
        <translation>Wird zurückgesetzt …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Installing…</source>
        <translation>Wird installiert …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalled</source>
        <translation>Deinstalliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled back to version %1</source>
        <translation>Zurückgesetzt auf Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated to version %1</source>
        <translation>Aktualisiert auf Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not installed: %1</source>
        <extracomment>%1 is why, as the installer says it (a bad signature, a changed file).</extracomment>
        <translation>Nicht installiert: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep data</source>
        <translation>Daten behalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete data</source>
        <translation>Daten löschen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../qml/HeadUnit/Emulator/ControlPanel.qml" line="+31"/>
        <source>Simulated car</source>
        <translation>Simuliertes Auto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Driving state: %1%2</source>
        <translation>Fahrzustand: %1%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (signal lost)</source>
        <translation> (Signal verloren)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drive  [P] parked  [I] idling  [D] moving</source>
        <translation>Fahrzustand  [P] geparkt  [I] Stand  [D] fahrend</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Speed: %1 km/h  [↑/↓]</source>
        <translation>Tempo: %1 km/h  [↑/↓]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parking brake  [B]</source>
        <translation>Feststellbremse  [B]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headlights  [L]</source>
        <translation>Scheinwerfer  [L]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network  [N]</source>
        <translation>Netzwerk  [N]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle signal lost  [S]</source>
        <translation>Fahrzeugsignal verloren  [S]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ambient light sensor</source>
        <translation>Umgebungslichtsensor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ambient light: %1 lx</source>
        <translation>Umgebungslicht: %1 lx</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time %1 UTC (%2 h)  sun %3°</source>
        <translation>Zeit %1 UTC (%2 h)  Sonne %3°</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Theme: %1 (%2)%3</source>
        <translation>Darstellung: %1 (%2)%3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no evidence</source>
        <translation>keine Hinweise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, switching in %1 s</source>
        <translation>, Wechsel in %1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2  heading %3°</source>
        <translation>%1, %2  Kurs %3°</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Play the demo track  [T]</source>
        <translation>Demo-Strecke abspielen  [T]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop “%1”  [T]</source>
        <translation>„%1“ stoppen  [T]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steering wheel</source>
        <translation>Lenkrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⏮ Previous</source>
        <translation>⏮ Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⏯ Play/Pause</source>
        <translation>⏯ Wiedergabe/Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⏭ Next</source>
        <translation>⏭ Weiter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drive the route</source>
        <translation>Route abfahren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave the route</source>
        <translation>Route verlassen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fuel pump</source>
        <translation>Zapfsäule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fuel hold waiting</source>
        <translation>Keine Tankreservierung offen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dispense %1 L</source>
        <translation>%1 L zapfen</translation>
    </message>
</context>
<context>
    <name>DiagnosticsSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/DiagnosticsSettings.qml" line="+22"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+13"/>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting / refused</source>
        <extracomment>Writes (orders, favourites…) waiting to reach the backend, and those it refused.</extracomment>
        <translation>Wartend / abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Palette</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As set (%1)</source>
        <translation>Wie eingestellt (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radio hardware</source>
        <translation>Radio-Hardware</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sources</source>
        <extracomment>Diagnostics, &quot;Vehicle sources&quot; when none is configured (the emulator&apos;s simulated car, a car without vehicle.toml): &quot;Sources: None&quot;.</extracomment>
        <translation>Quellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alive</source>
        <translation>Liefert Daten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to About</source>
        <translation>Zurück zu Info</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This run</source>
        <translation>Dieser Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle sources</source>
        <translation>Fahrzeugquellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 sent, %2 received</source>
        <extracomment>Data an app sent and received: %1 up, %2 down, such as &quot;1.2 kB&quot;.</extracomment>
        <translation>%1 gesendet, %2 empfangen</translation>
    </message>
</context>
<context>
    <name>Dock</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/Dock.qml" line="+35"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All apps</source>
        <translation>Alle Apps</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recent apps</source>
        <translation>Letzte Apps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>EmulatorWindow</name>
    <message>
        <location filename="../qml/HeadUnit/Emulator/EmulatorWindow.qml" line="+15"/>
        <source>HeadUnit emulator — %1×%2</source>
        <translation>HeadUnit-Emulator – %1×%2</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/HomeView.qml" line="+112"/>
        <source>Up next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing coming up</source>
        <translation>Nichts steht an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders show here</source>
        <translation>Erinnerungen erscheinen hier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+%1</source>
        <extracomment>How many more notifications wait besides the one on the card, e.g. &quot;+2&quot;.</extracomment>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display, units, language, apps</source>
        <translation>Anzeige, Einheiten, Sprache, Apps</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
</context>
<context>
    <name>ItemGrid</name>
    <message numerus="yes">
        <location filename="../qml/HeadUnit/Controls/ItemGrid.qml" line="+73"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer Eintrag beim Parken</numerusform>
            <numerusform>%n weitere Einträge beim Parken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/ItemList.qml" line="+69"/>
        <source>Go deeper when parked</source>
        <translation>Weitere Ebenen beim Parken</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer Eintrag beim Parken</numerusform>
            <numerusform>%n weitere Einträge beim Parken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/MapView.qml" line="+371"/>
        <source>No map is installed. Import one with: headunit maps import FILE.osm.pbf</source>
        <translation>Keine Karte installiert. Importieren mit: headunit maps import DATEI.osm.pbf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Follow the car</source>
        <translation>Dem Auto folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading up</source>
        <translation>Fahrtrichtung oben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>North up</source>
        <translation>Norden oben</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/MessageView.qml" line="+22"/>
        <source>Message text shows when parked</source>
        <translation>Nachrichtentext nur beim Parken</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/NotificationCenter.qml" line="+23"/>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear all</source>
        <translation>Alle löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No notifications</source>
        <translation>Keine Mitteilungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reminders, warnings on the road and messages from your apps show here.</source>
        <translation>Erinnerungen, Warnungen unterwegs und Nachrichten Ihrer Apps erscheinen hier.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>h:mm AP</source>
        <extracomment>A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale&apos;s AM/PM.</extracomment>
        <translation>h:mm AP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>NowPlaying</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/NowPlaying.qml" line="+68"/>
        <source>Previous</source>
        <translation>Voriger Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>Nächster Titel</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <location filename="../host/packages_access.py" line="+493"/>
        <source>%1 was withdrawn by the store and is turned off</source>
        <translation>%1 wurde vom Store zurückgezogen und ist ausgeschaltet</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+85"/>
        <source>Installing apps needs the car parked</source>
        <translation>Apps installieren nur bei geparktem Auto</translation>
    </message>
</context>
<context>
    <name>PairingSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/PairingSheet.qml" line="+78"/>
        <source>Link your phone</source>
        <translation>Handy verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Getting a code…</source>
        <translation>Code wird abgerufen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan with your phone to add a card. The code works once, for 10 minutes.</source>
        <translation>Mit dem Handy scannen, um eine Karte hinzuzufügen. Der Code gilt einmal, 10 Minuten lang.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>PaymentSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/PaymentSheet.qml" line="+54"/>
        <source>Asked by %1</source>
        <extracomment>%1 is the app that asks for the payment.</extracomment>
        <translation>Angefragt von %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Confirm hold</source>
        <translation>Reservierung bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start parking</source>
        <translation>Parken starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../shell/payments.py" line="+217"/>
        <location line="+62"/>
        <source>Payments need the car parked</source>
        <translation>Zahlungen nur bei geparktem Auto</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Hold placed: %1. Start fuelling at the pump</source>
        <translation>Betrag reserviert: %1. Jetzt an der Säule tanken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parking started at %1</source>
        <translation>Parken gestartet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid %1 to %2</source>
        <translation>%1 an %2 bezahlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card was declined</source>
        <translation>Die Karte wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough funds on the card</source>
        <translation>Nicht genug Deckung auf der Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card has expired</source>
        <translation>Die Karte ist abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Hold %1</source>
        <translation>Reservierung %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You pay for what you pump; the rest of the hold is released</source>
        <translation>Sie zahlen, was Sie tanken; der Rest der Reservierung wird freigegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Billed by the minute; the rest of the hold is released</source>
        <translation>Minutengenaue Abrechnung; der Rest der Reservierung wird freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The final amount is charged later; the rest is released</source>
        <translation>Der Endbetrag wird später belastet; der Rest wird freigegeben</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Loading your cards…</source>
        <translation>Ihre Karten werden geladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card on file: add one with your phone</source>
        <translation>Keine Karte hinterlegt: fügen Sie eine mit dem Handy hinzu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cards as of a moment ago (offline)</source>
        <translation>Karten von gerade eben (offline)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cards as of %1 min ago (offline)</source>
        <translation>Karten von vor %1 min (offline)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards as of %1 h ago (offline)</source>
        <translation>Karten von vor %1 h (offline)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to send: no connection. It is sent once the car is online</source>
        <translation>Wartet auf Versand: keine Verbindung. Wird gesendet, sobald das Auto online ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent, waiting for the station</source>
        <translation>Gesendet, wartet auf die Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent, waiting for the merchant</source>
        <translation>Gesendet, wartet auf den Händler</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not sent in time: nothing was charged</source>
        <translation>Nicht rechtzeitig gesendet: nichts wurde belastet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be sent: %1</source>
        <translation>Konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+54"/>
        <source>Linking a phone needs the car parked</source>
        <translation>Handy verbinden nur bei geparktem Auto</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Linking a phone needs a connection</source>
        <translation>Zum Verbinden eines Handys ist eine Internetverbindung nötig</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The phone link could not be made (%1)</source>
        <translation>Die Verbindung zum Handy konnte nicht erstellt werden (%1)</translation>
    </message>
</context>
<context>
    <name>RecentApps</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/RecentApps.qml" line="+53"/>
        <source>No recent apps</source>
        <translation>Keine zuletzt verwendeten Apps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apps you open show here, to switch back in one tap.</source>
        <translation>Geöffnete Apps erscheinen hier – ein Tippen führt zurück.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Close %1</source>
        <extracomment>Closes one app in the recent apps; %1 is the app&apos;s name.</extracomment>
        <translation>%1 schließen</translation>
    </message>
</context>
<context>
    <name>SandboxOverlays</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/SandboxOverlays.qml" line="+37"/>
        <source>Third-party apps run without a sandbox</source>
        <translation>Apps von Drittanbietern laufen ohne Sandbox</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not responding</source>
        <extracomment>%1 is the app&apos;s name.</extracomment>
        <translation>%1 reagiert nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for it, or close it</source>
        <translation>Warten oder schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close app</source>
        <translation>App schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
</context>
<context>
    <name>SearchEntry</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/SearchEntry.qml" line="+11"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/SettingsView.qml" line="+14"/>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+199"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Theme</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>low ambient light</source>
        <translation>wenig Umgebungslicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bright ambient light</source>
        <translation>helles Umgebungslicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>headlights on</source>
        <translation>Scheinwerfer an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>headlights off</source>
        <translation>Scheinwerfer aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sun below the horizon</source>
        <translation>Sonne unter dem Horizont</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sun above the horizon</source>
        <translation>Sonne über dem Horizont</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no light sensor, headlights or position yet</source>
        <translation>noch kein Lichtsensor, Scheinwerfer oder Standort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Night until the next start</source>
        <translation>Nacht bis zum nächsten Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day until the next start</source>
        <translation>Tag bis zum nächsten Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (now night: %1)</source>
        <translation>Automatisch (jetzt Nacht: %1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic (now day: %1)</source>
        <translation>Automatisch (jetzt Tag: %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Brightness at night</source>
        <translation>Helligkeit nachts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brightness by day</source>
        <translation>Helligkeit tagsüber</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dimmer</source>
        <translation>Dunkler</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Brighter</source>
        <translation>Heller</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kilometres</source>
        <translation>Kilometer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Miles</source>
        <translation>Meilen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>24-hour</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>12-hour</source>
        <translation>12 Stunden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Opening this car&apos;s data…</source>
        <translation>Die Daten dieses Autos werden geöffnet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This car&apos;s data could not be opened</source>
        <translation>Die Daten dieses Autos konnten nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details for support are under About › Diagnostics.</source>
        <translation>Details für den Support stehen unter Info › Diagnose.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On this car only (no account)</source>
        <translation>Nur in diesem Auto (kein Konto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites, destinations, playlists and settings are kept on this car. Link a phone to keep them on your account too.</source>
        <translation>Favoriten, Ziele, Playlists und Einstellungen bleiben in diesem Auto. Verbinden Sie ein Handy, um sie auch in Ihrem Konto zu speichern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for approval on your phone</source>
        <translation>Warten auf Freigabe auf Ihrem Handy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the companion page on a device already on your account and approve this car there. Its data stays here meanwhile.</source>
        <translation>Öffnen Sie die Begleitseite auf einem Gerät, das schon zu Ihrem Konto gehört, und geben Sie dieses Auto dort frei. Seine Daten bleiben so lange hier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed from the account: %1</source>
        <translation>Aus dem Konto entfernt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its data and unsent changes stay on this car. Link a phone to add it to an account again.</source>
        <translation>Seine Daten und nicht gesendeten Änderungen bleiben in diesem Auto. Verbinden Sie ein Handy, um es wieder einem Konto hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reaching your account…</source>
        <translation>Ihr Konto wird erreicht…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes are kept on this car until the account answers.</source>
        <translation>Änderungen bleiben in diesem Auto, bis das Konto antwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked to your account</source>
        <translation>Mit Ihrem Konto verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept on %1 and on this car</source>
        <translation>Gespeichert auf %1 und in diesem Auto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where this car&apos;s data is</source>
        <translation>Wo die Daten dieses Autos liegen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Changes waiting to be sent: %1</source>
        <extracomment>Writes made on the car that the account has not received yet.</extracomment>
        <translation>Änderungen, die auf das Senden warten: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link a phone to this car&apos;s account to add and manage payment cards</source>
        <translation>Verbinden Sie ein Handy mit dem Konto dieses Autos, um Zahlungskarten hinzuzufügen und zu verwalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link a phone</source>
        <translation>Handy verbinden</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/Shell.qml" line="+37"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/ShellWindow.qml" line="+14"/>
        <source>HeadUnit</source>
        <translation>HeadUnit</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/StatusBar.qml" line="+39"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No vehicle signal</source>
        <translation>Kein Fahrzeugsignal</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No GPS</source>
        <translation>Kein GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No brake signal</source>
        <translation>Kein Bremssignal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gear signal</source>
        <translation>Kein Gangsignal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No OBD-II</source>
        <translation>Kein OBD-II</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No CAN bus</source>
        <translation>Kein CAN-Bus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · </source>
        <extracomment>Between two missing vehicle signals in the status bar, e.g. &quot;No GPS · No brake signal&quot;.</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Parked</source>
        <translation>Geparkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Driving</source>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n waiting</source>
        <extracomment>Operations (orders, favourites…) waiting to reach the backend.</extracomment>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not synced</source>
        <translation>Nicht synchronisiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Outside %1</source>
        <translation>Außen %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>h:mm AP</source>
        <extracomment>A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale&apos;s AM/PM.</extracomment>
        <translation>h:mm AP</translation>
    </message>
</context>
<context>
    <name>TemplateView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/TemplateView.qml" line="+138"/>
        <source>Available when parked</source>
        <translation>Verfügbar im Stand</translation>
    </message>
</context>
<context>
    <name>TextEntry</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/TextEntry.qml" line="+65"/>
        <source>Typing is available when parked</source>
        <translation>Tippen nur beim Parken</translation>
    </message>
</context>
<context>
    <name>VehicleProfile</name>
    <message>
        <location filename="../vehicle/profile.py" line="+357"/>
        <source>The vehicle can be changed when parked</source>
        <translation>Das Fahrzeug lässt sich im Stand ändern</translation>
    </message>
    <message>
        <location line="+470"/>
        <source>Only the shell&apos;s Settings change the vehicle</source>
        <translation>Nur die Einstellungen des Systems ändern das Fahrzeug</translation>
    </message>
</context>
<context>
    <name>VehicleSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/VehicleSettings.qml" line="+19"/>
        <source>Petrol</source>
        <translation>Benzin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diesel</source>
        <translation>Diesel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Electric</source>
        <translation>Elektro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plug-in hybrid</source>
        <translation>Plug-in-Hybrid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hatchback</source>
        <translation>Schrägheck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estate</source>
        <translation>Kombi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saloon</source>
        <translation>Limousine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickup</source>
        <translation>Pick-up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Africa</source>
        <translation>Afrika</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asia</source>
        <translation>Asien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>North America</source>
        <translation>Nordamerika</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oceania</source>
        <translation>Ozeanien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>South America</source>
        <translation>Südamerika</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 mi</source>
        <translation>%1 mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A VIN has 17 letters and digits; this one has %1</source>
        <translation>Eine FIN hat 17 Buchstaben und Ziffern, diese hat %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character %1 cannot be in a VIN (never I, O or Q)</source>
        <translation>Zeichen %1 kann in keiner FIN stehen (nie I, O oder Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check digit (character 9) does not match: a character is mistyped</source>
        <translation>Die Prüfziffer (Zeichen 9) stimmt nicht: ein Zeichen ist falsch getippt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character 10 is not a model year code</source>
        <translation>Zeichen 10 ist kein Modelljahr-Code</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No vehicle chosen</source>
        <translation>Kein Fahrzeug gewählt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 L tank</source>
        <translation>%1-l-Tank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kWh battery</source>
        <translation>%1-kWh-Akku</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>VIN %1</source>
        <translation>FIN %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Odometer %1</source>
        <translation>Kilometerstand %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Enter VIN</source>
        <translation>FIN eingeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>17 characters, as on the windscreen</source>
        <translation>17 Zeichen, wie an der Windschutzscheibe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decode</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown manufacturer</source>
        <translation>Hersteller unbekannt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model year %1</source>
        <translation>Modelljahr %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model year not given</source>
        <translation>ohne Modelljahr</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the backend for more…</source>
        <translation>Frage das Backend nach mehr …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the backend: %1</source>
        <translation>Vom Backend: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backend knows nothing more about this VIN</source>
        <translation>Das Backend weiß nichts weiter über diese FIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backend could not be asked; decoded on this car</source>
        <translation>Backend nicht erreichbar; im Auto gelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded on this car (no backend link)</source>
        <translation>Im Auto gelesen (keine Backend-Verbindung)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Make</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model year</source>
        <translation>Modelljahr</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Body</source>
        <translation>Karosserie</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tyre size</source>
        <translation>Reifengröße</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Odometer (mi)</source>
        <translation>Kilometerstand (mi)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Odometer (km)</source>
        <translation>Kilometerstand (km)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As the car&apos;s odometer reads</source>
        <translation>Wie der Tacho des Autos anzeigt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forget this vehicle</source>
        <translation>Dieses Fahrzeug vergessen</translation>
    </message>
</context>
<context>
    <name>VideoSurface</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/VideoSurface.qml" line="+26"/>
        <source>Video shows when parked</source>
        <translation>Video nur beim Parken</translation>
    </message>
</context>
</TS>
