<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../desktop/pages/activities.py" line="176"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="176"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="176"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="176"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="183"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="184"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="185"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="186"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="187"/>
        <source>未来 30 天</source>
        <translation>Next 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="188"/>
        <source>过去 30 天</source>
        <translation>Past 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="189"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="193"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="196"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="198"/>
        <source>搜索名称、地点、简介或组织（Ctrl+F）</source>
        <translation>Search title, place, description or organisation (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="200"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="200"/>
        <source>新建一个活动草稿 (Ctrl+N)</source>
        <translation>Create a draft activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="201"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="201"/>
        <source>编辑选中的活动 (Ctrl+E 或回车)</source>
        <translation>Edit the selected activity (Ctrl+E or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="203"/>
        <source>复制为新活动</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="204"/>
        <source>以选中活动为模板新建 (Ctrl+D)</source>
        <translation>Create a new activity from the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="206"/>
        <source>发布选中的草稿 (Ctrl+P)</source>
        <translation>Publish the selected draft (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="206"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="207"/>
        <location filename="../../desktop/pages/activities.py" line="420"/>
        <source>取消活动</source>
        <translation>Cancel activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="207"/>
        <source>取消选中的活动</source>
        <translation>Cancel the selected activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="208"/>
        <source>活动结束后标记为已完成</source>
        <translation>Mark as completed once it is over</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="208"/>
        <source>标记完成</source>
        <translation>Mark completed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="209"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="209"/>
        <source>删除选中的草稿 (Delete)</source>
        <translation>Delete the selected draft (Delete)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="210"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="210"/>
        <source>显示全部活动</source>
        <translation>Show all activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="211"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="299"/>
        <source>共 {n} 个活动</source>
        <translation>{n} activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="354"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="358"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="373"/>
        <source>新建“{title}”</source>
        <translation>create “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="387"/>
        <source>不能修改</source>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="388"/>
        <source>活动已{status}，不能再修改。</source>
        <translation>The activity is {status} and can no longer be edited.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="397"/>
        <source>修改“{title}”</source>
        <translation>edit “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="407"/>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="421"/>
        <source>确定取消“{title}”吗？已报名的青年将看到活动已取消。</source>
        <translation>Cancel “{title}”? Youths who registered will see that it was cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="426"/>
        <source>发布“{title}”</source>
        <translation>publish “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="427"/>
        <source>取消“{title}”</source>
        <translation>cancel “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="428"/>
        <source>完成“{title}”</source>
        <translation>complete “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="440"/>
        <source>删除草稿“{title}”</source>
        <translation>delete draft “{title}”</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="226"/>
        <source>编辑活动</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="226"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="227"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="228"/>
        <source>时间安排</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="229"/>
        <source>报名与联系</source>
        <translation>Registration and contact</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="233"/>
        <source>活动名称*</source>
        <translation>Title*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="234"/>
        <source>活动类别*</source>
        <translation>Category*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="235"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="236"/>
        <source>所在地区*</source>
        <translation>Region*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="237"/>
        <source>活动地点*</source>
        <translation>Place*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="238"/>
        <source>坐标（可选）</source>
        <translation>Coordinates (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="245"/>
        <source>开始时间*</source>
        <translation>Starts*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="245"/>
        <source>结束时间*</source>
        <translation>Ends*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="245"/>
        <source>报名开始</source>
        <translation>Registration opens</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="245"/>
        <source>报名截止*</source>
        <translation>Registration closes*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="251"/>
        <source>招募人数*</source>
        <translation>Places*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="251"/>
        <source>选项</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="251"/>
        <source>联系人/电话</source>
        <translation>Contact / phone</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="251"/>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="255"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="256"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="257"/>
        <source>如 118.78</source>
        <translation>e.g. 118.78</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="258"/>
        <source>如 32.04</source>
        <translation>e.g. 32.04</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="259"/>
        <source>如：江宁区青年创业沙龙（第3期）</source>
        <translation>e.g. Jiangning Youth Start-up Salon (No. 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="260"/>
        <source>如：江宁区青年创业园 3 楼报告厅</source>
        <translation>e.g. Jiangning Youth Start-up Park, 3rd floor hall</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="261"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="262"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="263"/>
        <source>报名需要审核</source>
        <translation>Registrations need review</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="264"/>
        <source>设为精选活动</source>
        <translation>Featured activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="265"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="266"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="267"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="119"/>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="120"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="121"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="122"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="123"/>
        <source>活动时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="124"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="125"/>
        <source>已通过/名额</source>
        <translation>Seats taken</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="126"/>
        <source>精选</source>
        <translation>★</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="159"/>
        <source>（{n} 待审）</source>
        <translation> ({n} to review)</translation>
    </message>
</context>
<context>
    <name>FollowerTableModel</name>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="123"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="124"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="125"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="126"/>
        <source>关注的组织</source>
        <translation>Follows</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="127"/>
        <source>关注时间</source>
        <translation>Following since</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="128"/>
        <source>来源活动</source>
        <translation>Came through</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="129"/>
        <source>参加活动</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="130"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="144"/>
        <source>未满 {age} 周岁：处理其个人信息需征得监护人同意（{consent}）</source>
        <translation>Under {age}: processing their personal data needs a guardian's consent ({consent})</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="157"/>
        <source>{name}（未满{age}岁）</source>
        <translation>{name} (under {age})</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="184"/>
        <source>尚未确认监护人意见</source>
        <translation>guardian not asked yet</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="188"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="189"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="190"/>
        <source>未知</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>FollowersPage</name>
    <message>
        <location filename="../../desktop/pages/followers.py" line="178"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="179"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="182"/>
        <source>搜索姓名或手机尾号（Ctrl+F）</source>
        <translation>Search name or last digits of mobile (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="183"/>
        <source>粉丝列表</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="184"/>
        <source>增长趋势</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="185"/>
        <source>通知记录</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="188"/>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="189"/>
        <source>给选中的粉丝或全部筛选结果添加标签 (Ctrl+T)</source>
        <translation>Tag the selected followers or all that match the filter (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="192"/>
        <source>移除标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="193"/>
        <source>从选中的粉丝或全部筛选结果移除标签 (Ctrl+Shift+T)</source>
        <translation>Remove a tag from the selected followers or all that match the filter (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="196"/>
        <source>写通知</source>
        <translation>Write notice</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="197"/>
        <source>给全部粉丝或某个标签的粉丝写通知，同步时发送 (Ctrl+Shift+N)</source>
        <translation>Write a notice to all followers or to one tag; sent on sync (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="199"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="199"/>
        <source>显示本组织的全部粉丝</source>
        <translation>Show all followers of this organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="200"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="226"/>
        <source>本组织</source>
        <translation>This organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="229"/>
        <source>本组织及全部下级</source>
        <translation>This and all subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="230"/>
        <source>全部下级组织</source>
        <translation>All subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="239"/>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="241"/>
        <source>{tag}（{n}）</source>
        <translation>{tag} ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="318"/>
        <source>共 {n} 位粉丝</source>
        <translation>{n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="380"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="384"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="408"/>
        <source>从 {n} 位粉丝移除标签“{tags}”</source>
        <translation>remove tag “{tags}” from {n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="411"/>
        <source>给 {n} 位粉丝添加标签“{tags}”</source>
        <translation>tag {n} followers “{tags}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="413"/>
        <source>正在保存标签…</source>
        <translation>Saving tags…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="447"/>
        <source>写通知“{title}”</source>
        <translation>write notice “{title}”</translation>
    </message>
</context>
<context>
    <name>GrowthChart</name>
    <message>
        <location filename="../../desktop/widgets/growth_chart.py" line="57"/>
        <source>近 {n} 个月粉丝增长</source>
        <translation>Followers over the last {n} months</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/growth_chart.py" line="59"/>
        <source>当月新增</source>
        <translation>New in the month</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/growth_chart.py" line="64"/>
        <source>累计粉丝</source>
        <translation>Total followers</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="34"/>
        <source>登录苏青U+</source>
        <translation>Sign in to Suqing U+</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="47"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="48"/>
        <source>账号</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="49"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="53"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="72"/>
        <source>请填写服务器地址、账号和密码</source>
        <translation>Enter the server address, username and password</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="135"/>
        <location filename="../../desktop/dialogs/login_dialog.py" line="81"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="142"/>
        <location filename="../../desktop/main_window.py" line="244"/>
        <source>报名审核</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="144"/>
        <source>查看各活动的报名，逐条或批量通过、拒绝（须填写理由），名额满后自动进入候补，并可导出 Excel 名单。</source>
        <translation>Review each activity&apos;s registrations: approve or reject one by one or in bulk (a reason is required to reject); once seats run out, new approvals go to the waitlist; export the list to Excel.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>活动签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151"/>
        <source>活动现场扫码或手动签到、签退，登记现场报名，记录志愿时长；多台电脑离线签到，联网后自动合并。</source>
        <translation>Check people in and out at the event by scanning or by hand, add walk-ins and record volunteer hours; several laptops can check in offline and merge once online.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>组织地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158"/>
        <source>在江苏地图上查看各级团组织和活动的位置，离线也能使用，可在地图上选取活动地点。</source>
        <translation>See League organisations and activities on a map of Jiangsu, offline too, and pick an activity&apos;s location on the map.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>统计考核</source>
        <translation>Statistics and assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>最热活动、关注最多的组织排行，青年画像图表，上级下达的考核目标与完成进度，可导出上报材料。</source>
        <translation>Rankings of the hottest activities and most-followed organisations, charts of the youth population, assessment targets set from above with progress, and reports to hand upward.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>青年诉求</source>
        <translation>Youth requests</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170"/>
        <source>收集青年提出的问题和诉求，分类、答复、归档，跟踪每条诉求的处理进度。</source>
        <translation>Collect the questions and requests youths bring, classify, answer and archive them, and follow each one to the end.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="234"/>
        <location filename="../../desktop/main_window.py" line="235"/>
        <location filename="../../desktop/main_window.py" line="413"/>
        <source>苏青U+ 工作台</source>
        <translation>Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="236"/>
        <source>正在打开本机数据…</source>
        <translation>Opening the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241"/>
        <location filename="../../desktop/main_window.py" line="383"/>
        <location filename="../../desktop/main_window.py" line="390"/>
        <source>未登录组织</source>
        <translation>No organisation signed in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="243"/>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="245"/>
        <source>粉丝</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247"/>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="248"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="249"/>
        <source>诉求</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="254"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="255"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="256"/>
        <source>页面(&amp;P)</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="257"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="258"/>
        <source>登录…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="259"/>
        <source>同步 (F9)</source>
        <translation>Sync (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="260"/>
        <location filename="../../desktop/main_window.py" line="371"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="261"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="262"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="263"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="264"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <location filename="../../desktop/main_window.py" line="433"/>
        <source>关于苏青U+ 工作台</source>
        <translation>About Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="276"/>
        <location filename="../../desktop/main_window.py" line="286"/>
        <source>离线（未登录）</source>
        <translation>Offline (not signed in)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="287"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="288"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="152"/>
        <location filename="../../desktop/main_window.py" line="289"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="295"/>
        <source>在“账户 → 登录”中登录省级服务器</source>
        <translation>Sign in to the provincial server under Account → Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="307"/>
        <source>待同步 {n} 项</source>
        <translation>{n} waiting to sync</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="309"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="310"/>
        <source>上次同步：{when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="326"/>
        <source>撤销 {label}</source>
        <translation>Undo {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="326"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="335"/>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="337"/>
        <source>已撤销：{label}</source>
        <translation>Undone: {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="357"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="358"/>
        <source>这台电脑没有系统密码保管服务，关闭工作台后需要重新登录。</source>
        <translation>This computer has no system password store; you will need to sign in again after closing the workbench.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="373"/>
        <source>退出后本机数据仍然保留，尚未同步的 {n} 项操作会在下次登录后同步。确定退出吗？</source>
        <translation>The data stays on this computer; the {n} operations not yet synced will sync after the next sign-in. Sign out?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="396"/>
        <source>同步完成：{r} 项被服务器拒绝，{c} 项冲突</source>
        <translation>Sync finished: {r} refused by the server, {c} conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="408"/>
        <source>本机数据由更新版本的工作台创建，请安装最新版本后再打开。</source>
        <translation>The data on this computer was written by a newer version of the workbench. Please install the latest version.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="410"/>
        <source>缺少地区数据文件，请重新安装工作台。</source>
        <translation>The region data files are missing. Please reinstall the workbench.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="412"/>
        <source>无法打开本机数据文件：{error}</source>
        <translation>Cannot open the data file on this computer: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="423"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="423"/>
        <source>找不到所选语言的翻译文件，界面保持中文。</source>
        <translation>The translation for that language is missing; the interface stays in Chinese.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="435"/>
        <source>苏青U+ 工作台：县级和基层团组织的活动、报名、粉丝与签到管理工具。
离线可用，联网后自动同步。

日志文件夹：{path}</source>
        <translation>Suqing U+ Workbench: activities, registrations, followers and check-in for county and grassroots League organisations.
Works offline and syncs when online.

Log folder: {path}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="45"/>
        <source>写通知</source>
        <translation>Write notice</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="55"/>
        <source>如：周末志愿服务集合时间调整</source>
        <translation>e.g. New meeting time for Saturday's volunteering</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="61"/>
        <source>通知先保存在本机，联网同步后由服务器发送；发送前可按 Ctrl+Z 撤销。</source>
        <translation>The notice is kept on this computer and sent by the server at the next sync; until then Ctrl+Z takes it back.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="72"/>
        <source>保存待发送</source>
        <translation>Save to send</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="77"/>
        <source>发送组织</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="80"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="82"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="84"/>
        <source>发送对象</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="102"/>
        <source>全部粉丝</source>
        <translation>All followers</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="105"/>
        <source>标签：{tag}（{n} 人）</source>
        <translation>Tag: {tag} ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="114"/>
        <source>将发送给 {n} 位粉丝（以服务器发送时为准）</source>
        <translation>Goes to {n} followers (the server counts again when it sends)</translation>
    </message>
</context>
<context>
    <name>NoticeTableModel</name>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="61"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="62"/>
        <source>发送组织</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="63"/>
        <source>发送对象</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="64"/>
        <source>创建时间</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="65"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="66"/>
        <source>收到人数</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="67"/>
        <source>发送时间</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="94"/>
        <source>标签：{tag}</source>
        <translation>Tag: {tag}</translation>
    </message>
    <message>
        <location filename="../../desktop/models/notice_table.py" line="95"/>
        <source>全部粉丝</source>
        <translation>All followers</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../desktop/pages/placeholder.py" line="37"/>
        <source>此功能正在建设中，将在后续版本中提供。</source>
        <translation>This part is being built and will come in a later version.</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <location filename="../../desktop/widgets/region_combo.py" line="28"/>
        <source>全省（不限地区）</source>
        <translation>All of Jiangsu</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/region_combo.py" line="30"/>
        <source>请选择地区</source>
        <translation>Choose a region</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="24"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="38"/>
        <source>在列表中显示完整手机号（需有相应权限）</source>
        <translation>Show full phone numbers in lists (needs permission)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="50"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="40"/>
        <source>移除标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="40"/>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="45"/>
        <source>如：志愿者、大学生（可填多个）</source>
        <translation>e.g. 志愿者、大学生 (several allowed)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="46"/>
        <source>选中的 {n} 位粉丝</source>
        <translation>The {n} selected followers</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="47"/>
        <source>全部 {n} 位筛选结果</source>
        <translation>All {n} followers the filter matches</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="64"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="68"/>
        <source>范围</source>
        <translation>Apply to</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="89"/>
        <source>请填写标签</source>
        <translation>Please enter a tag</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../sync/messages.py" line="20"/>
        <source>请填写{label}</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="21"/>
        <source>{label}含有无法保存的控制字符</source>
        <translation>{label} contains control characters that cannot be saved</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="22"/>
        <source>{label}不能超过 {max} 个字</source>
        <translation>{label} can be at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="23"/>
        <source>请选择活动类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="24"/>
        <source>请选择江苏省内的地区</source>
        <translation>Choose a region in Jiangsu</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="25"/>
        <source>结束时间必须晚于开始时间</source>
        <translation>The end must be after the start</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="26"/>
        <source>报名截止时间不能晚于活动开始时间</source>
        <translation>Registration must close before the activity starts</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="27"/>
        <source>报名开始时间必须早于报名截止时间</source>
        <translation>Registration must open before it closes</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="28"/>
        <source>招募人数至少为 1 人</source>
        <translation>There must be at least 1 place</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="29"/>
        <source>经度和纬度要同时填写</source>
        <translation>Enter both longitude and latitude</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="30"/>
        <source>坐标不在江苏省范围内，请检查经纬度</source>
        <translation>These coordinates are outside Jiangsu; check longitude and latitude</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="31"/>
        <source>联系电话格式不正确</source>
        <translation>The phone number is not valid</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="32"/>
        <source>活动当前为“{current}”，不能{action}</source>
        <translation>Cannot {action}: the activity is {current}</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="33"/>
        <source>找不到这条记录，可能已被删除</source>
        <translation>This record no longer exists; it may have been deleted</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="34"/>
        <source>只有草稿可以删除，已发布的活动请取消</source>
        <translation>Only drafts can be deleted; cancel a published activity instead</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="35"/>
        <source>活动当前为“{current}”，不能再修改</source>
        <translation>The activity is {current} and can no longer be edited</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="36"/>
        <source>活动信息不完整或有误</source>
        <translation>The activity is incomplete or has errors</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="37"/>
        <source>其他设备同时修改了相同内容，已保留对方的修改，请在“冲突”中确认</source>
        <translation>Another device changed the same thing at the same time; their change was kept. Please check it under Conflicts.</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="40"/>
        <source>名额已满（{capacity} 人），已转入候补</source>
        <translation>All {capacity} places are taken; moved to the waitlist</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="41"/>
        <source>拒绝报名需要填写理由</source>
        <translation>A reason is required to reject a registration</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="42"/>
        <source>该报名当前为“{current}”，不能审核</source>
        <translation>This registration is {current} and cannot be reviewed</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="43"/>
        <source>该报名当前为“{current}”，不能取消</source>
        <translation>This registration is “{current}” and cannot be cancelled</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="44"/>
        <source>活动当前为“{current}”，不能报名</source>
        <translation>The activity is “{current}”: registration is not possible</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="45"/>
        <source>该青年已报名这个活动</source>
        <translation>This person has already registered for this activity</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="46"/>
        <source>青年信息不完整或有误</source>
        <translation>The person&apos;s details are incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="47"/>
        <source>手机号应为 11 位数字，以 1 开头</source>
        <translation>A mobile number has 11 digits and starts with 1</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="48"/>
        <source>身份证号格式不正确或校验位不符</source>
        <translation>The ID number is malformed or its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="49"/>
        <source>出生日期不正确</source>
        <translation>The date of birth is not valid</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="50"/>
        <source>标签“{tag}”无效：标签为 1 至 {max} 个字，不能含引号或控制字符</source>
        <translation>Tag “{tag}” is not valid: a tag has 1 to {max} characters, without quotes or control characters</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="53"/>
        <source>通知内容不完整或有误</source>
        <translation>The notice is incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="54"/>
        <source>理由不能超过 {max} 个字</source>
        <translation>The reason cannot be longer than {max} characters</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="55"/>
        <source>监护人同意状态无效</source>
        <translation>Not a valid guardian-consent status</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="56"/>
        <source>您的账号没有这项权限，请联系上级团组织</source>
        <translation>Your account does not have this permission; ask the League committee above you</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="57"/>
        <source>这项操作不能由此账号进行</source>
        <translation>This account cannot do this</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="58"/>
        <source>已经关注了这个组织</source>
        <translation>Already following this organisation</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="59"/>
        <source>这条记录已经存在，无需重复创建</source>
        <translation>This record already exists</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="60"/>
        <source>操作内容不完整，服务器无法处理</source>
        <translation>The operation is incomplete; the server cannot process it</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="61"/>
        <source>此版本不认识操作“{kind}”，请升级工作台</source>
        <translation>This version does not know the operation “{kind}”; please upgrade the workbench</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="62"/>
        <source>没有可以撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="63"/>
        <source>这一步已同步到服务器，无法撤销</source>
        <translation>This step already reached the server and cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="64"/>
        <source>这条记录之后又有修改，请先撤销后面的操作</source>
        <translation>The record was changed again afterwards; undo the later change first</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="69"/>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="70"/>
        <source>活动类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="71"/>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="72"/>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="73"/>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="74"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="75"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="76"/>
        <source>报名开始时间</source>
        <translation>Registration opening</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="77"/>
        <source>报名截止时间</source>
        <translation>Registration closing</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="78"/>
        <source>招募人数</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="79"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="80"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="81"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="82"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="84"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="85"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="86"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="87"/>
        <source>学校或单位</source>
        <translation>School or employer</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="88"/>
        <source>通知标题</source>
        <translation>Notice title</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="89"/>
        <source>通知内容</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="91"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="92"/>
        <source>已发布</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="93"/>
        <source>已完成</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="94"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="95"/>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="96"/>
        <source>报名中</source>
        <translation>registering</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="97"/>
        <source>报名截止</source>
        <translation>registration closed</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="98"/>
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="99"/>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="100"/>
        <source>待审核</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="101"/>
        <source>已通过</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="102"/>
        <source>候补</source>
        <translation>waitlisted</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="103"/>
        <source>已拒绝</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="105"/>
        <source>提交报名</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="106"/>
        <source>候补转为通过</source>
        <translation>Promoted from the waitlist</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="107"/>
        <source>线上报名</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="108"/>
        <source>现场登记</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="109"/>
        <source>名单导入</source>
        <translation>Imported list</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="110"/>
        <source>待发送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="111"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="112"/>
        <source>监护人已同意</source>
        <translation>Guardian consented</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="113"/>
        <source>监护人不同意</source>
        <translation>Guardian refused</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="115"/>
        <source>发布</source>
        <translation>publish</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="116"/>
        <source>取消</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../sync/messages.py" line="117"/>
        <source>标记为已完成</source>
        <translation>mark as completed</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="37"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="38"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="40"/>
        <source>自动同步间隔（分钟）</source>
        <translation>Sync every (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="43"/>
        <source>显示完整手机号</source>
        <translation>Full phone numbers</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../desktop/workers.py" line="74"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="80"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="107"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
</context>
</TS>
