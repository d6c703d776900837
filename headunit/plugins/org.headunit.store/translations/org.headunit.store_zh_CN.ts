<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BasketLine</name>
    <message>
        <location filename="../qml/BasketLine.qml" line="+49"/>
        <source>One less</source>
        <translation>减少一件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>One more</source>
        <translation>增加一件</translation>
    </message>
</context>
<context>
    <name>BasketPage</name>
    <message>
        <location filename="../qml/BasketPage.qml" line="+25"/>
        <source>Basket</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Your basket is empty</source>
        <translation>购物车是空的</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parts for my car</source>
        <translation>适合我车的配件</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checkout · %1</source>
        <translation>结算 · %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkout needs the car parked</source>
        <translation>结算需要停车</translation>
    </message>
</context>
<context>
    <name>BookingDetail</name>
    <message>
        <location filename="../qml/BookingDetail.qml" line="+83"/>
        <source>Navigate</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New time</source>
        <translation>改时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A new time or cancelling needs the car parked</source>
        <translation>改时间或取消需要停车</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel the appointment?</source>
        <translation>取消此预约？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parts wait at the workshop for collection</source>
        <translation>零件在维修店等待取货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>BookingReschedule</name>
    <message>
        <location filename="../qml/BookingReschedule.qml" line="+19"/>
        <source>Booked for %1</source>
        <translation>已预约 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A new time needs the car parked</source>
        <translation>改时间需要停车</translation>
    </message>
</context>
<context>
    <name>BrowseCategories</name>
    <message numerus="yes">
        <location filename="../qml/BrowseCategories.qml" line="+95"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowseList</name>
    <message>
        <location filename="../qml/BrowseList.qml" line="+50"/>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing here yet</source>
        <translation>这里还没有内容</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../qml/BrowsePage.qml" line="+29"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For your %1</source>
        <translation>适合您的 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For my car</source>
        <translation>适合我的车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessory store</source>
        <translation>配件商城</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n 件商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n parts fit or may fit</source>
        <translation>
            <numerusform>%n 件配件适合或可能适合</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts checked against your %1</source>
        <translation>已按您的 %1 核对配件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All parts</source>
        <translation>全部配件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Search parts and accessories</source>
        <translation>搜索配件和附件</translation>
    </message>
</context>
<context>
    <name>CheckoutAddress</name>
    <message>
        <location filename="../qml/CheckoutAddress.qml" line="+15"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street and number</source>
        <translation>街道和门牌号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country code (MC, FR, DE…)</source>
        <translation>国家代码（MC、FR、DE…）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delivery address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No address yet</source>
        <translation>尚无地址</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <location filename="../qml/CheckoutPage.qml" line="+42"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkout</source>
        <translation>结算</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Order placed: %1</source>
        <translation>已下单：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fitting at %1, %2</source>
        <translation>在 %1 安装，%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time you chose was taken meanwhile: this is the nearest free one</source>
        <translation>您选的时间已被占用：这是最近的空闲时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deliver home</source>
        <translation>送货上门</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fit at a workshop</source>
        <translation>到店安装</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pay %1</source>
        <translation>支付 %1</translation>
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
        <source>For my car</source>
        <translation>适合我的车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basket</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
</context>
<context>
    <name>MaintenanceDetail</name>
    <message>
        <location filename="../qml/MaintenanceDetail.qml" line="+40"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+46"/>
        <source>Mark as done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Marking as done needs the car parked</source>
        <translation>标记完成需要停车</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Parts that fit your car</source>
        <translation>适配您车辆的零件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No part in the catalog fits yet</source>
        <translation>目录中暂无适配零件</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: mark as done?</source>
        <translation>%1：标记为完成？</translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message>
        <location filename="../qml/MaintenancePage.qml" line="+37"/>
        <source>Your car</source>
        <translation>您的车辆</translation>
    </message>
</context>
<context>
    <name>OrdersDetail</name>
    <message>
        <location filename="../qml/OrdersDetail.qml" line="+34"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Workshop appointment</source>
        <translation>维修店预约</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../qml/OrdersPage.qml" line="+68"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No orders yet</source>
        <translation>暂无订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No workshop appointments</source>
        <translation>暂无维修店预约</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="+37"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Part %1</source>
        <translation>零件号 %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Add another (%1 in basket)</source>
        <translation>再加一件（购物车中 %1 件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to basket</source>
        <translation>加入购物车</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 ★ · %n reviews</source>
        <translation>
            <numerusform>%1 ★ · %n 条评价</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
