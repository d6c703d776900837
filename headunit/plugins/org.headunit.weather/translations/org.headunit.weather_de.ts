<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../weather/__init__.py" line="+35"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feels like</source>
        <translation>Gefühlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wind</source>
        <translation>Wind</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+1"/>
        <source>Weather</source>
        <translation>Wetter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>DemoMark</name>
    <message>
        <location filename="../qml/DemoMark.qml" line="+17"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>WeatherTile</name>
    <message>
        <location filename="../qml/WeatherTile.qml" line="+17"/>
        <source>Weather</source>
        <translation>Wetter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the weather…</source>
        <translation>Wetter wird geladen…</translation>
    </message>
</context>
<context>
    <name>WeatherView</name>
    <message>
        <location filename="../qml/WeatherView.qml" line="+52"/>
        <source>Reading the weather…</source>
        <translation>Wetter wird geladen…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>At the place sent</source>
        <translation>Am gesendeten Ort</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>On the route</source>
        <translation>Auf der Route</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Feels like</source>
        <translation>Gefühlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wind</source>
        <translation>Wind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Humidity</source>
        <translation>Luftfeuchte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility</source>
        <translation>Sicht</translation>
    </message>
    <message numerus="yes">
        <location line="+79"/>
        <source>%n more when parked</source>
        <extracomment>Places along the route whose weather is left out while driving.</extracomment>
        <translation>
            <numerusform>%n weiterer Ort beim Parken</numerusform>
            <numerusform>%n weitere Orte beim Parken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>org.headunit.weather</name>
    <message>
        <location filename="../weather/texts.py" line="+88"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear</source>
        <translation>Klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloudy</source>
        <translation>Bewölkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Fog</source>
        <translation>Nebel</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Drizzle</source>
        <translation>Nieselregen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rain</source>
        <translation>Regen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Snow</source>
        <translation>Schnee</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Freezing rain</source>
        <translation>Eisregen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thunderstorm</source>
        <translation>Gewitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 from %2</source>
        <translation>%1 ab %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ice</source>
        <translation>Glätte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storm</source>
        <translation>Sturm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heat</source>
        <translation>Hitze</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 on your route</source>
        <translation>%1 auf Ihrer Route</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 at your destination</source>
        <translation>%1 am Ziel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline · updated %1</source>
        <translation>Offline · aktualisiert %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No weather yet: no connection</source>
        <translation>Noch kein Wetter: keine Verbindung</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>%1 ahead in %2</source>
        <translation>%1 in %2 voraus</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The car&apos;s position is not known yet</source>
        <translation>Die Position des Autos ist noch nicht bekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %1, at %2</source>
        <translation>In %1, um %2</translation>
    </message>
    <message>
        <location filename="../weather/store.py" line="+355"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
</TS>
