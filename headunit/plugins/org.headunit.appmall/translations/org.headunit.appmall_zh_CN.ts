<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../appmall/mall.py" line="+259"/>
        <source>Downloading and checking…</source>
        <translation>正在下载并检查…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for your answer on the sheet</source>
        <translation>等待您在确认窗口中回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalling…</source>
        <translation>正在卸载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling back…</source>
        <translation>正在回退…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalled</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled back</source>
        <translation>已回退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing apps needs the car parked</source>
        <translation>安装应用需要停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another request is waiting on the sheet</source>
        <translation>另一个请求正在确认窗口中等待</translation>
    </message>
</context>
<context>
    <name>AppList</name>
    <message>
        <location filename="../qml/AppList.qml" line="+22"/>
        <source>Search apps</source>
        <translation>搜索应用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the apps…</source>
        <translation>正在加载应用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No app found</source>
        <translation>未找到应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every app is up to date</source>
        <translation>所有应用均为最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No app installed from the mall yet</source>
        <translation>尚未从商城安装应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apps yet</source>
        <translation>暂无应用</translation>
    </message>
</context>
<context>
    <name>AppPage</name>
    <message>
        <location filename="../qml/AppPage.qml" line="+61"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Roll back to %1</source>
        <extracomment>%1 is the version it goes back to.</extracomment>
        <translation>回退到 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uninstall</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>What it may use</source>
        <translation>可使用的权限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing on the head unit</source>
        <translation>不使用车机上的任何权限</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (new in the update)</source>
        <extracomment>Marks what an update would add; %1 is the capability, such as Location.</extracomment>
        <translation>%1（更新中新增）</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+18"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+13"/>
        <source>App mall</source>
        <translation>应用商城</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updates</source>
        <translation>
            <numerusform>%n 个更新</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apps for your car</source>
        <translation>适合您爱车的应用</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n apps</source>
        <translation>
            <numerusform>%n 个应用</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>org.headunit.appmall</name>
    <message>
        <location filename="../appmall/mall.py" line="-180"/>
        <source>Offline: the apps as last seen</source>
        <translation>离线：显示上次看到的应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app store cannot be reached</source>
        <translation>无法连接应用商店</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update</source>
        <translation>有更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+49"/>
        <source>No ratings yet</source>
        <translation>暂无评分</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>★ %1 · %2 ratings</source>
        <translation>★ %1 · %2 条评分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version %1 installed, %2 available</source>
        <translation>已安装 %1 版，可更新到 %2 版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Installing and removing apps is available when parked</source>
        <translation>停车后才能安装和删除应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the one in progress</source>
        <translation>正在等待当前请求</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Asking…</source>
        <translation>正在请求…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Update to %1</source>
        <translation>更新到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install and update when parked</source>
        <translation>停车后安装和更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apps in the mall: %1</source>
        <translation>商城中的应用：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Updates waiting: %1</source>
        <translation>待更新：%1</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+1"/>
        <source>App mall</source>
        <translation>应用商城</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apps for your car</source>
        <translation>适合您爱车的应用</translation>
    </message>
</context>
</TS>
