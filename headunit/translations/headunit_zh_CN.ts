<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../shell/about.py" line="+22"/>
        <source>Qt 6 and PySide6</source>
        <translation>Qt 6 和 PySide6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material Design Icons (via QtAwesome)</source>
        <translation>Material Design Icons（通过 QtAwesome）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apache-2.0 (icons), OFL-1.1 (font)</source>
        <translation>Apache-2.0（图标），OFL-1.1（字体）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noto Sans and Noto Sans CJK</source>
        <translation>Noto Sans 和 Noto Sans CJK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)</source>
        <translation>地图数据 © OpenStreetMap 贡献者，ODbL 1.0（openstreetmap.org/copyright）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (plugin API %2)</source>
        <extracomment>The version of HeadUnit (%1) and of the plugin API it implements (%2).</extracomment>
        <translation>%1（插件 API %2）</translation>
    </message>
</context>
<context>
    <name>AboutSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AboutSettings.qml" line="+21"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On this car only</source>
        <translation>仅保存在本车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Map data</source>
        <translation>地图数据</translation>
    </message>
</context>
<context>
    <name>AllApps</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AllApps.qml" line="+31"/>
        <source>All apps</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Apps</name>
    <message>
        <location filename="../host/apps.py" line="+104"/>
        <location line="+17"/>
        <source>%1 stopped working and was closed</source>
        <extracomment>A toast after an app failed; %1 is the app&apos;s name.</extracomment>
        <translation>“%1”已停止运行并已关闭</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>%1 used too much memory and was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; it used more memory than an app may.</extracomment>
        <translation>%1 占用内存过多，已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 used too much processor time and was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; it kept a processor busy for a minute.</extracomment>
        <translation>%1 占用处理器时间过多，已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was closed</source>
        <extracomment>A toast: %1 is the app&apos;s name; the driver closed it after it stopped responding.</extracomment>
        <translation>%1 已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 kept stopping and was turned off; turn it on in Settings › Apps</source>
        <extracomment>A toast: %1 is the app&apos;s name; it stopped three times in ten minutes.</extracomment>
        <translation>%1 反复停止运行，已停用；可在 设置 › 应用 中重新启用</translation>
    </message>
