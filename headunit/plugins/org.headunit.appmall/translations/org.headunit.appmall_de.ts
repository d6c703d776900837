<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../appmall/mall.py" line="+259"/>
        <source>Downloading and checking…</source>
        <translation>Wird geladen und geprüft …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for your answer on the sheet</source>
        <translation>Wartet auf Ihre Antwort im Fenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing…</source>
        <translation>Wird installiert …</translation>
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
        <location line="+1"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalled</source>
        <translation>Deinstalliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing apps needs the car parked</source>
        <translation>Apps installieren nur bei geparktem Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed</source>
        <translation>Nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another request is waiting on the sheet</source>
        <translation>Eine andere Anfrage wartet im Fenster</translation>
    </message>
</context>
<context>
    <name>AppList</name>
    <message>
        <location filename="../qml/AppList.qml" line="+22"/>
        <source>Search apps</source>
        <translation>Apps suchen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weitere im Stand</numerusform>
            <numerusform>%n weitere im Stand</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the apps…</source>
        <translation>Apps werden geladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No app found</source>
        <translation>Keine App gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every app is up to date</source>
        <translation>Alle Apps sind aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No app installed from the mall yet</source>
        <translation>Noch keine App aus dem Markt installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apps yet</source>
        <translation>Noch keine Apps</translation>
    </message>
</context>
<context>
    <name>AppPage</name>
    <message>
        <location filename="../qml/AppPage.qml" line="+61"/>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+22"/>
        <source>What it may use</source>
        <translation>Was sie nutzen darf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing on the head unit</source>
        <translation>Nichts auf dem Gerät</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (new in the update)</source>
        <extracomment>Marks what an update would add; %1 is the capability, such as Location.</extracomment>
        <translation>%1 (neu im Update)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+18"/>
        <source>Browse</source>
        <translation>Entdecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+13"/>
        <source>App mall</source>
        <translation>App-Markt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updates</source>
        <translation>
            <numerusform>%n Update</numerusform>
            <numerusform>%n Updates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apps for your car</source>
        <translation>Apps für Ihr Auto</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n apps</source>
        <translation>
            <numerusform>%n App</numerusform>
            <numerusform>%n Apps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>org.headunit.appmall</name>
    <message>
        <location filename="../appmall/mall.py" line="-180"/>
        <source>Offline: the apps as last seen</source>
        <translation>Offline: die Apps wie zuletzt gesehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app store cannot be reached</source>
        <translation>Der App-Store ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update</source>
        <translation>Update verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+49"/>
        <source>No ratings yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>★ %1 · %2 ratings</source>
        <translation>★ %1 · %2 Bewertungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version %1 installed, %2 available</source>
        <translation>Version %1 installiert, %2 verfügbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Installing and removing apps is available when parked</source>
        <translation>Apps installieren und entfernen ist im Stand möglich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the one in progress</source>
        <translation>Wartet auf die laufende Anfrage</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Asking…</source>
        <translation>Wird angefragt …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Update to %1</source>
        <translation>Update auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install and update when parked</source>
        <translation>Installieren und aktualisieren im Stand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apps in the mall: %1</source>
        <translation>Apps im Markt: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Updates waiting: %1</source>
        <translation>Wartende Updates: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+1"/>
        <source>App mall</source>
        <translation>App-Markt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apps for your car</source>
        <translation>Apps für Ihr Auto</translation>
    </message>
</context>
</TS>
