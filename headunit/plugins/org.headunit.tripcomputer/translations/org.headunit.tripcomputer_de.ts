<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../tripcomputer/__init__.py" line="+50"/>
        <source>Since start</source>
        <translation>Seit Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since reset</source>
        <translation>Langzeit</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Trip</source>
        <translation>Bordcomputer</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+14"/>
        <source>Trip</source>
        <translation>Bordcomputer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average %1</source>
        <translation>Durchschnitt %1</translation>
    </message>
</context>
<context>
    <name>TripPanel</name>
    <message>
        <location filename="../qml/TripPanel.qml" line="+27"/>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Driving time</source>
        <translation>Fahrzeit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
</context>
<context>
    <name>TripView</name>
    <message>
        <location filename="../qml/TripView.qml" line="+21"/>
        <source>Since start</source>
        <translation>Seit Start</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Since reset</source>
        <translation>Langzeit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tap again to reset</source>
        <translation>Erneut tippen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>org.headunit.tripcomputer</name>
    <message>
        <location filename="../tripcomputer/__init__.py" line="+9"/>
        <source>Trip reset</source>
        <translation>Fahrtdaten zurückgesetzt</translation>
    </message>
</context>
</TS>
