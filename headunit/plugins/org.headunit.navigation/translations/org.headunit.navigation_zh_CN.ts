<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArrivedPanel</name>
    <message>
        <location filename="../qml/ArrivedPanel.qml" line="+24"/>
        <source>You have arrived</source>
        <translation>您已到达目的地</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../qml/GuidancePanel.qml" line="+101"/>
        <source>Rerouting…</source>
        <translation>正在重新规划路线…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Then</source>
        <extracomment>Before the manoeuvre after the next one: &quot;Then ↱ Avenue de la Costa&quot;</extracomment>
        <translation>然后</translation>
    </message>
</context>
<context>
    <name>NavigationTile</name>
    <message>
        <location filename="../qml/NavigationTile.qml" line="+31"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Home</source>
        <translation>家</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where to?</source>
        <translation>去哪里？</translation>
    </message>
</context>
<context>
    <name>NavigationView</name>
    <message>
        <location filename="../qml/NavigationView.qml" line="+15"/>
        <source>Fuel</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>充电站</translation>
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
        <location line="+19"/>
        <source>Start</source>
        <translation>开始导航</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route</source>
        <extracomment>A button: back to the turn-by-turn view of the drive under way</extracomment>
        <translation>路线</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../qml/PreviewPanel.qml" line="+40"/>
        <source>Set as home</source>
        <translation>设为家</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finding routes…</source>
        <translation>正在规划路线…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../qml/SearchPanel.qml" line="+28"/>
        <source>Where to?</source>
        <translation>去哪里？</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>SpeedLimitSign</name>
    <message>
        <location filename="../qml/SpeedLimitSign.qml" line="+22"/>
        <source>Speed limit %1</source>
        <extracomment>Read out for the speed-limit sign: &quot;Speed limit 50&quot;</extracomment>
        <translation>限速 %1</translation>
    </message>
</context>
<context>
    <name>TripBar</name>
    <message>
        <location filename="../qml/TripBar.qml" line="+46"/>
        <source>Arrival</source>
        <extracomment>Under the clock time the car should arrive at</extracomment>
        <translation>到达</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time left</source>
        <extracomment>Under the time still to drive</extracomment>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Distance left</source>
        <extracomment>Under the distance still to drive</extracomment>
        <translation>剩余距离</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Along the route</source>
        <extracomment>A button: look for fuel, charging, parking or food along the route</extracomment>
        <translation>沿途搜索</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Hold to end</source>
        <translation>长按结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End route</source>
        <translation>结束导航</translation>
    </message>
</context>
<context>
    <name>org.headunit.navigation</name>
    <message>
        <location filename="../navigation/texts.py" line="+36"/>
        <source>via %1</source>
        <translation>途经%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fuel</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>充电站</translation>
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
        <location line="+1"/>
        <source>Shop</source>
        <translation>商店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car service</source>
        <translation>汽车维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Home</source>
        <translation>家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 along the route</source>
        <translation>沿途的%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 nearby</source>
        <translation>附近的%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results for “%1”</source>
        <translation>“%1”的搜索结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your recent destinations will show here</source>
        <translation>最近的目的地会显示在这里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The car&apos;s position is not known yet</source>
        <translation>尚未获得车辆位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No route to %1</source>
        <translation>无法规划前往%1的路线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No route from here</source>
        <translation>从此处无路线</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No map on this head unit covers where the car is</source>
        <translation>本机没有覆盖车辆所在位置的地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This place is beyond the edge of the map</source>
        <translation>此地点超出地图范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no road near the car</source>
        <translation>车辆附近没有道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no road near this place</source>
        <translation>此地点附近没有道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No road on the map leads there</source>
        <translation>地图上没有通往该处的道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The map cannot answer this</source>
        <translation>地图无法回答此请求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rerouting</source>
        <translation>正在重新规划路线</translation>
    </message>
</context>
</TS>
