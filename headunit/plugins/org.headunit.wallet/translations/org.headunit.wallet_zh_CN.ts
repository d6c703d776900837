<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+14"/>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking: %1</source>
        <translation>停车：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last receipt</source>
        <translation>最近收据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fuel and parking</source>
        <translation>加油与停车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay from the car when parked</source>
        <translation>停车时在车内付款</translation>
    </message>
</context>
<context>
    <name>WalletView</name>
    <message>
        <location filename="../qml/WalletView.qml" line="+16"/>
        <location line="+87"/>
        <source>Fuel</source>
        <translation>加油</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Parking: %1</source>
        <translation>停车：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last receipt</source>
        <translation>最近收据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+166"/>
        <source>Until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Payments are available when parked</source>
        <translation>停车时可以付款</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Pay at pump %1</source>
        <translation>在 %1 号加油机付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose your pump</source>
        <translation>选择加油机</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel fuelling</source>
        <translation>取消加油</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>End parking</source>
        <translation>结束停车</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>End parking automatically when the car drives away?</source>
        <translation>车辆驶离时自动结束停车？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zone %1 of %2</source>
        <extracomment>Shows the next parking zone near the car; %1 of %2 counts them.</extracomment>
        <translation>区域 %1/%2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Default card</source>
        <translation>默认银行卡</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+50"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Add a card</source>
        <translation>添加银行卡</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No receipts yet</source>
        <translation>暂无收据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past receipts keep it</source>
        <translation>以往收据仍会保留</translation>
    </message>
</context>
<context>
    <name>org.headunit.wallet</name>
    <message>
        <location filename="../wallet/store.py" line="+175"/>
        <source>Cards are not available offline yet</source>
        <translation>离线时暂无银行卡信息</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting for the car&apos;s position</source>
        <translation>正在等待车辆位置</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No fuel station on the map here</source>
        <translation>地图上此处没有加油站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fuel station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fuel station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This station does not take payments from the car</source>
        <translation>此加油站不支持车内付款</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Parking zones are not available: %1</source>
        <translation>无法获取停车区：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No parking zone here</source>
        <translation>此处没有停车区</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pump</source>
        <translation>加油机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fuel</source>
        <translation>加油</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold for</source>
        <translation>预授权油量</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>Confirm on the screen</source>
        <translation>请在屏幕上确认</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+97"/>
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Sent, waiting for the station</source>
        <translation>已发送，等待站点确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pump %1 is ready: start fuelling</source>
        <translation>%1 号加油机已就绪：请开始加油</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+98"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+98"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Paid %1 for %2 L</source>
        <translation>已为 %2 升支付 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: the hold was released</source>
        <translation>已取消：预授权已释放</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+239"/>
        <source>%1 per hour</source>
        <translation>每小时 %1</translation>
    </message>
    <message>
        <location line="-237"/>
        <location line="+121"/>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Sent, waiting for the parking operator</source>
        <translation>已发送，等待停车运营商确认</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Parking ends in 10 minutes</source>
        <translation>停车将在 10 分钟后结束</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ending parking…</source>
        <translation>正在结束停车…</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>%1 (%2 left)</source>
        <translation>%1（剩余 %2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Parking ended: %1</source>
        <translation>停车已结束：%1</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Parking could not be ended: %1</source>
        <translation>无法结束停车：%1</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>Park at a fuel pump to pay for fuel (nearest: %1, %2)</source>
        <translation>请停在加油机旁付款（最近：%1，%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fuel prices are not available right now</source>
        <translation>暂时无法获取油价</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo prices: no fuel is sold</source>
        <translation>演示价格：不实际售油</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Ending parking: the car drove away</source>
        <translation>正在结束停车：车辆已驶离</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The card could not be removed</source>
        <translation>无法删除该银行卡</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+61"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last receipt</source>
        <translation>最近收据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payments are available when parked</source>
        <translation>停车时可以付款</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Offline: cards as of %1</source>
        <translation>离线：银行卡信息更新于%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card yet: add one with your phone</source>
        <translation>尚无银行卡：请用手机添加</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fuel · pump %1 · %2 L</source>
        <translation>加油 · %1 号机 · %2 升</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Petrol</source>
        <translation>汽油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hold %1 for %2 L: you pay for what you pump</source>
        <translation>预授权 %1（%2 升）：按实际加油量付款</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
</TS>