</context>
<context>
    <name>AppsSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/AppsSettings.qml" line="+13"/>
        <source>, </source>
        <extracomment>Between the items of a list, such as &quot;Internet, Location&quot;.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Internet</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle data</source>
        <translation>车辆数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Music library</source>
        <translation>音乐库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing apps</source>
        <translation>安装应用</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uses: %1</source>
        <extracomment>%1 lists what the app may use, such as &quot;Internet, Location&quot;.</extracomment>
        <translation>使用：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This app could not start. Details for support are under About › Diagnostics.</source>
        <translation>此应用无法启动。供技术支持使用的详细信息见“关于 › 诊断信息”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Turned off: %1</source>
        <extracomment>%1 is why the app was turned off, such as &quot;stopped 3 times in 10 minutes&quot;.</extracomment>
        <translation>已关闭：%1</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+14"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>ConfirmSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/ConfirmSheet.qml" line="+12"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConsentSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/ConsentSheet.qml" line="+51"/>
        <source>%1 (new)</source>
        <extracomment>Marks a capability an update adds; %1 is the capability, such as Location.</extracomment>
        <translation>%1（新增）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Update %1?</source>
        <extracomment>%1 is the app&apos;s name.</extracomment>
        <translation>更新%1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstall %1?</source>
        <translation>卸载%1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back %1?</source>
        <translation>回退%1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install %1?</source>
        <translation>安装%1？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version %1 → %2</source>
        <extracomment>From one version to another: %1 the installed one, %2 the new one.</extracomment>
        <translation>版本 %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asked by %1. Only you can allow it.</source>
        <extracomment>%1 is the app that asked, such as App mall.</extracomment>
        <translation>由%1请求。只有您可以允许。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This update asks for more. It waits until you allow it.</source>
        <translation>此更新需要更多权限，将等待您的允许。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This app asks for nothing on the head unit.</source>
        <translation>此应用不需要车机上的任何权限。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It will be allowed to:</source>
        <translation>它将被允许：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>After the update</source>
        <translation>更新后</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keep its data to find everything again if you install it later, or delete it now.</source>
        <translation>保留数据，以后重新安装时一切如旧；或者现在删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1 comes back with the data it had then; what the app saved since is lost.</source>
        <extracomment>%1 is the previous version.</extracomment>
        <translation>将恢复版本 %1 及其当时的数据；此后应用保存的内容将丢失。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Downloading and checking the package…</source>
        <translation>正在下载并检查安装包…</translation>
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
        <location line="+0"/>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalled</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled back to version %1</source>
        <translation>已回退到版本 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated to version %1</source>
        <translation>已更新到版本 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not installed: %1</source>
        <extracomment>%1 is why, as the installer says it (a bad signature, a changed file).</extracomment>
        <translation>未安装：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep data</source>
        <translation>保留数据</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete data</source>
        <translation>删除数据</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../qml/HeadUnit/Emulator/ControlPanel.qml" line="+31"/>
        <source>Simulated car</source>
        <translation>模拟车辆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Driving state: %1%2</source>
        <translation>驾驶状态：%1%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (signal lost)</source>
        <translation>（信号丢失）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drive  [P] parked  [I] idling  [D] moving</source>
        <translation>行驶  [P] 驻车  [I] 怠速  [D] 行驶</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Speed: %1 km/h  [↑/↓]</source>
        <translation>车速：%1 km/h  [↑/↓]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parking brake  [B]</source>
        <translation>驻车制动  [B]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headlights  [L]</source>
        <translation>大灯  [L]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network  [N]</source>
        <translation>网络  [N]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle signal lost  [S]</source>
        <translation>车辆信号丢失  [S]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ambient light sensor</source>
        <translation>环境光传感器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ambient light: %1 lx</source>
        <translation>环境光：%1 lx</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time %1 UTC (%2 h)  sun %3°</source>
        <translation>时间 %1 UTC（%2 h）  太阳 %3°</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Theme: %1 (%2)%3</source>
        <translation>显示模式：%1（%2）%3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>日间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no evidence</source>
        <translation>无依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, switching in %1 s</source>
        <translation>，%1 秒后切换</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2  heading %3°</source>
        <translation>%1, %2  航向 %3°</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Play the demo track  [T]</source>
        <translation>播放演示路线  [T]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop “%1”  [T]</source>
        <translation>停止“%1”  [T]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steering wheel</source>
        <translation>方向盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⏮ Previous</source>
        <translation>⏮ 上一首</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⏯ Play/Pause</source>
        <translation>⏯ 播放/暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⏭ Next</source>
        <translation>⏭ 下一首</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drive the route</source>
        <translation>沿路线行驶</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave the route</source>
        <translation>偏离路线</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fuel pump</source>
        <translation>加油机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fuel hold waiting</source>
        <translation>没有待加油的预授权</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dispense %1 L</source>
        <translation>加注 %1 升</translation>
    </message>
</context>
<context>
    <name>DiagnosticsSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/DiagnosticsSettings.qml" line="+22"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+13"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting / refused</source>
        <extracomment>Writes (orders, favourites…) waiting to reach the backend, and those it refused.</extracomment>
        <translation>等待中 / 被拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Palette</source>
        <translation>配色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As set (%1)</source>
        <translation>按设置（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radio hardware</source>
        <translation>收音机硬件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sources</source>
        <extracomment>Diagnostics, &quot;Vehicle sources&quot; when none is configured (the emulator&apos;s simulated car, a car without vehicle.toml): &quot;Sources: None&quot;.</extracomment>
        <translation>数据源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alive</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to About</source>
        <translation>返回“关于”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle sources</source>
        <translation>车辆数据源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 sent, %2 received</source>
        <extracomment>Data an app sent and received: %1 up, %2 down, such as &quot;1.2 kB&quot;.</extracomment>
        <translation>已发送 %1，已接收 %2</translation>
    </message>
