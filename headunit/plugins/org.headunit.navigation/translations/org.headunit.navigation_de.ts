<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ArrivedPanel</name>
    <message>
        <location filename="../qml/ArrivedPanel.qml" line="+24"/>
        <source>You have arrived</source>
        <translation>Sie haben Ihr Ziel erreicht</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../qml/GuidancePanel.qml" line="+101"/>
        <source>Rerouting…</source>
        <translation>Neue Route wird berechnet …</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Then</source>
        <extracomment>Before the manoeuvre after the next one: &quot;Then ↱ Avenue de la Costa&quot;</extracomment>
        <translation>Dann</translation>
    </message>
</context>
<context>
    <name>NavigationTile</name>
    <message>
        <location filename="../qml/NavigationTile.qml" line="+31"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where to?</source>
        <translation>Wohin?</translation>
    </message>
</context>
<context>
    <name>NavigationView</name>
    <message>
        <location filename="../qml/NavigationView.qml" line="+15"/>
        <source>Fuel</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>Ladestation</translation>
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
        <location line="+19"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route</source>
        <extracomment>A button: back to the turn-by-turn view of the drive under way</extracomment>
        <translation>Route</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../qml/PreviewPanel.qml" line="+40"/>
        <source>Set as home</source>
        <translation>Als Zuhause festlegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as favourite</source>
        <translation>Als Favorit speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finding routes…</source>
        <translation>Routen werden gesucht …</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../qml/SearchPanel.qml" line="+28"/>
        <source>Where to?</source>
        <translation>Wohin?</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
</context>
<context>
    <name>SpeedLimitSign</name>
    <message>
        <location filename="../qml/SpeedLimitSign.qml" line="+22"/>
        <source>Speed limit %1</source>
        <extracomment>Read out for the speed-limit sign: &quot;Speed limit 50&quot;</extracomment>
        <translation>Höchstgeschwindigkeit %1</translation>
    </message>
</context>
<context>
    <name>TripBar</name>
    <message>
        <location filename="../qml/TripBar.qml" line="+46"/>
        <source>Arrival</source>
        <extracomment>Under the clock time the car should arrive at</extracomment>
        <translation>Ankunft</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time left</source>
        <extracomment>Under the time still to drive</extracomment>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Distance left</source>
        <extracomment>Under the distance still to drive</extracomment>
        <translation>Reststrecke</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Along the route</source>
        <extracomment>A button: look for fuel, charging, parking or food along the route</extracomment>
        <translation>Entlang der Route</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Hold to end</source>
        <translation>Zum Beenden halten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End route</source>
        <translation>Route beenden</translation>
    </message>
</context>
<context>
    <name>org.headunit.navigation</name>
    <message>
        <location filename="../navigation/texts.py" line="+36"/>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fuel</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>Ladestation</translation>
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
        <location line="+1"/>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car service</source>
        <translation>Werkstatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 along the route</source>
        <translation>%1 an der Route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 nearby</source>
        <translation>%1 in der Nähe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results for “%1”</source>
        <translation>Ergebnisse für „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your recent destinations will show here</source>
        <translation>Ihre letzten Ziele erscheinen hier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The car&apos;s position is not known yet</source>
        <translation>Die Position des Autos ist noch nicht bekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No route to %1</source>
        <translation>Keine Route nach %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No route from here</source>
        <translation>Keine Route von hier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No map on this head unit covers where the car is</source>
        <translation>Keine Karte auf diesem Gerät deckt den Standort des Autos ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This place is beyond the edge of the map</source>
        <translation>Dieser Ort liegt außerhalb der Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no road near the car</source>
        <translation>In der Nähe des Autos gibt es keine Straße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no road near this place</source>
        <translation>In der Nähe dieses Ortes gibt es keine Straße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No road on the map leads there</source>
        <translation>Keine Straße auf der Karte führt dorthin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The map cannot answer this</source>
        <translation>Die Karte kann das nicht beantworten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rerouting</source>
        <translation>Neue Route wird berechnet</translation>
    </message>
</context>
</TS>
