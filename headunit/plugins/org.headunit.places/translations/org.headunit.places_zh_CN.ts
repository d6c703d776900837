<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PlacesView</name>
    <message>
        <location filename="../qml/PlacesView.qml" line="+14"/>
        <source>Fuel</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking</source>
        <translation>停车场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search places</source>
        <translation>搜索地点</translation>
    </message>
</context>
<context>
    <name>org.headunit.places</name>
    <message>
        <location filename="../places/__init__.py" line="+29"/>
        <source>Fuel</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parking</source>
        <translation>停车场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Food</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No navigation app is installed yet</source>
        <translation>尚未安装导航应用</translation>
    </message>
</context>
</TS>