</context>
<context>
    <name>Dock</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/Dock.qml" line="+35"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All apps</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recent apps</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>EmulatorWindow</name>
    <message>
        <location filename="../qml/HeadUnit/Emulator/EmulatorWindow.qml" line="+15"/>
        <source>HeadUnit emulator — %1×%2</source>
        <translation>HeadUnit 模拟器 — %1×%2</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/HomeView.qml" line="+112"/>
        <source>Up next</source>
        <translation>接下来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing coming up</source>
        <translation>暂无安排</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders show here</source>
        <translation>提醒会显示在这里</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+%1</source>
        <extracomment>How many more notifications wait besides the one on the card, e.g. &quot;+2&quot;.</extracomment>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display, units, language, apps</source>
        <translation>显示、单位、语言、应用</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>ItemGrid</name>
    <message numerus="yes">
        <location filename="../qml/HeadUnit/Controls/ItemGrid.qml" line="+73"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后可查看其余 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/ItemList.qml" line="+69"/>
        <source>Go deeper when parked</source>
        <translation>停车后可进入下一级</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后可查看其余 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/MapView.qml" line="+371"/>
        <source>No map is installed. Import one with: headunit maps import FILE.osm.pbf</source>
        <translation>未安装地图。请用以下命令导入：headunit maps import 文件.osm.pbf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Follow the car</source>
        <translation>跟随车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading up</source>
        <translation>车头朝上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>North up</source>
        <translation>正北朝上</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/MessageView.qml" line="+22"/>
        <source>Message text shows when parked</source>
        <translation>停车后显示消息内容</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/NotificationCenter.qml" line="+23"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No notifications</source>
        <translation>没有通知</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reminders, warnings on the road and messages from your apps show here.</source>
        <translation>提醒、路况警告和应用消息会显示在这里。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>h:mm AP</source>
        <extracomment>A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale&apos;s AM/PM.</extracomment>
        <translation>APh:mm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>NowPlaying</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/NowPlaying.qml" line="+68"/>
        <source>Previous</source>
        <translation>上一首</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>下一首</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <location filename="../host/packages_access.py" line="+493"/>
        <source>%1 was withdrawn by the store and is turned off</source>
        <translation>%1 已被商店撤回，现已关闭</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+85"/>
        <source>Installing apps needs the car parked</source>
        <translation>安装应用需要停车</translation>
    </message>
</context>
<context>
    <name>PairingSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/PairingSheet.qml" line="+78"/>
        <source>Link your phone</source>
        <translation>连接手机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Getting a code…</source>
        <translation>正在获取二维码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan with your phone to add a card. The code works once, for 10 minutes.</source>
        <translation>用手机扫描以添加银行卡。二维码仅可使用一次，10 分钟内有效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>PaymentSheet</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/PaymentSheet.qml" line="+54"/>
        <source>Asked by %1</source>
        <extracomment>%1 is the app that asks for the payment.</extracomment>
        <translation>由 %1 发起</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Confirm hold</source>
        <translation>确认预授权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start parking</source>
        <translation>开始停车</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../shell/payments.py" line="+217"/>
        <location line="+62"/>
        <source>Payments need the car parked</source>
        <translation>仅在停车时可以付款</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Hold placed: %1. Start fuelling at the pump</source>
        <translation>已预授权 %1。请开始加油</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parking started at %1</source>
        <translation>已开始停车：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid %1 to %2</source>
        <translation>已向 %2 支付 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card was declined</source>
        <translation>银行卡被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough funds on the card</source>
        <translation>卡内余额不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card has expired</source>
        <translation>银行卡已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Hold %1</source>
        <translation>预授权 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You pay for what you pump; the rest of the hold is released</source>
        <translation>按实际加油量付款，其余预授权金额将释放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Billed by the minute; the rest of the hold is released</source>
        <translation>按分钟计费，其余预授权金额将释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The final amount is charged later; the rest is released</source>
        <translation>最终金额稍后扣款，其余部分将释放</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Loading your cards…</source>
        <translation>正在加载银行卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card on file: add one with your phone</source>
        <translation>尚无银行卡：请用手机添加</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cards as of a moment ago (offline)</source>
        <translation>刚才的银行卡信息（离线）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cards as of %1 min ago (offline)</source>
        <translation>%1 分钟前的银行卡信息（离线）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards as of %1 h ago (offline)</source>
        <translation>%1 小时前的银行卡信息（离线）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to send: no connection. It is sent once the car is online</source>
        <translation>等待发送：无网络连接。车辆联网后将自动发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent, waiting for the station</source>
        <translation>已发送，等待站点确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent, waiting for the merchant</source>
        <translation>已发送，等待商户确认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not sent in time: nothing was charged</source>
        <translation>未能及时发送：未扣任何费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be sent: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+54"/>
        <source>Linking a phone needs the car parked</source>
        <translation>仅在停车时可以连接手机</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Linking a phone needs a connection</source>
        <translation>连接手机需要网络连接</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The phone link could not be made (%1)</source>
        <translation>无法创建手机连接（%1）</translation>
    </message>
