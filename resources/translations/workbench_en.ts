<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../desktop/pages/activities.py" line="164"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="164"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="164"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="164"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="171"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="172"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="173"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="174"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="175"/>
        <source>未来 30 天</source>
        <translation>Next 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="176"/>
        <source>过去 30 天</source>
        <translation>Past 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="177"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="181"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="184"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="186"/>
        <source>搜索名称、地点、简介或组织（Ctrl+F）</source>
        <translation>Search title, place, description or organisation (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="188"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="188"/>
        <source>新建一个活动草稿 (Ctrl+N)</source>
        <translation>Create a draft activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="189"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="189"/>
        <source>编辑选中的活动 (Ctrl+E 或回车)</source>
        <translation>Edit the selected activity (Ctrl+E or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="191"/>
        <source>复制为新活动</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="192"/>
        <source>以选中活动为模板新建 (Ctrl+D)</source>
        <translation>Create a new activity from the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="194"/>
        <source>发布选中的草稿 (Ctrl+P)</source>
        <translation>Publish the selected draft (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="194"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="195"/>
        <location filename="../../desktop/pages/activities.py" line="408"/>
        <source>取消活动</source>
        <translation>Cancel activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="195"/>
        <source>取消选中的活动</source>
        <translation>Cancel the selected activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="196"/>
        <source>活动结束后标记为已完成</source>
        <translation>Mark as completed once it is over</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="196"/>
        <source>标记完成</source>
        <translation>Mark completed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="197"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="197"/>
        <source>删除选中的草稿 (Delete)</source>
        <translation>Delete the selected draft (Delete)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="198"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="198"/>
        <source>显示全部活动</source>
        <translation>Show all activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="199"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="287"/>
        <source>共 {n} 个活动</source>
        <translation>{n} activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="342"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="346"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="361"/>
        <source>新建“{title}”</source>
        <translation>create “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="375"/>
        <source>不能修改</source>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="376"/>
        <source>活动已{status}，不能再修改。</source>
        <translation>The activity is {status} and can no longer be edited.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="385"/>
        <source>修改“{title}”</source>
        <translation>edit “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="395"/>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="409"/>
        <source>确定取消“{title}”吗？已报名的青年将看到活动已取消。</source>
        <translation>Cancel “{title}”? Youths who registered will see that it was cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="414"/>
        <source>发布“{title}”</source>
        <translation>publish “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="415"/>
        <source>取消“{title}”</source>
        <translation>cancel “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="416"/>
        <source>完成“{title}”</source>
        <translation>complete “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="428"/>
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
        <location filename="../../desktop/models/activity_table.py" line="48"/>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="49"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="50"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="51"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="52"/>
        <source>活动时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="54"/>
        <source>已通过/名额</source>
        <translation>Seats taken</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="55"/>
        <source>精选</source>
        <translation>★</translation>
    </message>
    <message>
        <location filename="../../desktop/models/activity_table.py" line="90"/>
        <source>（{n} 待审）</source>
        <translation> ({n} to review)</translation>
    </message>
</context>
<context>
    <name>FollowerTableModel</name>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="45"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="46"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="47"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="48"/>
        <source>关注的组织</source>
        <translation>Follows</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="49"/>
        <source>关注时间</source>
        <translation>Following since</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="50"/>
        <source>来源活动</source>
        <translation>Came through</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="51"/>
        <source>参加活动</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="52"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="82"/>
        <source>{name}（未满{age}岁）</source>
        <translation>{name} (under {age})</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="108"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="109"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../desktop/models/follower_table.py" line="110"/>
        <source>未知</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>FollowersPage</name>
    <message>
        <location filename="../../desktop/pages/followers.py" line="168"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="169"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="172"/>
        <source>搜索姓名或手机尾号（Ctrl+F）</source>
        <translation>Search name or last digits of mobile (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="173"/>
        <source>粉丝列表</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="174"/>
        <source>增长趋势</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="175"/>
        <source>通知记录</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="178"/>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="179"/>
        <source>给选中的粉丝或全部筛选结果添加标签 (Ctrl+T)</source>
        <translation>Tag the selected followers or all that match the filter (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="182"/>
        <source>移除标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="183"/>
        <source>从选中的粉丝或全部筛选结果移除标签 (Ctrl+Shift+T)</source>
        <translation>Remove a tag from the selected followers or all that match the filter (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="186"/>
        <source>写通知</source>
        <translation>Write notice</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="187"/>
        <source>给全部粉丝或某个标签的粉丝写通知，同步时发送 (Ctrl+Shift+N)</source>
        <translation>Write a notice to all followers or to one tag; sent on sync (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="190"/>
        <location filename="../../desktop/pages/followers.py" line="470"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="191"/>
        <source>导出选中的或全部筛选出的粉丝，手机号脱敏 (Ctrl+Shift+E)</source>
        <translation>Export the selected followers, or all that match the filter, with phone numbers masked (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="193"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="193"/>
        <source>显示本组织的全部粉丝</source>
        <translation>Show all followers of this organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="194"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="220"/>
        <source>本组织</source>
        <translation>This organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="223"/>
        <source>本组织及全部下级</source>
        <translation>This and all subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="224"/>
        <source>全部下级组织</source>
        <translation>All subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="233"/>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="235"/>
        <source>{tag}（{n}）</source>
        <translation>{tag} ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="319"/>
        <source>共 {n} 位粉丝</source>
        <translation>{n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="389"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="393"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="417"/>
        <source>从 {n} 位粉丝移除标签“{tags}”</source>
        <translation>remove tag “{tags}” from {n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="420"/>
        <source>给 {n} 位粉丝添加标签“{tags}”</source>
        <translation>tag {n} followers “{tags}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="422"/>
        <source>正在保存标签…</source>
        <translation>Saving tags…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="456"/>
        <source>写通知“{title}”</source>
        <translation>write notice “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="470"/>
        <source>没有可导出的粉丝</source>
        <translation>There are no followers to export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="473"/>
        <source>粉丝名单-{day}.xlsx</source>
        <translation>followers-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="493"/>
        <source>正在导出 {n} 位粉丝…</source>
        <translation>Exporting {n} followers…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="497"/>
        <source>已取消导出，没有生成文件</source>
        <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="501"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="505"/>
        <source>已导出 {n} 位粉丝到 {path}</source>
        <translation>Exported {n} followers to {path}</translation>
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
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="159"/>
        <source>导入报名预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="163"/>
        <source>导入到：&lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;共 {total} 行：{good} 行有效，&lt;span style=&apos;color:#c0392b&apos;&gt;{bad} 行有问题&lt;/span&gt;（不会导入，原因见最后一列）。</source>
        <translation>Import into: &lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;{total} rows: {good} valid, &lt;span style=&apos;color:#c0392b&apos;&gt;{bad} with problems&lt;/span&gt; (not imported; the last column says why).</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="168"/>
        <source>只看有问题的行</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="181"/>
        <source>有效记录将一次全部导入；中途出错则一条也不导入。导入后可按 Ctrl+Z 撤销。</source>
        <translation>Valid rows are imported all at once; if anything fails, none is. Ctrl+Z undoes the import.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="186"/>
        <source>导入 {n} 条有效记录</source>
        <translation>Import {n} valid rows</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="190"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="43"/>
        <source>登录苏青U+</source>
        <translation>Sign in to Suqing U+</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="51"/>
        <source>服务器地址由本单位的部署配置指定</source>
        <translation>The server address is set by your organisation’s deployment configuration</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="61"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="62"/>
        <source>账号</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="63"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="67"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="68"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="88"/>
        <source>请填写服务器地址、账号和密码</source>
        <translation>Enter the server address, username and password</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="136"/>
        <location filename="../../desktop/dialogs/login_dialog.py" line="100"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="250"/>
        <source>报名审核</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151"/>
        <source>活动签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="153"/>
        <source>活动现场扫码或手动签到、签退，登记现场报名，记录志愿时长；多台电脑离线签到，联网后自动合并。</source>
        <translation>Check people in and out at the event by scanning or by hand, add walk-ins and record volunteer hours; several laptops can check in offline and merge once online.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158"/>
        <source>组织地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>在江苏地图上查看各级团组织和活动的位置，离线也能使用，可在地图上选取活动地点。</source>
        <translation>See League organisations and activities on a map of Jiangsu, offline too, and pick an activity&apos;s location on the map.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>统计考核</source>
        <translation>Statistics and assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>最热活动、关注最多的组织排行，青年画像图表，上级下达的考核目标与完成进度，可导出上报材料。</source>
        <translation>Rankings of the hottest activities and most-followed organisations, charts of the youth population, assessment targets set from above with progress, and reports to hand upward.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="171"/>
        <source>青年诉求</source>
        <translation>Youth requests</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172"/>
        <source>收集青年提出的问题和诉求，分类、答复、归档，跟踪每条诉求的处理进度。</source>
        <translation>Collect the questions and requests youths bring, classify, answer and archive them, and follow each one to the end.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="240"/>
        <location filename="../../desktop/main_window.py" line="241"/>
        <location filename="../../desktop/main_window.py" line="409"/>
        <location filename="../../desktop/main_window.py" line="415"/>
        <source>苏青U+ 工作台</source>
        <translation>Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="242"/>
        <source>正在打开本机数据…</source>
        <translation>Opening the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247"/>
        <location filename="../../desktop/main_window.py" line="377"/>
        <location filename="../../desktop/main_window.py" line="384"/>
        <source>未登录组织</source>
        <translation>No organisation signed in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="249"/>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>粉丝</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="252"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="253"/>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="254"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="255"/>
        <source>诉求</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="260"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="261"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="262"/>
        <source>页面(&amp;P)</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="263"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="264"/>
        <source>登录…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <source>同步 (F9)</source>
        <translation>Sync (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="266"/>
        <source>退出登录…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="267"/>
        <source>同步问题…</source>
        <translation>Sync issues…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="336"/>
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="372"/>
        <source>已退出登录，本机数据已清除</source>
        <translation>Signed out; the local data was removed</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="268"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="269"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="271"/>
        <location filename="../../desktop/main_window.py" line="419"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="272"/>
        <location filename="../../desktop/main_window.py" line="450"/>
        <source>关于苏青U+ 工作台</source>
        <translation>About Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="153"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="327"/>
        <source>撤销 {label}</source>
        <translation>Undo {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="327"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="342"/>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="344"/>
        <source>已撤销：{label}</source>
        <translation>Undone: {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="402"/>
        <source>本机数据由更新版本的工作台创建，请安装最新版本后再打开。</source>
        <translation>The data on this computer was written by a newer version of the workbench. Please install the latest version.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="406"/>
        <source>缺少地区数据文件，请重新安装工作台。</source>
        <translation>The region data files are missing. Please reinstall the workbench.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="408"/>
        <source>无法打开本机数据文件：{error}</source>
        <translation>Cannot open the data file on this computer: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="417"/>
        <source>移开的数据文件会留在配置文件夹中，不会被删除。</source>
        <translation>The file moved aside stays in the profile folder; it is not deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="418"/>
        <source>移到一旁并重新下载</source>
        <translation>Move aside and download again</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="426"/>
        <source>已把无法打开的数据移到一旁，保留了 {count} 项未同步的操作；同步时会重新下载全部数据。</source>
        <translation>The data that could not be opened was moved aside; {count} operations not yet synced were kept. The next sync downloads everything again.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="429"/>
        <source>原数据有部分无法读出，其中尚未同步的工作可能没有保留。</source>
        <translation> Part of the old data could not be read: work in it that was not yet synced may not have been kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="440"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="440"/>
        <source>找不到所选语言的翻译文件，界面保持中文。</source>
        <translation>The translation for that language is missing; the interface stays in Chinese.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="452"/>
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
        <translation>e.g. New meeting time for Saturday&apos;s volunteering</translation>
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
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="112"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="113"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="114"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="115"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="116"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="117"/>
        <source>学校/单位</source>
        <translation>School/employer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="118"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="119"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="148"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="148"/>
        <source>女</source>
        <translation>Female</translation>
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
    <name>RegistrationDetails</name>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="55"/>
        <source>已选中 {n} 条报名</source>
        <translation>{n} registrations selected</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="57"/>
        <source>选中一条报名，在这里查看详情和审核记录</source>
        <translation>Select a registration to see its details and history here</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="65"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="66"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="67"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="69"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="70"/>
        <source>{date}（{age} 岁）</source>
        <translation>{date} (age {age})</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="74"/>
        <source>学校/单位</source>
        <translation>School/employer</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="75"/>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="76"/>
        <source>报名时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="77"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="78"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="81"/>
        <source>拒绝理由</source>
        <translation>Reject reason</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="83"/>
        <source>未满14岁</source>
        <translation>Under 14</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="83"/>
        <source>审核记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="84"/>
        <source>暂无记录</source>
        <translation>Nothing recorded yet</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="110"/>
        <source>名额已满（{n} 人）</source>
        <translation>Full ({n} places)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="117"/>
        <source>青年本人</source>
        <translation>the youth</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="117"/>
        <source>系统</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="121"/>
        <source>报名</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="122"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="123"/>
        <source>转入候补</source>
        <translation>moved to the waitlist</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="124"/>
        <source>候补转正</source>
        <translation>promoted from the waitlist</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="125"/>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="126"/>
        <source>取消报名</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>RegistrationExcel</name>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="51"/>
        <location filename="../../desktop/pages/registration_excel.py" line="55"/>
        <location filename="../../desktop/pages/registration_excel.py" line="93"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="51"/>
        <source>没有可导出的报名</source>
        <translation>There are no registrations to export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="56"/>
        <source>导出 {n} 条报名。手机号和身份证号要脱敏吗？</source>
        <translation>Export {n} registrations. Mask mobile and ID numbers?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="57"/>
        <source>导出完整信息会被记录；文件请妥善保管，用后删除。</source>
        <translation>A full export is logged; keep the file safe and delete it after use.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="58"/>
        <source>脱敏导出（推荐）</source>
        <translation>Export masked (recommended)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="59"/>
        <source>导出完整信息</source>
        <translation>Export full data</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="60"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="67"/>
        <source>报名名单-{day}.xlsx</source>
        <translation>registrations-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="95"/>
        <source>{n} 位青年只能脱敏导出：现场报名和导入名单中的青年，服务器不提供完整信息。</source>
        <translation>{n} youths can only be exported masked: the server gives no full details of youths from walk-ins or imported lists.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="111"/>
        <source>正在导出 {n} 条报名…</source>
        <translation>Exporting {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="114"/>
        <source>已取消导出，没有生成文件</source>
        <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="118"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="120"/>
        <source>已导出 {n} 条报名到 {path}</source>
        <translation>Exported {n} registrations to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="146"/>
        <source>导入报名</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="147"/>
        <source>请先在上方“活动”中选择要导入报名的活动。</source>
        <translation>First choose, under “Activity” above, the activity to import registrations into.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="152"/>
        <source>选择报名名单</source>
        <translation>Choose a registration list</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="154"/>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="173"/>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="180"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="197"/>
        <source>已取消导入，没有导入任何记录</source>
        <translation>Import cancelled; nothing was imported</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="206"/>
        <source>正在导入 {n} 条报名…</source>
        <translation>Importing {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="211"/>
        <source>第 {row} 行：</source>
        <translation>Row {row}: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="217"/>
        <location filename="../../desktop/pages/registration_excel.py" line="227"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="218"/>
        <source>{where}{reason}
没有导入任何记录，请修改名单后重新导入。</source>
        <translation>{where}{reason}
Nothing was imported; correct the list and import it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="228"/>
        <source>导入时出错，没有导入任何记录：{error}</source>
        <translation>The import failed and nothing was imported: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="231"/>
        <source>导入 {n} 条报名</source>
        <translation>import of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="233"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>RegistrationFilters</name>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="84"/>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="84"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="84"/>
        <source>报名时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="97"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="102"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="103"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="104"/>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="105"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="106"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="109"/>
        <source>搜索姓名或手机尾号（Ctrl+F）</source>
        <translation>Search a name or the last digits of a mobile (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="123"/>
        <source>全部活动</source>
        <translation>All activities</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="128"/>
        <source> · {n} 待审</source>
        <translation> · {n} to review</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="152"/>
        <source>共 {n} 条</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_filters.py" line="154"/>
        <source>没有符合条件的报名</source>
        <translation>No registrations match</translation>
    </message>
</context>
<context>
    <name>RegistrationPrivacy</name>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="32"/>
        <location filename="../../desktop/pages/registration_privacy.py" line="55"/>
        <location filename="../../desktop/pages/registration_privacy.py" line="95"/>
        <source>不能显示完整信息</source>
        <translation>Cannot show full details</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="34"/>
        <source>当前账号没有查看完整个人信息的权限，手机号和身份证号只能脱敏显示。如确需查看，请联系上级团委为账号开通“查看个人信息”权限。</source>
        <translation>This account may not see full personal data, so mobile and ID numbers stay masked. If you need them, ask the League committee above you to grant the account the “reveal personal data” permission.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="57"/>
        <source>只能查看本人在线报名或关注本组织的青年的完整信息；现场报名和导入名单中的青年只显示脱敏信息。</source>
        <translation>Full details are only shown for youths who registered online themselves or follow this organisation; youths from walk-ins or imported lists are shown masked.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="62"/>
        <source>{name}
手机号：{phone}
身份证号：{id_number}</source>
        <translation>{name}
Mobile: {phone}
ID number: {id_number}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="67"/>
        <source>完整信息（已记录本次查看）</source>
        <translation>Full details (this look is logged)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="84"/>
        <source>正在向服务器查询完整信息…</source>
        <translation>Asking the server for the full details…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="92"/>
        <source>查看完整信息需要连接服务器，现在连不上。本机只保存脱敏的手机号和身份证号，其他工作可以照常离线进行。</source>
        <translation>Showing full details needs the server, which cannot be reached now. This computer keeps phone and ID numbers masked only; all other work goes on offline as usual.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_privacy.py" line="104"/>
        <source>记录 {name} 的监护人同意情况</source>
        <translation>guardian consent of {name}</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="61"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="62"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="63"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="64"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="65"/>
        <source>学校/单位</source>
        <translation>School/employer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="66"/>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="67"/>
        <source>报名时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="68"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="69"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="70"/>
        <source>拒绝理由</source>
        <translation>Reject reason</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="127"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="127"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="131"/>
        <source>线上报名</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="132"/>
        <source>现场报名</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="133"/>
        <source>Excel 导入</source>
        <translation>Excel import</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="149"/>
        <source>{age} 岁 · 未满14岁 · {consent}</source>
        <translation>{age} · under 14 · {consent}</translation>
    </message>
</context>
<context>
    <name>RegistrationsPage</name>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="195"/>
        <location filename="../../desktop/pages/registrations.py" line="399"/>
        <location filename="../../desktop/pages/registrations.py" line="445"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="195"/>
        <location filename="../../desktop/pages/registrations.py" line="394"/>
        <source>通过选中的报名 (A)</source>
        <translation>Approve the selected registrations (A)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="196"/>
        <location filename="../../desktop/pages/registrations.py" line="400"/>
        <source>拒绝…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="196"/>
        <source>拒绝选中的报名，须填写理由 (R)</source>
        <translation>Reject the selected registrations, with a reason (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="197"/>
        <source>下一条待审</source>
        <translation>Next to review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="197"/>
        <source>跳到下一条待审核的报名 (N)</source>
        <translation>Go to the next registration waiting for review (N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="198"/>
        <source>下一条</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="198"/>
        <source>下一条 (J 或 ↓)</source>
        <translation>Next (J or ↓)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="199"/>
        <source>上一条</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="199"/>
        <source>上一条 (K 或 ↑)</source>
        <translation>Previous (K or ↑)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="201"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="202"/>
        <source>选中全部符合条件的报名，用于批量通过或拒绝 (Ctrl+A)</source>
        <translation>Select every matching registration, to approve or reject them together (Ctrl+A)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="205"/>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="207"/>
        <source>显示选中青年的完整手机号和身份证号；需有权限，每次查看都会记录 (Ctrl+Shift+I)</source>
        <translation>Show the selected youth&apos;s full mobile and ID number; needs the permission, and every look is logged (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="211"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="212"/>
        <source>导出选中或全部符合条件的报名；手机号和身份证号默认脱敏 (Ctrl+Shift+E)</source>
        <translation>Export the selected or all matching registrations; mobile and ID numbers masked by default (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="215"/>
        <source>导入报名</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="216"/>
        <source>从 Excel 名单导入所选活动的现场报名，先预览再导入 (Ctrl+I)</source>
        <translation>Import walk-in registrations for the chosen activity from an Excel list, after a preview (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="218"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="218"/>
        <source>显示全部活动的全部报名</source>
        <translation>Show every registration of every activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="219"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="226"/>
        <source>监护人同意</source>
        <translation>Guardian consent</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="227"/>
        <source>记录未满14岁青年的监护人同意情况</source>
        <translation>Record whether a guardian consented, for a youth under 14</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="230"/>
        <source>键盘审核：↑/↓ 或 J/K 移动 · A 通过 · R 拒绝 · N 下一条待审 · Shift/Ctrl+点击 多选 · Ctrl+A 全选 · Ctrl+Z 撤销</source>
        <translation>Keyboard: ↑/↓ or J/K move · A approve · R reject · N next to review · Shift/Ctrl+click select several · Ctrl+A select all · Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="356"/>
        <source>已选中全部 {n} 条符合条件的报名</source>
        <translation>All {n} matching registrations selected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="375"/>
        <source>没有待审核的报名了</source>
        <translation>No registration is waiting for review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="396"/>
        <source>通过 {n} 条</source>
        <translation>Approve {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="397"/>
        <source>拒绝 {n} 条…</source>
        <translation>Reject {n}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="449"/>
        <source>无需处理</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="444"/>
        <source>选中的报名都已处理过或已取消，没有可以{action}的。</source>
        <translation>The selected registrations are all decided or cancelled; there is none to {action}.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="445"/>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="462"/>
        <source>通过 {name} 的报名</source>
        <translation>approval of {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="464"/>
        <source>批量通过 {n} 条报名</source>
        <translation>approval of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="468"/>
        <source>拒绝 {name} 的报名</source>
        <translation>rejection of {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="470"/>
        <source>批量拒绝 {n} 条报名</source>
        <translation>rejection of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="477"/>
        <source>正在处理 {n} 条报名…</source>
        <translation>Processing {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="490"/>
        <source>{done}；另有 {n} 条已处理过或已取消，未改动。按 Ctrl+Z 可撤销</source>
        <translation>{done}; {n} more were already decided or cancelled and left as they were. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="501"/>
        <source>{done}；名额已满，其中 {n} 条转入候补。按 Ctrl+Z 可撤销</source>
        <translation>{done}; the activity is full, so {n} went to the waitlist. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="524"/>
        <source>{n} 条报名须先记录监护人同意，未通过：{why}</source>
        <translation>{n} registrations need a guardian&apos;s consent recorded first and were not approved: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="569"/>
        <source>{name} 的报名：{reason}
本次批量操作没有改动任何报名。</source>
        <translation>{name}&apos;s registration: {reason}
This bulk action changed no registration.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="572"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="575"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="23"/>
        <source>拒绝报名</source>
        <translation>Reject registration</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="26"/>
        <source>拒绝 {name} 的报名。请选择或填写理由：</source>
        <translation>Reject {name}&apos;s registration. Pick or type a reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="28"/>
        <source>拒绝选中的 {n} 条报名。请选择或填写理由：</source>
        <translation>Reject the {n} selected registrations. Pick or type a reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="38"/>
        <source>其他理由，直接输入</source>
        <translation>Another reason: type it here</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="42"/>
        <source>↑/↓ 或数字键选择常用理由，也可直接输入；回车确认，Esc 取消。</source>
        <translation>↑/↓ or a digit picks a common reason, or type one; Enter confirms, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="47"/>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="48"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="70"/>
        <source>名额已满</source>
        <translation>The activity is full</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="71"/>
        <source>不符合报名条件</source>
        <translation>Does not meet the requirements</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="72"/>
        <source>报名信息不完整</source>
        <translation>Registration details incomplete</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="73"/>
        <source>重复报名</source>
        <translation>Registered twice</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="74"/>
        <source>联系电话无法接通</source>
        <translation>Phone number unreachable</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="75"/>
        <source>本活动仅面向辖区青年</source>
        <translation>Only for youths of this district</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="114"/>
        <source>请选择或填写拒绝理由</source>
        <translation>Pick or type a reason for the rejection</translation>
    </message>
</context>
<context>
    <name>SeatsLabel</name>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="26"/>
        <source>选择一个活动，或选中一条报名，即可看到该活动的名额情况</source>
        <translation>Choose an activity, or select a registration, to see the activity&apos;s seats</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="31"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;：已通过 {approved} / 名额 {capacity} · 候补 {waitlisted} · 待审核 {pending}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;: approved {approved} / seats {capacity} · waitlist {waitlisted} · to review {pending}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/registration_details.py" line="41"/>
        <source>（已满，再通过将进入候补）</source>
        <translation> (full: further approvals go to the waitlist)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="36"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="53"/>
        <source>不填则使用系统的代理设置，例如 http://proxy.example:8080</source>
        <translation>Empty: the system proxy; e.g. http://proxy:8080</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="58"/>
        <source>不填则使用系统信任的证书</source>
        <translation>Empty: the certificates the system trusts</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="59"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="67"/>
        <source>灰色的项目由本单位的部署配置指定，不能在这里修改。</source>
        <translation>Greyed-out items are set by your organisation’s deployment configuration and cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="85"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="86"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="97"/>
        <source>选择单位 CA 证书文件</source>
        <translation>Choose your organisation’s CA certificate file</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="99"/>
        <source>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificate files (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <location filename="../../desktop/sign_in.py" line="63"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="64"/>
        <source>这台电脑没有系统密码保管服务，关闭工作台后需要重新登录。</source>
        <translation>This computer has no system password store; you will need to sign in again after closing the workbench.</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="78"/>
        <source>退出后本机数据仍然保留，尚未同步的 {n} 项操作会在下次登录后同步。</source>
        <translation>The data on this computer stays after signing out; the {n} operations not yet synced will sync after the next sign-in.</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="80"/>
        <source>当前没有登录。勾选下面的选项可以清除这台电脑上的本机数据。</source>
        <translation>You are not signed in. Tick the option below to remove the local data from this computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="83"/>
        <location filename="../../desktop/sign_in.py" line="89"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="89"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="91"/>
        <location filename="../../desktop/sign_in.py" line="131"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="93"/>
        <source>同时清除本机数据（活动、报名、粉丝等都从这台电脑上删除）</source>
        <translation>Also remove the local data (activities, registrations, followers … are deleted from this computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="107"/>
        <source>正在退出登录…</source>
        <translation>Signing out…</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="120"/>
        <source>清除本机数据</source>
        <translation>Remove local data</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="122"/>
        <source>还有 {n} 项操作没有同步到服务器。清除本机数据后，这些操作将永久丢失，无法恢复。

确定清除吗？</source>
        <translation>{n} operations have not reached the server yet. If you remove the local data they are lost for good and cannot be recovered.

Remove the data?</translation>
    </message>
    <message>
        <location filename="../../desktop/sign_in.py" line="129"/>
        <source>丢弃 {n} 项操作并清除</source>
        <translation>Discard {n} operations and remove</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="156"/>
        <source>已删除的报名</source>
        <translation>a deleted registration</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="158"/>
        <source>拒绝报名（{who}）</source>
        <translation>Reject a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="160"/>
        <source>通过报名（{who}）</source>
        <translation>Approve a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="404"/>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="405"/>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="406"/>
        <source>我的修改</source>
        <translation>My change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="407"/>
        <source>对方的修改</source>
        <translation>Their change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="408"/>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="412"/>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="412"/>
        <source>操作时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="412"/>
        <source>服务器的理由</source>
        <translation>The server’s reason</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="415"/>
        <source>同步问题</source>
        <translation>Sync issues</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="416"/>
        <source>没有需要处理的同步问题</source>
        <translation>No sync issues to settle</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="419"/>
        <source>其他设备同时修改了相同内容，服务器暂时保留了对方的修改。请选择保留哪一方（Delete 保留对方，Enter 使用我的，Ctrl+Z 撤销）。</source>
        <translation>Another device changed the same thing at the same time; the server kept their change for now. Choose which to keep (Delete keeps theirs, Enter uses mine, Ctrl+Z undoes).</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="424"/>
        <source>服务器没有执行这些操作，它们在本机的效果已经撤回。看过后点“知道了”。</source>
        <translation>The server did not carry out these operations, and their effect on this computer was taken back. Click “Got it” once read.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="426"/>
        <source>保留对方</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="427"/>
        <source>使用我的</source>
        <translation>Use mine</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="428"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="429"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="430"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="129"/>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="454"/>
        <source>已删除的活动</source>
        <translation>a deleted activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="64"/>
        <source>报名需审核</source>
        <translation>Registrations need review</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="65"/>
        <source>精选活动</source>
        <translation>Featured</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="66"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="74"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="77"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="79"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="101"/>
        <source>登记报名（{who}）</source>
        <translation>Register ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="104"/>
        <source>取消报名（{who}）</source>
        <translation>Cancel a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="107"/>
        <source>青年登记个人信息（{who}）</source>
        <translation>Youth signs up ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="110"/>
        <source>记录监护人同意（{who}）</source>
        <translation>Record guardian consent ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="113"/>
        <source>修改关注者标签（{who}）</source>
        <translation>Change follower tags ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="116"/>
        <source>关注组织（{who}）</source>
        <translation>Follow an organisation ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="117"/>
        <source>取消关注（{who}）</source>
        <translation>Unfollow ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="118"/>
        <source>发送通知（{who}）</source>
        <translation>Send a notice ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="119"/>
        <source>查看完整个人信息（{who}）</source>
        <translation>View full personal data ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="132"/>
        <source>新建活动“{title}”</source>
        <translation>Create activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="137"/>
        <source>修改活动“{title}”（{fields}）</source>
        <translation>Edit activity “{title}” ({fields})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="145"/>
        <source>更改状态</source>
        <translation>change the status of</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="147"/>
        <source>{verb}活动“{title}”</source>
        <translation>{verb} activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="152"/>
        <source>删除活动“{title}”</source>
        <translation>Delete activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="168"/>
        <source>其他操作（{kind}）</source>
        <translation>Another operation ({kind})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="180"/>
        <source>服务器拒绝了这个操作（{code}）</source>
        <translation>The server refused this operation ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="489"/>
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="490"/>
        <source>被拒绝的操作（{n}）</source>
        <translation>Refused operations ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="532"/>
        <source>使用我的修改（{title}：{field}）</source>
        <translation>use my change ({title}: {field})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="542"/>
        <source>无法使用我的修改</source>
        <translation>Cannot use my change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="543"/>
        <source>以下内容无法改回我的修改，可以选择“保留对方”：
{items}</source>
        <translation>These cannot be set back to my change; you can choose “Keep theirs”:
{items}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="52"/>
        <source>查看并处理冲突和被服务器拒绝的操作</source>
        <translation>See and settle conflicts and operations the server refused</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="61"/>
        <source>离线（未登录）</source>
        <translation>Offline (not signed in)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="62"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="63"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="64"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="86"/>
        <source>在“账户 → 登录”中登录省级服务器</source>
        <translation>Sign in to the provincial server under Account → Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="92"/>
        <source>待同步 {n} 项</source>
        <translation>{n} waiting to sync</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="94"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="96"/>
        <source>上次同步：{when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="100"/>
        <source>{n} 项需处理</source>
        <translation>{n} to settle</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="107"/>
        <source>正在上传 {done}/{total} 项操作</source>
        <translation>Uploading {done}/{total} operations</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="109"/>
        <source>正在下载数据 {percent}%</source>
        <translation>Downloading data {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="111"/>
        <source>正在下载数据 {mb} MB</source>
        <translation>Downloading data {mb} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="113"/>
        <source>正在写入本机数据…</source>
        <translation>Writing the local data…</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="115"/>
        <source>正在接收更新 {n} 条</source>
        <translation>Receiving updates: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="122"/>
        <source>同步完成：{r} 项被服务器拒绝，{c} 项冲突</source>
        <translation>Sync finished: {r} refused by the server, {c} conflicts</translation>
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
    <name>excel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="40"/>
        <source>出生日期“{value}”无法识别，请写成 2008-05-01</source>
        <translation>Date of birth “{value}” not understood; write it like 2008-05-01</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="41"/>
        <source>性别“{value}”无法识别，请填写 男 或 女</source>
        <translation>Gender “{value}” not understood; write 男 or 女</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="42"/>
        <source>身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写</source>
        <translation>Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="45"/>
        <source>出生日期与身份证号不一致</source>
        <translation>Date of birth does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="46"/>
        <source>该手机号已报名此活动</source>
        <translation>This mobile number is already registered for the activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="47"/>
        <source>该身份证号已报名此活动</source>
        <translation>This ID number is already registered for the activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="48"/>
        <source>手机号与第 {row} 行重复</source>
        <translation>Same mobile number as row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="49"/>
        <source>身份证号与第 {row} 行重复</source>
        <translation>Same ID number as row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="53"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="54"/>
        <source>文件正被其他程序占用（可能正在 Excel 中打开），请关闭后重试：{path}</source>
        <translation>Another program is using the file (perhaps it is open in Excel); close it and try again: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="57"/>
        <source>这不是 Excel 工作簿（.xlsx）文件，请在 Excel 中另存为 .xlsx 后重试</source>
        <translation>This is not an Excel workbook (.xlsx); save it as .xlsx in Excel and try again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="60"/>
        <source>表格里没有任何报名数据</source>
        <translation>The sheet holds no registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="61"/>
        <source>表格缺少必需的列：{columns}。第一行应为列名，如 姓名、手机号</source>
        <translation>The sheet lacks required columns: {columns}. The first row should name the columns, e.g. 姓名, 手机号</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="64"/>
        <source>无法保存文件：{error}</source>
        <translation>Could not save the file: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="86"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="88"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../sync/core/messages.py" line="35"/>
        <source>请填写{label}</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="36"/>
        <source>{label}含有无法保存的控制字符</source>
        <translation>{label} contains control characters that cannot be saved</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="37"/>
        <source>{label}不能超过 {max} 个字</source>
        <translation>{label} can be at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="38"/>
        <source>请选择活动类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="39"/>
        <source>请选择江苏省内的地区</source>
        <translation>Choose a region in Jiangsu</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="40"/>
        <source>结束时间必须晚于开始时间</source>
        <translation>The end must be after the start</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="41"/>
        <source>报名截止时间不能晚于活动开始时间</source>
        <translation>Registration must close before the activity starts</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="42"/>
        <source>报名开始时间必须早于报名截止时间</source>
        <translation>Registration must open before it closes</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="43"/>
        <source>招募人数至少为 1 人</source>
        <translation>There must be at least 1 place</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="44"/>
        <source>经度和纬度要同时填写</source>
        <translation>Enter both longitude and latitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="45"/>
        <source>坐标不在江苏省范围内，请检查经纬度</source>
        <translation>These coordinates are outside Jiangsu; check longitude and latitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="46"/>
        <source>联系电话格式不正确</source>
        <translation>The phone number is not valid</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="47"/>
        <source>活动当前为“{current}”，不能{action}</source>
        <translation>Cannot {action}: the activity is {current}</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="48"/>
        <source>找不到这条记录，可能已被删除</source>
        <translation>This record no longer exists; it may have been deleted</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="49"/>
        <source>只有草稿可以删除，已发布的活动请取消</source>
        <translation>Only drafts can be deleted; cancel a published activity instead</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="50"/>
        <source>活动当前为“{current}”，不能再修改</source>
        <translation>The activity is {current} and can no longer be edited</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="51"/>
        <source>活动信息不完整或有误</source>
        <translation>The activity is incomplete or has errors</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="52"/>
        <source>其他设备同时修改了相同内容，已保留对方的修改，请在“冲突”中确认</source>
        <translation>Another device changed the same thing at the same time; their change was kept. Please check it under Conflicts.</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="55"/>
        <source>名额已满（{capacity} 人），已转入候补</source>
        <translation>All {capacity} places are taken; moved to the waitlist</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="56"/>
        <source>拒绝报名需要填写理由</source>
        <translation>A reason is required to reject a registration</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="57"/>
        <source>报名者在活动开始时未满14周岁，须先记录监护人同意，才能通过报名</source>
        <translation>The registrant is under 14 when the activity starts: record a guardian&apos;s consent before approving</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="60"/>
        <source>该报名当前为“{current}”，不能审核</source>
        <translation>This registration is {current} and cannot be reviewed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="61"/>
        <source>该报名当前为“{current}”，不能取消</source>
        <translation>This registration is “{current}” and cannot be cancelled</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="62"/>
        <source>活动当前为“{current}”，不能报名</source>
        <translation>The activity is “{current}”: registration is not possible</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="63"/>
        <source>该青年已报名这个活动</source>
        <translation>This person has already registered for this activity</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="64"/>
        <source>青年信息不完整或有误</source>
        <translation>The person&apos;s details are incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="65"/>
        <source>手机号应为 11 位数字，以 1 开头</source>
        <translation>A mobile number has 11 digits and starts with 1</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="66"/>
        <source>身份证号格式不正确或校验位不符</source>
        <translation>The ID number is malformed or its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="67"/>
        <source>已有 {approved} 人通过审核，名额不能减到 {capacity}；请先取消或拒绝部分报名</source>
        <translation>{approved} people are already approved, so the capacity cannot go down to {capacity}; cancel or reject some registrations first</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="70"/>
        <source>这个手机号已属于另一位姓名不同的青年，请核对姓名和手机号</source>
        <translation>This phone number belongs to another youth with a different name; please check the name and phone number</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="73"/>
        <source>这个身份证号已属于另一位青年（手机号不同），请核对身份证号和手机号</source>
        <translation>This ID number belongs to another youth (with a different phone); please check the ID number and phone number</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="76"/>
        <source>出生日期不正确</source>
        <translation>The date of birth is not valid</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="77"/>
        <source>性别只能是男、女或未知</source>
        <translation>Gender must be male, female or unknown</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="78"/>
        <source>标签“{tag}”无效：标签为 1 至 {max} 个字，不能含引号或控制字符</source>
        <translation>Tag “{tag}” is not valid: a tag has 1 to {max} characters, without quotes or control characters</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="81"/>
        <source>通知内容不完整或有误</source>
        <translation>The notice is incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="82"/>
        <source>理由不能超过 {max} 个字</source>
        <translation>The reason cannot be longer than {max} characters</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="83"/>
        <source>监护人同意状态无效</source>
        <translation>Not a valid guardian-consent status</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="84"/>
        <source>您的账号没有这项权限，请联系上级团组织</source>
        <translation>Your account does not have this permission; ask the League committee above you</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="85"/>
        <source>这项操作不能由此账号进行</source>
        <translation>This account cannot do this</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="86"/>
        <source>已经关注了这个组织</source>
        <translation>Already following this organisation</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="87"/>
        <source>这条记录已经存在，无需重复创建</source>
        <translation>This record already exists</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="88"/>
        <source>操作内容不完整，服务器无法处理</source>
        <translation>The operation is incomplete; the server cannot process it</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="89"/>
        <source>一项操作最多涉及 {max} 条记录，请升级工作台（它会自动分批）</source>
        <translation>One operation may involve at most {max} records; please update the workbench (it splits them automatically)</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="92"/>
        <source>此版本不认识操作“{kind}”，请升级工作台</source>
        <translation>This version does not know the operation “{kind}”; please upgrade the workbench</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="93"/>
        <source>没有可以撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="94"/>
        <source>这一步已同步到服务器，无法撤销</source>
        <translation>This step already reached the server and cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="95"/>
        <source>查看个人信息的记录不能撤销</source>
        <translation>The record of viewing personal data cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="96"/>
        <source>这条记录之后又有修改，请先撤销后面的操作</source>
        <translation>The record was changed again afterwards; undo the later change first</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="101"/>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="102"/>
        <source>活动类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="103"/>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="104"/>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="105"/>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="106"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="107"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="108"/>
        <source>报名开始时间</source>
        <translation>Registration opening</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="109"/>
        <source>报名截止时间</source>
        <translation>Registration closing</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="110"/>
        <source>招募人数</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="111"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="112"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="113"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="114"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="116"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="117"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="118"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="119"/>
        <source>学校或单位</source>
        <translation>School or employer</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="120"/>
        <source>通知标题</source>
        <translation>Notice title</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="121"/>
        <source>通知内容</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="123"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="124"/>
        <source>已发布</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="125"/>
        <source>已完成</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="126"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="127"/>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="128"/>
        <source>报名中</source>
        <translation>registering</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="129"/>
        <source>报名截止</source>
        <translation>registration closed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="130"/>
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="131"/>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="132"/>
        <source>待审核</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="133"/>
        <source>已通过</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="134"/>
        <source>候补</source>
        <translation>waitlisted</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="135"/>
        <source>已拒绝</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="137"/>
        <source>提交报名</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="138"/>
        <source>候补转为通过</source>
        <translation>Promoted from the waitlist</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="139"/>
        <source>线上报名</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="140"/>
        <source>现场登记</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="141"/>
        <source>名单导入</source>
        <translation>Imported list</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="142"/>
        <source>待发送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="143"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="22"/>
        <source>监护人已同意</source>
        <translation>Guardian consented</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="22"/>
        <source>已同意</source>
        <translation>consented</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="23"/>
        <source>监护人不同意</source>
        <translation>Guardian refused</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="23"/>
        <source>不同意</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="25"/>
        <source>监护人同意未确认</source>
        <translation>Guardian consent not confirmed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="26"/>
        <source>未确认</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="30"/>
        <source>未满 {age} 周岁：处理其个人信息需征得监护人同意（{consent}）</source>
        <translation>Under {age}: processing their personal data needs a guardian&apos;s consent ({consent})</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="147"/>
        <source>发布</source>
        <translation>publish</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="148"/>
        <source>取消</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="149"/>
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
        <location filename="../../desktop/settings.py" line="42"/>
        <source>代理服务器</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="43"/>
        <source>单位 CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../sync/client/messages.py" line="19"/>
        <source>同步失败，请稍后再试</source>
        <translation>Sync failed; please try again later</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="20"/>
        <source>连不上服务器，请检查网络；工作可以继续，联网后会自动同步</source>
        <translation>Cannot reach the server; please check the network. You can keep working: changes sync once you are online</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="23"/>
        <source>服务器证书无法验证：请在设置中指定单位的 CA 证书</source>
        <translation>The server&apos;s certificate cannot be verified: choose your organisation&apos;s CA certificate in Settings</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="26"/>
        <source>登录已过期或已退出，请重新登录</source>
        <translation>Your sign-in has expired or you signed out; please sign in again</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="27"/>
        <source>工作台版本与服务器不兼容，请安装最新版本</source>
        <translation>This version of the workbench does not work with the server; please install the latest version</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="28"/>
        <source>服务器拒绝了这个请求</source>
        <translation>The server refused this request</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="29"/>
        <source>尝试次数过多，请稍后再试</source>
        <translation>Too many attempts; please try again later</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="30"/>
        <source>服务器返回了无法识别的内容，请稍后再试或联系管理员</source>
        <translation>The server sent an answer that cannot be read; please try again later or contact your administrator</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="31"/>
        <source>服务器正忙，稍后会自动重试；工作已保存在本机</source>
        <translation>The server is busy and will be tried again shortly; your work is saved on this computer</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="32"/>
        <source>这台电脑很久没有同步，需要重新下载全部数据；尚未上传的工作会保留</source>
        <translation>This computer has not synced for a long time and must download all data again; work not yet uploaded is kept</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="35"/>
        <source>下载的数据不完整或已损坏，本机数据没有改动；请稍后再同步</source>
        <translation>The downloaded data is incomplete or damaged; the local data was not changed. Please sync again later</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="38"/>
        <source>部署配置有误，请联系管理员</source>
        <translation>The deployment settings are wrong; please contact your administrator</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="39"/>
        <source>找不到 CA 证书文件：{path}。请在设置中重新选择，或联系管理员</source>
        <translation>CA certificate file not found: {path}. Choose it again in Settings, or contact your administrator</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="42"/>
        <source>本机保存的是另一个组织的数据：请先退出并清除本机数据，或使用另一个配置文件夹</source>
        <translation>This computer holds another organisation&apos;s data: sign out and remove the local data first, or use another profile folder</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="46"/>
        <source>这台电脑没有可用的系统密码保管服务，无法保存登录状态。在 Linux 上请安装并解锁 gnome-keyring（Secret Service），或联系管理员。</source>
        <translation>This computer has no usable system password store, so the sign-in cannot be kept. On Linux, install and unlock gnome-keyring (Secret Service), or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="51"/>
        <source>本机数据已加密，但在系统密码保管服务中找不到它的钥匙（或钥匙不对），无法打开。可以把这份数据移到一旁，重新登录并从服务器下载；移开的数据里尚未同步的工作无法恢复。</source>
        <translation>The local data is encrypted, but its key is not in the system&apos;s password store (or is wrong), so it cannot be opened. You can move it aside, sign in again and download from the server; work in it that was not yet synced cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="56"/>
        <source>本机数据文件已损坏（或保存的钥匙与它不符），无法打开。可以把它移到一旁（不会删除），从服务器重新下载；其中尚未同步的工作，能读出的都会保留并在下次同步时上传。</source>
        <translation>The local data file is damaged (or the saved key does not fit it) and cannot be opened. You can move it aside (it is not deleted) and download from the server again; whatever work not yet synced can still be read from it is kept and sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="61"/>
        <source>本单位要求加密保存本机数据，但这台电脑没有可用的系统密码保管服务来保存钥匙。在 Linux 上请安装并解锁 gnome-keyring（Secret Service），或联系管理员。</source>
        <translation>Your organisation requires the local data to be encrypted, but this computer has no system password store to keep the key. On Linux install and unlock gnome-keyring (Secret Service), or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="67"/>
        <source>用户名或密码不正确</source>
        <translation>Wrong username or password</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="68"/>
        <source>密码错误次数过多，请 {seconds} 秒后再试</source>
        <translation>Too many wrong passwords; please try again in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="69"/>
        <source>该账号已停用，请联系上级团组织</source>
        <translation>This account has been disabled; please contact the League organisation above you</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="70"/>
        <source>请先登录</source>
        <translation>Please sign in first</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="71"/>
        <source>登录信息无效，请重新登录</source>
        <translation>Your sign-in is not valid; please sign in again</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="72"/>
        <source>登录已过期，请重新登录</source>
        <translation>Your sign-in has expired; please sign in again</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="73"/>
        <source>您已退出登录，请重新登录</source>
        <translation>You have signed out; please sign in again</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="74"/>
        <source>请求内容不完整或格式不正确</source>
        <translation>The request is incomplete or malformed</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="75"/>
        <source>请求内容过大，服务器不予接收</source>
        <translation>The request is too large for the server</translation>
    </message>
    <message>
        <location filename="../../sync/client/messages.py" line="77"/>
        <source>当前账号没有查看完整个人信息的权限，请联系上级团组织开通</source>
        <translation>This account may not see full personal details; ask the League organisation above you to grant it</translation>
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
