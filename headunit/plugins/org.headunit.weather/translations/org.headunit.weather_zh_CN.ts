<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../weather/__init__.py" line="+35"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feels like</source>
        <translation>体感</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wind</source>
        <translation>风速</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+1"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>DemoMark</name>
    <message>
        <location filename="../qml/DemoMark.qml" line="+17"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>WeatherTile</name>
    <message>
        <location filename="../qml/WeatherTile.qml" line="+17"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the weather…</source>
        <translation>正在获取天气…</translation>
    </message>
</context>
<context>
    <name>WeatherView</name>
    <message>
        <location filename="../qml/WeatherView.qml" line="+52"/>
        <source>Reading the weather…</source>
        <translation>正在获取天气…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>At the place sent</source>
        <translation>所发送的地点</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Here</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>On the route</source>
        <translation>沿途</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Feels like</source>
        <translation>体感</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wind</source>
        <translation>风速</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility</source>
        <translation>能见度</translation>
    </message>
    <message numerus="yes">
        <location line="+79"/>
        <source>%n more when parked</source>
        <extracomment>Places along the route whose weather is left out while driving.</extracomment>
        <translation>
            <numerusform>停车后可查看其余 %n 个地点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>org.headunit.weather</name>
    <message>
        <location filename="../weather/texts.py" line="+88"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear</source>
        <translation>晴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloudy</source>
        <translation>多云</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Fog</source>
        <translation>雾</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Drizzle</source>
        <translation>毛毛雨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rain</source>
        <translation>雨</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Snow</source>
        <translation>雪</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Freezing rain</source>
        <translation>冻雨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thunderstorm</source>
        <translation>雷暴</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 from %2</source>
        <translation>%2 起%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ice</source>
        <translation>结冰</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storm</source>
        <translation>风暴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heat</source>
        <translation>高温</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 on your route</source>
        <translation>路线上有%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 at your destination</source>
        <translation>目的地有%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Updated %1</source>
        <translation>%1更新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline · updated %1</source>
        <translation>离线 · %1更新</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No weather yet: no connection</source>
        <translation>暂无天气：没有网络连接</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>%1 ahead in %2</source>
        <translation>前方%2处有%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The car&apos;s position is not known yet</source>
        <translation>尚不知道车辆位置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 at %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %1, at %2</source>
        <translation>%1后，%2</translation>
    </message>
    <message>
        <location filename="../weather/store.py" line="+355"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
</context>
</TS>