</context>
<context>
    <name>RecentApps</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/RecentApps.qml" line="+53"/>
        <source>No recent apps</source>
        <translation>没有最近使用的应用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apps you open show here, to switch back in one tap.</source>
        <translation>打开过的应用会显示在这里，轻点一下即可切换回去。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Close %1</source>
        <extracomment>Closes one app in the recent apps; %1 is the app&apos;s name.</extracomment>
        <translation>关闭%1</translation>
    </message>
</context>
<context>
    <name>SandboxOverlays</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/SandboxOverlays.qml" line="+37"/>
        <source>Third-party apps run without a sandbox</source>
        <translation>第三方应用未在沙盒中运行</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not responding</source>
        <extracomment>%1 is the app&apos;s name.</extracomment>
        <translation>%1 无响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for it, or close it</source>
        <translation>等待或关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close app</source>
        <translation>关闭应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
</context>
<context>
    <name>SearchEntry</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/SearchEntry.qml" line="+11"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/SettingsView.qml" line="+14"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+199"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Theme</source>
        <translation>显示模式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>日间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>low ambient light</source>
        <translation>环境光较暗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bright ambient light</source>
        <translation>环境光明亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>headlights on</source>
        <translation>大灯已开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>headlights off</source>
        <translation>大灯已关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sun below the horizon</source>
        <translation>太阳在地平线以下</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sun above the horizon</source>
        <translation>太阳在地平线以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no light sensor, headlights or position yet</source>
        <translation>暂无光线传感器、大灯或位置信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Night until the next start</source>
        <translation>夜间模式，直到下次启动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day until the next start</source>
        <translation>日间模式，直到下次启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (now night: %1)</source>
        <translation>自动（当前夜间：%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic (now day: %1)</source>
        <translation>自动（当前日间：%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Brightness at night</source>
        <translation>夜间亮度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brightness by day</source>
        <translation>日间亮度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dimmer</source>
        <translation>调暗</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Brighter</source>
        <translation>调亮</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kilometres</source>
        <translation>公里</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Miles</source>
        <translation>英里</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>24-hour</source>
        <translation>24 小时制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>12-hour</source>
        <translation>12 小时制</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Opening this car&apos;s data…</source>
        <translation>正在打开本车的数据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This car&apos;s data could not be opened</source>
        <translation>无法打开本车的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details for support are under About › Diagnostics.</source>
        <translation>供技术支持使用的详细信息见“关于 › 诊断信息”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On this car only (no account)</source>
        <translation>仅保存在本车上（无账户）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites, destinations, playlists and settings are kept on this car. Link a phone to keep them on your account too.</source>
        <translation>收藏、目的地、播放列表和设置保存在本车上。连接手机即可同时保存到您的账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for approval on your phone</source>
        <translation>等待在手机上批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the companion page on a device already on your account and approve this car there. Its data stays here meanwhile.</source>
        <translation>请在已登录您账户的设备上打开配套页面，并在那里批准本车。在此期间，数据保留在本车上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed from the account: %1</source>
        <translation>已从账户中移除：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its data and unsent changes stay on this car. Link a phone to add it to an account again.</source>
        <translation>本车的数据和未发送的更改仍保留在车上。连接手机即可将其重新加入账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reaching your account…</source>
        <translation>正在连接您的账户…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes are kept on this car until the account answers.</source>
        <translation>在账户响应之前，更改会保存在本车上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked to your account</source>
        <translation>已连接到您的账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept on %1 and on this car</source>
        <translation>保存在 %1 和本车上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where this car&apos;s data is</source>
        <translation>本车数据的存放位置</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Changes waiting to be sent: %1</source>
        <extracomment>Writes made on the car that the account has not received yet.</extracomment>
        <translation>等待发送的更改：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link a phone to this car&apos;s account to add and manage payment cards</source>
        <translation>将手机连接到本车账户，以添加和管理支付卡</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link a phone</source>
        <translation>连接手机</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/Shell.qml" line="+37"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/ShellWindow.qml" line="+14"/>
        <source>HeadUnit</source>
        <translation>HeadUnit</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/StatusBar.qml" line="+39"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No vehicle signal</source>
        <translation>无车辆信号</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No GPS</source>
        <translation>无 GPS 信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No brake signal</source>
        <translation>无驻车制动信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gear signal</source>
        <translation>无挡位信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No OBD-II</source>
        <translation>无 OBD-II 信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No CAN bus</source>
        <translation>无 CAN 总线信号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · </source>
        <extracomment>Between two missing vehicle signals in the status bar, e.g. &quot;No GPS · No brake signal&quot;.</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Parked</source>
        <translation>已停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>静止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Driving</source>
        <translation>行驶中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n waiting</source>
        <extracomment>Operations (orders, favourites…) waiting to reach the backend.</extracomment>
        <translation>
            <numerusform>%n 项待发送</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not synced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Outside %1</source>
        <translation>室外 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>h:mm AP</source>
        <extracomment>A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale&apos;s AM/PM.</extracomment>
        <translation>APh:mm</translation>
    </message>
