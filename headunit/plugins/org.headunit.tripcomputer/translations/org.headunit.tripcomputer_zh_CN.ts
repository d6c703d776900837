<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../tripcomputer/__init__.py" line="+50"/>
        <source>Since start</source>
        <translation>本次启动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since reset</source>
        <translation>重置后</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Trip</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+14"/>
        <source>Trip</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average %1</source>
        <translation>平均 %1</translation>
    </message>
</context>
<context>
    <name>TripPanel</name>
    <message>
        <location filename="../qml/TripPanel.qml" line="+27"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Driving time</source>
        <translation>行驶时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Average</source>
        <translation>平均车速</translation>
    </message>
</context>
<context>
    <name>TripView</name>
    <message>
        <location filename="../qml/TripView.qml" line="+21"/>
        <source>Since start</source>
        <translation>本次启动</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Since reset</source>
        <translation>重置后</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tap again to reset</source>
        <translation>再次点按重置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>org.headunit.tripcomputer</name>
    <message>
        <location filename="../tripcomputer/__init__.py" line="+9"/>
        <source>Trip reset</source>
        <translation>行程已重置</translation>
    </message>
</context>
</TS>