</context>
<context>
    <name>ReviewsCard</name>
    <message>
        <location filename="../qml/ReviewsCard.qml" line="+43"/>
        <source>Reported</source>
        <translation>已举报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verified purchase</source>
        <translation>已验证购买</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drives a %1</source>
        <translation>车辆：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review text shows when parked</source>
        <translation>停车后显示评价内容</translation>
    </message>
</context>
<context>
    <name>ReviewsHistogram</name>
    <message numerus="yes">
        <location filename="../qml/ReviewsHistogram.qml" line="+20"/>
        <source>%n reviews</source>
        <translation>
            <numerusform>%n 条评价</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <location filename="../qml/ReviewsPage.qml" line="+38"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your review</source>
        <translation>您的评价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write a review</source>
        <translation>写评价</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Why report this review?</source>
        <translation>为什么举报这条评价？</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reviews yet</source>
        <translation>暂无评价</translation>
    </message>
</context>
<context>
    <name>ReviewsWrite</name>
    <message numerus="yes">
        <location filename="../qml/ReviewsWrite.qml" line="+27"/>
        <source>%n stars</source>
        <translation>
            <numerusform>%n 星</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What was it like to fit and use?</source>
        <translation>安装和使用感受如何？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown with your car: %1</source>
        <translation>将显示您的车辆：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Publish review</source>
        <translation>发布评价</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="+19"/>
        <source>Accessory store</source>
        <translation>配件商城</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Basket %1</source>
        <translation>购物车 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For your %1</source>
        <translation>适合您的 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts that fit your car</source>
        <translation>适合您车的配件</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n parts</source>
        <translation>
            <numerusform>%n 件配件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered or fitted</source>
        <translation>送货或到店安装</translation>
    </message>
</context>
<context>
    <name>WorkshopHeader</name>
    <message>
        <location filename="../qml/WorkshopHeader.qml" line="+19"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>WorkshopPicker</name>
    <message>
        <location filename="../qml/WorkshopPicker.qml" line="+31"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mi</source>
        <translation>英里</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Near the car</source>
        <translation>附近</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On the route</source>
        <translation>沿途</translation>
    </message>
</context>
<context>
    <name>WorkshopSlots</name>
    <message>
        <location filename="../qml/WorkshopSlots.qml" line="+26"/>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1, taken</source>
        <translation>%1，已占用</translation>
    </message>