</context>
<context>
    <name>TemplateView</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/TemplateView.qml" line="+138"/>
        <source>Available when parked</source>
        <translation>停车后可用</translation>
    </message>
</context>
<context>
    <name>TextEntry</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/TextEntry.qml" line="+65"/>
        <source>Typing is available when parked</source>
        <translation>停车后可输入文字</translation>
    </message>
</context>
<context>
    <name>VehicleProfile</name>
    <message>
        <location filename="../vehicle/profile.py" line="+357"/>
        <source>The vehicle can be changed when parked</source>
        <translation>驻车后才能修改车辆</translation>
    </message>
    <message>
        <location line="+470"/>
        <source>Only the shell&apos;s Settings change the vehicle</source>
        <translation>只有系统设置可以修改车辆</translation>
    </message>
</context>
<context>
    <name>VehicleSettings</name>
    <message>
        <location filename="../qml/HeadUnit/Shell/VehicleSettings.qml" line="+19"/>
        <source>Petrol</source>
        <translation>汽油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Electric</source>
        <translation>纯电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid</source>
        <translation>混合动力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plug-in hybrid</source>
        <translation>插电混动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hatchback</source>
        <translation>两厢</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estate</source>
        <translation>旅行车</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saloon</source>
        <translation>三厢</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickup</source>
        <translation>皮卡</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Africa</source>
        <translation>非洲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asia</source>
        <translation>亚洲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Europe</source>
        <translation>欧洲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>North America</source>
        <translation>北美</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oceania</source>
        <translation>大洋洲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>South America</source>
        <translation>南美</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 mi</source>
        <translation>%1 英里</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A VIN has 17 letters and digits; this one has %1</source>
        <translation>车架号应有 17 位字母和数字，此号码有 %1 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character %1 cannot be in a VIN (never I, O or Q)</source>
        <translation>第 %1 位字符不能出现在车架号中（不用 I、O、Q）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check digit (character 9) does not match: a character is mistyped</source>
        <translation>校验位（第 9 位）不符：有字符输错</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Character 10 is not a model year code</source>
        <translation>第 10 位不是车型年份代码</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No vehicle chosen</source>
        <translation>未选择车辆</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 L tank</source>
        <translation>油箱 %1 升</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kWh battery</source>
        <translation>电池 %1 千瓦时</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>VIN %1</source>
        <translation>车架号 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Odometer %1</source>
        <translation>里程 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Enter VIN</source>
        <translation>输入车架号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>17 characters, as on the windscreen</source>
        <translation>17 位，与挡风玻璃上一致</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decode</source>
        <translation>解析</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is refused: %2</source>
        <translation>%1 无效：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown manufacturer</source>
        <translation>制造商未知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model year %1</source>
        <translation>%1 款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model year not given</source>
        <translation>未注明年款</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the backend for more…</source>
        <translation>正在向后台查询更多信息…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the backend: %1</source>
        <translation>后台信息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backend knows nothing more about this VIN</source>
        <translation>后台没有此车架号的更多信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backend could not be asked; decoded on this car</source>
        <translation>无法查询后台；已在车上解析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded on this car (no backend link)</source>
        <translation>已在车上解析（未连接后台）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generation</source>
        <translation>代次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Engine</source>
        <translation>发动机</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Body</source>
        <translation>车身</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tyre size</source>
        <translation>轮胎规格</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Odometer (mi)</source>
        <translation>里程（英里）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Odometer (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As the car&apos;s odometer reads</source>
        <translation>按车上里程表读数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forget this vehicle</source>
        <translation>删除此车辆</translation>
    </message>
</context>
<context>
    <name>VideoSurface</name>
    <message>
        <location filename="../qml/HeadUnit/Controls/VideoSurface.qml" line="+26"/>
        <source>Video shows when parked</source>
        <translation>停车后播放视频</translation>
    </message>
</context>
</TS>
