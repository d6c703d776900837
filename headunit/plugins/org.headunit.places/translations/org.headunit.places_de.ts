<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>PlacesView</name>
    <message>
        <location filename="../qml/PlacesView.qml" line="+14"/>
        <source>Fuel</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking</source>
        <translation>Parkplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food</source>
        <translation>Essen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search places</source>
        <translation>Orte suchen</translation>
    </message>
</context>
<context>
    <name>org.headunit.places</name>
    <message>
        <location filename="../places/__init__.py" line="+29"/>
        <source>Fuel</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parking</source>
        <translation>Parkplatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Food</source>
        <translation>Essen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No navigation app is installed yet</source>
        <translation>Noch keine Navigations-App installiert</translation>
    </message>
</context>
</TS>