</context>
<context>
    <name>org.headunit.store</name>
    <message>
        <location filename="../store/service.py" line="+280"/>
        <source>Updated just now</source>
        <translation>刚刚更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated %1 min ago</source>
        <translation>%1 分钟前更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated %1 h ago</source>
        <translation>%1 小时前更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated %1 days ago</source>
        <translation>%1 天前更新</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+228"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+226"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../store/words.py" line="+172"/>
        <source>Ready at the workshop</source>
        <translation>已到维修店</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../store/words.py" line="+0"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../store/words.py" line="+1"/>
        <source>Fitted</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No route is being guided</source>
        <translation>当前没有导航路线</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the car&apos;s position</source>
        <translation>正在等待车辆位置</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Workshops are not available offline yet</source>
        <translation>离线时暂无维修店信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workshops are not available: %1</source>
        <translation>维修店信息不可用：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No partner workshop on the route</source>
        <translation>路线上没有合作维修店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No partner workshop near the car</source>
        <translation>附近没有合作维修店</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open until %1</source>
        <translation>营业至 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at %1</source>
        <translation>%1 开门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed now</source>
        <translation>现已关门</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Looking for free times…</source>
        <translation>正在查找空闲时段…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Free times need a connection</source>
        <translation>查看空闲时段需要联网</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No free time this day</source>
        <translation>当天没有空闲时段</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Orders are not available offline yet</source>
        <translation>离线时暂无订单</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../store/shop.py" line="+925"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 and %2 more</source>
        <translation>%1 等 %2 件</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <location filename="../store/shop.py" line="+41"/>
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <location filename="../store/shop.py" line="+2"/>
        <source>Sent, waiting for the shop</source>
        <translation>已发送，等待商店确认</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ordered %1</source>
        <translation>下单于 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To %1</source>
        <translation>寄至 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fitted at a workshop</source>
        <translation>在维修店安装</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+98"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Moved</source>
        <translation>已改期</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Moved from %1: that time was taken</source>
        <translation>已从 %1 改期：该时段已被占用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancellation waiting to send</source>
        <translation>取消请求等待发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to %1 waiting to send</source>
        <translation>改至 %1 的请求等待发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled: the parts wait at the workshop for collection</source>
        <translation>已取消：零件在维修店等待取货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment passed</source>
        <translation>预约已过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Changing an appointment needs the car parked</source>
        <translation>修改预约需要停车</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../store/shop.py" line="-241"/>
        <location line="+255"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Moved to %1</source>
        <translation>已改至 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not sent in time: nothing was changed</source>
        <translation>未能及时发送：未做任何更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The appointment has begun: it can no longer be changed</source>
        <translation>预约已开始：无法再更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time was just taken: pick another</source>
        <translation>该时段刚被占用：请另选时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workshop no longer knows this appointment</source>
        <translation>维修店已找不到此预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workshop refused the change</source>
        <translation>维修店拒绝了此更改</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This workshop has no position</source>
        <translation>此维修店没有位置信息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Navigation is not available</source>
        <translation>导航不可用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Workshop appointment in %1 min</source>
        <translation>%1 分钟后维修店预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Service reminders are not available</source>
        <translation>保养提醒不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up your car in Settings › Vehicle for service reminders</source>
        <translation>请在 设置 › 车辆 中设置车辆以获取保养提醒</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Engine oil</source>
        <translation>机油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oil filter</source>
        <translation>机油滤清器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Air filter</source>
        <translation>空气滤清器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cabin filter</source>
        <translation>空调滤清器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wiper blades</source>
        <translation>雨刮片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tyres</source>
        <translation>轮胎</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overdue by %1 km</source>
        <translation>已超出 %1 公里</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due in %1 km or by %2</source>
        <translation>%1 公里后或 %2 前到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due in %1 km</source>
        <translation>%1 公里后到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due by %1</source>
        <translation>%1 前到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No service recorded yet</source>
        <translation>尚无保养记录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Service due: %1</source>
        <translation>保养到期：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Fits if you confirm a detail</source>
        <translation>确认一项信息后适配</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Last done %1 at %2 km</source>
        <translation>上次：%1，%2 公里</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last done %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Marking a service as done needs the car parked</source>
        <translation>标记保养完成需要停车</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 marked as done</source>
        <translation>%1 已标记为完成</translation>
    </message>
    <message>
        <location filename="../store/shop.py" line="-454"/>
        <source>The catalog could not be updated: %1</source>
        <translation>目录无法更新：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog cannot be read: %1</source>
        <translation>无法读取目录：%1</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+674"/>
        <source>%1 parts</source>
        <translation>%1 件配件</translation>
    </message>
    <message>
        <location line="-652"/>
        <source>Results for “%1”</source>
        <translation>“%1”的结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For my car</source>
        <translation>适合我的车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Popular</source>
        <translation>热门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price: low to high</source>
        <translation>价格从低到高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price: high to low</source>
        <translation>价格从高到低</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best rated</source>
        <translation>评分最高</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Loading the catalog…</source>
        <translation>正在加载目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog loads when the car is online</source>
        <translation>车辆联网后加载目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. Showing the catalog as of %2</source>
        <translation>%1。显示 %2 的目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: catalog as of %1</source>
        <translation>离线：%1 的目录</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This product is not in the catalog on the car yet</source>
        <translation>车内目录中还没有此商品</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reviews load when the car is online</source>
        <translation>车辆联网后加载评价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews could not be read: %1</source>
        <translation>无法读取评价：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline: reviews as of %1</source>
        <translation>离线：%1 的评价</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A partner workshop can fit it in %1 min</source>
        <translation>合作维修店可在 %1 分钟内安装</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+30"/>
        <source>Writing a review needs the car parked</source>
        <translation>写评价需要停车</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Spam or advertising</source>
        <translation>垃圾信息或广告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offensive</source>
        <translation>冒犯性内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not about this product</source>
        <translation>与本商品无关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fake review</source>
        <translation>虚假评价</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reporting the review…</source>
        <translation>正在举报评价…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose from one to five stars</source>
        <translation>请选择一到五星</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending your review…</source>
        <translation>正在发送您的评价…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Thank you: the review was reported</source>
        <translation>谢谢：该评价已被举报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account has already reported this review, or wrote it</source>
        <translation>您的账户已举报过或撰写了这条评价</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report was not sent</source>
        <translation>举报未发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you: your review is published</source>
        <translation>谢谢：您的评价已发布</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You have already reviewed this product</source>
        <translation>您已评价过此商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your review was not published</source>
        <translation>您的评价未发布</translation>
    </message>
    <message>
        <location line="+80"/>
        <location line="+69"/>
        <location line="+37"/>
        <location line="+44"/>
        <location line="+66"/>
        <source>Checkout needs the car parked</source>
        <translation>结算需要停车</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>something in the basket</source>
        <translation>购物车中的商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a workshop and a time</source>
        <translation>维修店和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fitted at %1</source>
        <translation>在 %1 安装</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 items</source>
        <translation>%1 件商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For</source>
        <translation>适用车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+123"/>
        <source>Accessory store</source>
        <translation>配件商城</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Still needed: %1</source>
        <translation>还需要：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order cannot be paid: %1</source>
        <translation>订单无法支付：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm on the screen</source>
        <translation>请在屏幕上确认</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Order placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is no longer in stock: take it out of the basket</source>
        <translation>%1 已无库存：请将其移出购物车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workshop</source>
        <translation>维修店</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basket: %1 items</source>
        <translation>购物车：%1 件商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing on order</source>
        <translation>暂无订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse the store when parked</source>
        <translation>停车后浏览商城</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For your %1</source>
        <translation>适合您的 %1</translation>
    </message>
    <message>
        <location filename="../store/words.py" line="-139"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>petrol</source>
        <translation>汽油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>electric</source>
        <translation>纯电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>混动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plug-in hybrid</source>
        <translation>插电混动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hatchback</source>
        <translation>两厢</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>estate</source>
        <translation>旅行车</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>saloon</source>
        <translation>三厢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pickup</source>
        <translation>皮卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>front</source>
        <translation>前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rear</source>
        <translation>后</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>front and rear</source>
        <translation>前后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>driver&apos;s side</source>
        <translation>驾驶员侧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passenger&apos;s side</source>
        <translation>副驾驶侧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all round</source>
        <translation>全车</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your car is a %1 model</source>
        <translation>您的车是 %1 年款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the model year matches</source>
        <translation>车型年份相符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your engine is %1</source>
        <translation>您的发动机是 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your car runs on %1</source>
        <translation>您的车使用 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your car is a %1</source>
        <translation>您的车是 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your tyres are %1</source>
        <translation>您的轮胎是 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>your car has %1</source>
        <translation>您的车配有 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>made for %1 cars</source>
        <translation>适用于 %1 车型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made for other makes</source>
        <translation>适用于其他品牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>made for the %1</source>
        <translation>适用于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made for other models</source>
        <translation>适用于其他车型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 models</source>
        <translation>适用于 %1 年款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 engines</source>
        <translation>适用于 %1 发动机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1 cars</source>
        <translation>适用于 %1 车辆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for the %1 body</source>
        <translation>适用于 %1 车身</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for %1 tyres</source>
        <translation>适用于 %1 轮胎</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tell the store your car in Settings › Vehicle</source>
        <translation>请在 设置 › 车辆 中填写您的车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shop gives no fitment data</source>
        <translation>商家未提供适配数据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>set of %1</source>
        <translation>%1 件一套</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fits</source>
        <translation>适合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any car</source>
        <translation>所有车型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your %1</source>
        <translation>您的 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your car</source>
        <translation>您的车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fits: %1</source>
        <translation>适合：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fits if</source>
        <translation>适合，如果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fits if: %1</source>
        <translation>适合，如果：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not fit</source>
        <translation>不适合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not fit: %1</source>
        <translation>不适合：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit unknown</source>
        <translation>适配未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit unknown: %1</source>
        <translation>适配未知：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only %1 left</source>
        <translation>仅剩 %1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Being prepared</source>
        <translation>备货中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On its way</source>
        <translation>运输中</translation>
    </message>
</context>
</TS>
