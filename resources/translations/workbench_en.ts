<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../desktop/pages/activities.py" line="172"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="172"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="172"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="172"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="179"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="180"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="181"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="182"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="183"/>
        <source>未来 30 天</source>
        <translation>Next 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="184"/>
        <source>过去 30 天</source>
        <translation>Past 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="185"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="189"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="192"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="194"/>
        <source>搜索名称、地点、简介或组织（Ctrl+F）</source>
        <translation>Search title, place, description or organisation (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="196"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="196"/>
        <source>新建一个活动草稿 (Ctrl+N)</source>
        <translation>Create a draft activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="197"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="197"/>
        <source>编辑选中的活动 (Ctrl+E 或回车)</source>
        <translation>Edit the selected activity (Ctrl+E or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="199"/>
        <source>复制为新活动</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="200"/>
        <source>以选中活动为模板新建 (Ctrl+D)</source>
        <translation>Create a new activity from the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="202"/>
        <source>发布选中的草稿 (Ctrl+P)</source>
        <translation>Publish the selected draft (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="202"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="203"/>
        <location filename="../../desktop/pages/activities.py" line="428"/>
        <source>取消活动</source>
        <translation>Cancel activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="203"/>
        <source>取消选中的活动</source>
        <translation>Cancel the selected activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="204"/>
        <source>活动结束后标记为已完成</source>
        <translation>Mark as completed once it is over</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="204"/>
        <source>标记完成</source>
        <translation>Mark completed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="205"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="205"/>
        <source>删除选中的草稿 (Delete)</source>
        <translation>Delete the selected draft (Delete)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="206"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="206"/>
        <source>显示全部活动</source>
        <translation>Show all activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="208"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="209"/>
        <source>打开选中活动主办组织的组织页 (Ctrl+O)</source>
        <translation>Open the organisation page of the selected activity&apos;s organiser (Ctrl+O)</translation>
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
        <location filename="../../desktop/pages/activities.py" line="362"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="366"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="381"/>
        <source>新建“{title}”</source>
        <translation>create “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="395"/>
        <source>不能修改</source>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="396"/>
        <source>活动已{status}，不能再修改。</source>
        <translation>The activity is {status} and can no longer be edited.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="405"/>
        <source>修改“{title}”</source>
        <translation>edit “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="415"/>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="429"/>
        <source>确定取消“{title}”吗？已报名的青年将看到活动已取消。</source>
        <translation>Cancel “{title}”? Youths who registered will see that it was cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="434"/>
        <source>发布“{title}”</source>
        <translation>publish “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="435"/>
        <source>取消“{title}”</source>
        <translation>cancel “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="436"/>
        <source>完成“{title}”</source>
        <translation>complete “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/activities.py" line="448"/>
        <source>删除草稿“{title}”</source>
        <translation>delete draft “{title}”</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="250"/>
        <source>编辑活动</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="250"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="251"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="252"/>
        <source>时间安排</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="253"/>
        <source>报名与联系</source>
        <translation>Registration and contact</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="257"/>
        <source>活动名称*</source>
        <translation>Title*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="258"/>
        <source>活动类别*</source>
        <translation>Category*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="259"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="260"/>
        <source>所在地区*</source>
        <translation>Region*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="261"/>
        <source>活动地点*</source>
        <translation>Place*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="262"/>
        <source>坐标（可选）</source>
        <translation>Coordinates (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="269"/>
        <source>开始时间*</source>
        <translation>Starts*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="269"/>
        <source>结束时间*</source>
        <translation>Ends*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="269"/>
        <source>报名开始</source>
        <translation>Registration opens</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="269"/>
        <source>报名截止*</source>
        <translation>Registration closes*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="275"/>
        <source>招募人数*</source>
        <translation>Places*</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="275"/>
        <source>选项</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="275"/>
        <source>联系人/电话</source>
        <translation>Contact / phone</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="275"/>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="279"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="280"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="281"/>
        <source>如 118.78</source>
        <translation>e.g. 118.78</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="282"/>
        <source>如 32.04</source>
        <translation>e.g. 32.04</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="283"/>
        <source>在地图上选择…</source>
        <translation>Pick on the map…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="284"/>
        <source>如：江宁区青年创业沙龙（第3期）</source>
        <translation>e.g. Jiangning Youth Start-up Salon (No. 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="285"/>
        <source>如：江宁区青年创业园 3 楼报告厅</source>
        <translation>e.g. Jiangning Youth Start-up Park, 3rd floor hall</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="286"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="287"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="288"/>
        <source>报名需要审核</source>
        <translation>Registrations need review</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="289"/>
        <source>设为精选活动</source>
        <translation>Featured activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="290"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="291"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/activity_dialog.py" line="292"/>
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
    <name>AdjustDialog</name>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="350"/>
        <source>更正志愿时长</source>
        <translation>Correct volunteer hours</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="351"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="358"/>
        <source>{name}：按规则计时 {counted} 小时，现认定 {hours} 小时</source>
        <translation>{name}: {counted} h counted by the rule, {hours} h recognised now</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="366"/>
        <source>时长已确认：这次更正会标为“确认后更正”</source>
        <translation>The hours are confirmed: this correction will be flagged “corrected after confirmation”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="369"/>
        <source>认定时长</source>
        <translation>Recognised hours</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="370"/>
        <source>原因*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="371"/>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
</context>
<context>
    <name>CheckinExports</name>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="39"/>
        <source>保存签到码</source>
        <translation>Save check-in codes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="39"/>
        <source>签到码.pdf</source>
        <translation>check-in codes.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="39"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="52"/>
        <source>正在从服务器取签到码…</source>
        <translation>Fetching the check-in codes from the server…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="62"/>
        <source>没能取到签到码（需要联网）：{error}</source>
        <translation>Could not fetch the check-in codes (this needs the network): {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="74"/>
        <source>已保存 {n} 个签到码（{pages} 页）：{path}</source>
        <translation>Saved {n} check-in codes ({pages} pages): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="87"/>
        <source>导出志愿时长</source>
        <translation>Export volunteer hours</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="88"/>
        <source>志愿时长.xlsx</source>
        <translation>volunteer hours.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="89"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="101"/>
        <source>正在导出志愿时长…</source>
        <translation>Exporting volunteer hours…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_exports.py" line="107"/>
        <source>已导出 {n} 人的志愿时长到 {path}</source>
        <translation>Exported the volunteer hours of {n} people to {path}</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="322"/>
        <source>正在同步，准备离线签到…</source>
        <translation>Syncing to get ready for offline check-in…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="331"/>
        <source>没能同步：{error}
本机数据可能不是最新的，请联网后再点“准备离线”</source>
        <translation>Could not sync: {error}
The data on this computer may be out of date; connect and click “Prepare for offline” again</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="344"/>
        <source>服务器没有发来签到码公钥，离线时无法核验签到码</source>
        <translation>The server sent no key for check-in codes: codes cannot be checked offline</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="346"/>
        <source>还有 {n} 项操作没有送到服务器，请保持联网再同步一次</source>
        <translation>{n} changes have not reached the server yet; stay connected and sync once more</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="350"/>
        <source>可以断网了：本机已有“{title}”的 {n} 条报名和核验签到码的公钥，离线签到、签退、现场报名都不需要网络</source>
        <translation>Safe to unplug: this computer has the {n} registrations of “{title}” and the key to check codes; check-in, check-out and walk-ins need no network</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="361"/>
        <source>没有可以撤销的签到</source>
        <translation>No check-in to undo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="365"/>
        <source>撤销签到</source>
        <translation>Undo check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="366"/>
        <source>撤销 {name} 的签到，请填写原因：</source>
        <translation>Undo the check-in of {name}. Why?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="376"/>
        <source>已撤销 {name} 的签到</source>
        <translation>Check-in of {name} undone</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="399"/>
        <source>请扫码，或输入姓名、手机尾号后按回车</source>
        <translation>Scan a code, or type a name or phone ending, then Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="415"/>
        <source>欢迎，{name}！</source>
        <translation>Welcome, {name}!</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="416"/>
        <source>{name} 已签退，再见！</source>
        <translation>{name} checked out. Goodbye!</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="417"/>
        <source>{name} 已签到（{time}）</source>
        <translation>{name} already checked in ({time})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="418"/>
        <source>{name} 还没有签到，不能签退</source>
        <translation>{name} has not checked in, so cannot check out</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="419"/>
        <source>有多人符合，请在下面选择</source>
        <translation>Several people match: choose below</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="420"/>
        <source>未报名此活动</source>
        <translation>Not registered for this activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="421"/>
        <source>{name} 的报名尚未通过</source>
        <translation>{name}&apos;s registration is not approved yet</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="422"/>
        <source>{name} 的报名未通过审核</source>
        <translation>{name}&apos;s registration was rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="423"/>
        <source>{name} 的报名已取消</source>
        <translation>{name}&apos;s registration was cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="424"/>
        <source>这是其他活动的签到码</source>
        <translation>This code is for another activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="425"/>
        <source>签到码无效（可能被伪造或改动）</source>
        <translation>Invalid code (forged or altered)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="426"/>
        <source>本机还没有同步过，无法核验签到码，请先同步</source>
        <translation>This computer has never synced and cannot check codes: sync first</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="432"/>
        <source>没有可签到的活动（已发布、一周内）</source>
        <translation>No activity to check in to (published, within a week)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="437"/>
        <source>应到 {e}&#x3000;已到 {a}&#x3000;在场 {i}&#x3000;已离开 {l}&#x3000;现场报名 {w}</source>
        <translation>Expected {e} · Arrived {a} · Inside {i} · Left {l} · Walk-ins {w}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="447"/>
        <source>{name}：已签到（{time}），但报名当前为“{status}”</source>
        <translation>{name}: checked in ({time}), but the registration is now “{status}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="460"/>
        <source>志愿时长从首次签到算到最后签退：不足 {min} 分钟不计，按 {step} 分钟向下取整，每天最多 {cap} 小时；可更正、确认、导出</source>
        <translation>Volunteer hours run from the first check-in to the last check-out: under {min} minutes count nothing, rounded down to {step} minutes, at most {cap} hours a day; correct, confirm, export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="469"/>
        <source>签退模式（F6）</source>
        <translation>Checking out (F6)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="472"/>
        <source>签到模式（F5）</source>
        <translation>Checking in (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="476"/>
        <source>活动：</source>
        <translation>Activity:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="477"/>
        <source>扫码，或输入姓名、手机尾号 4 位，按回车</source>
        <translation>Scan a code, or type a name or the last 4 digits of a phone, then Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="478"/>
        <source>签到 (F5)</source>
        <translation>Check in (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="479"/>
        <source>签退 (F6)</source>
        <translation>Check out (F6)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="480"/>
        <source>撤销上一个签到… (F8)</source>
        <translation>Undo last check-in… (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="481"/>
        <source>现场报名… (F7)</source>
        <translation>Walk-in… (F7)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="482"/>
        <source>准备离线</source>
        <translation>Prepare for offline</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="483"/>
        <source>打印签到码… (Ctrl+P)</source>
        <translation>Print codes… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="484"/>
        <source>志愿时长… (Ctrl+H)</source>
        <translation>Volunteer hours… (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="487"/>
        <source>同步一次，确认本机已有报名名单和核验签到码的公钥，然后可以断网</source>
        <translation>Sync once and make sure this computer has the registrations and the key to check codes; then it can go offline</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="490"/>
        <source>需核对：以下人员已签到，但报名已不是“已通过”（可能在其他电脑上被取消）</source>
        <translation>To check: these people checked in, but their registration is no longer approved (perhaps cancelled on another computer)</translation>
    </message>
</context>
<context>
    <name>CheckinSheet</name>
    <message>
        <location filename="../../desktop/checkin_sheet.py" line="52"/>
        <source>{title} · 签到码（第 {n}/{total} 页）</source>
        <translation>{title} · check-in codes (page {n} of {total})</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../desktop/pages/stats.py" line="80"/>
        <source>共 {n} 条</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="84"/>
        <source>导出表格 (Excel)</source>
        <translation>Export table (Excel)</translation>
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
        <location filename="../../desktop/pages/followers.py" line="173"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="174"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="177"/>
        <source>搜索姓名或手机尾号（Ctrl+F）</source>
        <translation>Search name or last digits of mobile (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="178"/>
        <source>粉丝列表</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="179"/>
        <source>增长趋势</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="180"/>
        <source>通知记录</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="183"/>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="184"/>
        <source>给选中的粉丝或全部筛选结果添加标签 (Ctrl+T)</source>
        <translation>Tag the selected followers or all that match the filter (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="187"/>
        <source>移除标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="188"/>
        <source>从选中的粉丝或全部筛选结果移除标签 (Ctrl+Shift+T)</source>
        <translation>Remove a tag from the selected followers or all that match the filter (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="191"/>
        <source>写通知</source>
        <translation>Write notice</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="192"/>
        <source>给全部粉丝或某个标签的粉丝写通知，同步时发送 (Ctrl+Shift+N)</source>
        <translation>Write a notice to all followers or to one tag; sent on sync (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="195"/>
        <location filename="../../desktop/pages/followers.py" line="487"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="196"/>
        <source>导出选中的或全部筛选出的粉丝，手机号脱敏 (Ctrl+Shift+E)</source>
        <translation>Export the selected followers, or all that match the filter, with phone numbers masked (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="198"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="198"/>
        <source>显示本组织的全部粉丝</source>
        <translation>Show all followers of this organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="200"/>
        <source>组织页</source>
        <translation>Organisation page</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="201"/>
        <source>打开所选组织（或本组织）的组织页：地址、活动、粉丝增长 (Ctrl+O)</source>
        <translation>Open the page of the chosen organisation (or your own): address, activities, follower growth (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="203"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="229"/>
        <source>本组织</source>
        <translation>This organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="232"/>
        <source>本组织及全部下级</source>
        <translation>This and all subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="233"/>
        <source>全部下级组织</source>
        <translation>All subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="242"/>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="244"/>
        <source>{tag}（{n}）</source>
        <translation>{tag} ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="335"/>
        <source>共 {n} 位粉丝</source>
        <translation>{n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="406"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="410"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="434"/>
        <source>从 {n} 位粉丝移除标签“{tags}”</source>
        <translation>remove tag “{tags}” from {n} followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="437"/>
        <source>给 {n} 位粉丝添加标签“{tags}”</source>
        <translation>tag {n} followers “{tags}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="439"/>
        <source>正在保存标签…</source>
        <translation>Saving tags…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="473"/>
        <source>写通知“{title}”</source>
        <translation>write notice “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="487"/>
        <source>没有可导出的粉丝</source>
        <translation>There are no followers to export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="490"/>
        <source>粉丝名单-{day}.xlsx</source>
        <translation>followers-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="510"/>
        <source>正在导出 {n} 位粉丝…</source>
        <translation>Exporting {n} followers…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="514"/>
        <source>已取消导出，没有生成文件</source>
        <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="518"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/followers.py" line="522"/>
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
    <name>HoursDialog</name>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="63"/>
        <source>志愿时长：{title}</source>
        <translation>Volunteer hours: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="69"/>
        <source>修改规则…</source>
        <translation>Change rule…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="73"/>
        <source>确认全部时长…</source>
        <translation>Confirm all hours…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="82"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="83"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="84"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="85"/>
        <source>签退</source>
        <translation>Check-out</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="86"/>
        <source>按规则计时</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="87"/>
        <source>认定时长</source>
        <translation>Recognised hours</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="88"/>
        <source>累计时长</source>
        <translation>Total (all activities)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="89"/>
        <source>更正原因</source>
        <translation>Reason for correction</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="98"/>
        <source>更正记录（只增不删，最新在前）</source>
        <translation>Corrections (never deleted, newest first)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="102"/>
        <source>更正所选人员时长…</source>
        <translation>Correct the selected person&apos;s hours…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="104"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="106"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="140"/>
        <source>计时规则：从首次签到算到最后签退；不足 {min} 分钟不计，按 {step} 分钟向下取整，每天最多 {cap} 小时（默认 {dmin} 分钟、{dstep} 分钟、{dcap} 小时）</source>
        <translation>Rule: from the first check-in to the last check-out; under {min} minutes count nothing, rounded down to {step} minutes, at most {cap} hours a day (defaults {dmin} minutes, {dstep} minutes, {dcap} hours)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="156"/>
        <source>尚未确认。活动结束后请核对并确认全部时长；确认后规则不能再改。</source>
        <translation>Not confirmed yet. When the activity has ended, check and confirm all hours; after that the rule cannot change.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="162"/>
        <source>已由 {by} 于 {time} 确认。之后仍可更正个人时长（须填原因），但会标为“确认后更正”。</source>
        <translation>Confirmed by {by} at {time}. A person&apos;s hours can still be corrected (with a reason), flagged “corrected after confirmation”.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="166"/>
        <source>时长已确认，规则不能再改</source>
        <translation>The hours are confirmed; the rule cannot change</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="176"/>
        <source>⚑ 确认后更正：{reason}</source>
        <translation>⚑ Corrected after confirmation: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="212"/>
        <source>{time}  {actor} 将 {name} 的时长更正为 {hours} 小时：{reason}</source>
        <translation>{time}  {actor} corrected {name}&apos;s hours to {hours} h: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="220"/>
        <source>（确认后更正）</source>
        <translation> (after confirmation)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="222"/>
        <source>（已被后来的更正取代）</source>
        <translation> (replaced by a later correction)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="229"/>
        <source>本机</source>
        <translation>this computer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="256"/>
        <source>计时规则已保存，时长已按新规则重算</source>
        <translation>Rule saved; the hours are counted by it now</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="267"/>
        <source>已将 {name} 的时长更正为 {hours} 小时</source>
        <translation>{name}&apos;s hours corrected to {hours} h</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="277"/>
        <source>已确认全部时长</source>
        <translation>All hours confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="290"/>
        <source>请先在表中选择一个人</source>
        <translation>Select a person in the table first</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="299"/>
        <source>确认全部时长</source>
        <translation>Confirm all hours</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="301"/>
        <source>确认这 {n} 人的志愿时长，合计 {hours} 小时？
确认后计时规则不能再改；个人时长仍可更正，但会标为“确认后更正”。</source>
        <translation>Confirm the volunteer hours of these {n} people, {hours} h in all?
Afterwards the rule cannot change; a person&apos;s hours can still be corrected, flagged “corrected after confirmation”.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="318"/>
        <source>导入报名</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="326"/>
        <source>只看有问题和待处理的行(&amp;B)</source>
        <translation>Only rows with problems or waiting for you (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="340"/>
        <source>使用已存青年(&amp;U)</source>
        <translation>Use the stored youth (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="341"/>
        <source>所选冲突行报名已存的那位青年，名单上的信息不导入</source>
        <translation>Register the stored youth for the selected conflicting rows; the list&apos;s details are not imported</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="342"/>
        <source>不导入此行(&amp;L)</source>
        <translation>Leave the row out (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="343"/>
        <source>所选冲突行不导入；修改名单后可再导入</source>
        <translation>Leave the selected conflicting rows out; fix the list and import them later</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="350"/>
        <source>有效记录将一次全部导入；中途出错则一条也不导入。导入后可按 Ctrl+Z 撤销。</source>
        <translation>Valid rows are imported all at once; if anything fails, none is. Ctrl+Z undoes the import.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="391"/>
        <source>已取消读取，请重新选择</source>
        <translation>Reading was cancelled; choose again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="406"/>
        <source>请为必需的列选择表格中的列：{columns}</source>
        <translation>Choose the sheet&apos;s column for each required field: {columns}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="411"/>
        <source>表头下面没有数据行，请检查工作表和表头行</source>
        <translation>There are no rows below the header; check the sheet and the header row</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="413"/>
        <source>导入到：&lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;共 {total} 行，全部有效。</source>
        <translation>Import into: &lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;{total} rows, all valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="418"/>
        <source>导入到：&lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;共 {total} 行：{good} 行有效，&lt;span style=&apos;color:#c0392b&apos;&gt;{bad} 行有问题或待处理&lt;/span&gt;（不会导入，原因见“说明”列）。</source>
        <translation>Import into: &lt;b&gt;{activity}&lt;/b&gt;&lt;br&gt;{total} rows: {good} valid, &lt;span style=&apos;color:#c0392b&apos;&gt;{bad} with problems or waiting for you&lt;/span&gt; (not imported; see the Notes column).</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="424"/>
        <source>&lt;br&gt;&lt;b&gt;{n} 行与已存青年冲突&lt;/b&gt;：选中后点“使用已存青年”，或修改名单后重新导入。</source>
        <translation>&lt;br&gt;&lt;b&gt;{n} rows conflict with stored youths&lt;/b&gt;: select them and click “Use the stored youth”, or fix the list and import again.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="429"/>
        <source>导入 {n} 条有效记录</source>
        <translation>Import {n} valid rows</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="356"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="94"/>
        <source>在地图上选择活动地点</source>
        <translation>Pick the activity&apos;s location on the map</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="95"/>
        <source>查找县区或乡镇</source>
        <translation>Find a county or town</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="96"/>
        <source>如：江宁区、秣陵街道</source>
        <translation>e.g. 江宁区, 秣陵街道</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="97"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="98"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="110"/>
        <source>这个位置在江苏省外，不能作为活动地点。请在江苏省内点选。</source>
        <translation>This point is outside Jiangsu and cannot be an activity&apos;s location. Please click a point inside Jiangsu.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="124"/>
        <location filename="../../desktop/dialogs/location_dialog.py" line="133"/>
        <source>找不到“{text}”，请从列表中选择。</source>
        <translation>“{text}” was not found; please choose from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="141"/>
        <source>已移到{name}所在的县区，请在地图上点击具体位置。</source>
        <translation>Moved to the county of {name}; click the exact place on the map.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="154"/>
        <source>在地图上点击活动地点，或查找县区、乡镇。</source>
        <translation>Click the activity&apos;s location on the map, or find a county or town.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/location_dialog.py" line="158"/>
        <source>已选：经度 {lon:.6f}，纬度 {lat:.6f} {where}</source>
        <translation>Chosen: longitude {lon:.6f}, latitude {lat:.6f} {where}</translation>
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
        <location filename="../../desktop/dialogs/login_dialog.py" line="64"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login_dialog.py" line="82"/>
        <source>请填写服务器地址、账号和密码</source>
        <translation>Enter the server address, username and password</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="186"/>
        <location filename="../../desktop/dialogs/login_dialog.py" line="94"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="303"/>
        <source>报名审核</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="293"/>
        <location filename="../../desktop/main_window.py" line="294"/>
        <location filename="../../desktop/main_window.py" line="467"/>
        <location filename="../../desktop/main_window.py" line="473"/>
        <source>苏青U+ 工作台</source>
        <translation>Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="295"/>
        <source>正在打开本机数据…</source>
        <translation>Opening the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="300"/>
        <location filename="../../desktop/main_window.py" line="431"/>
        <location filename="../../desktop/main_window.py" line="441"/>
        <source>未登录组织</source>
        <translation>No organisation signed in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="302"/>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="304"/>
        <source>粉丝</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="305"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="306"/>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="307"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="308"/>
        <source>诉求</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="314"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>页面(&amp;P)</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="316"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="317"/>
        <source>登录…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="318"/>
        <source>同步 (F9)</source>
        <translation>Sync (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="319"/>
        <source>退出登录…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="320"/>
        <source>同步问题…</source>
        <translation>Sync issues…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="390"/>
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="426"/>
        <source>已退出登录，本机数据已清除</source>
        <translation>Signed out; the local data was removed</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="322"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="323"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="324"/>
        <location filename="../../desktop/main_window.py" line="477"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="325"/>
        <location filename="../../desktop/main_window.py" line="529"/>
        <source>关于苏青U+ 工作台</source>
        <translation>About Suqing U+ Workbench</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="203"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="381"/>
        <source>撤销 {label}</source>
        <translation>Undo {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="381"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="396"/>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="398"/>
        <source>已撤销：{label}</source>
        <translation>Undone: {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="460"/>
        <source>本机数据由更新版本的工作台创建，请安装最新版本后再打开。</source>
        <translation>The data on this computer was written by a newer version of the workbench. Please install the latest version.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="464"/>
        <source>缺少地区数据文件，请重新安装工作台。</source>
        <translation>The region data files are missing. Please reinstall the workbench.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="466"/>
        <source>无法打开本机数据文件：{error}</source>
        <translation>Cannot open the data file on this computer: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="475"/>
        <source>移开的数据文件会留在配置文件夹中，不会被删除。</source>
        <translation>The file moved aside stays in the profile folder; it is not deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="476"/>
        <source>移到一旁并重新下载</source>
        <translation>Move aside and download again</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="484"/>
        <source>已把无法打开的数据移到一旁，保留了 {count} 项未同步的操作；同步时会重新下载全部数据。</source>
        <translation>The data that could not be opened was moved aside; {count} operations not yet synced were kept. The next sync downloads everything again.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="487"/>
        <source>原数据有部分无法读出，其中尚未同步的工作可能没有保留。</source>
        <translation> Part of the old data could not be read: work in it that was not yet synced may not have been kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="500"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="500"/>
        <source>找不到所选语言的翻译文件，界面保持中文。</source>
        <translation>The translation for that language is missing; the interface stays in Chinese.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="531"/>
        <source>苏青U+ 工作台：县级和基层团组织的活动、报名、粉丝与签到管理工具。
离线可用，联网后自动同步。

日志文件夹：{path}</source>
        <translation>Suqing U+ Workbench: activities, registrations, followers and check-in for county and grassroots League organisations.
Works offline and syncs when online.

Log folder: {path}</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="83"/>
        <source>活动类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="83"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="83"/>
        <source>分布</source>
        <translation>Shading</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="83"/>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="91"/>
        <source>7 天内</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="92"/>
        <source>30 天内</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="93"/>
        <source>90 天内</source>
        <translation>Within 90 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="94"/>
        <source>全部即将开始</source>
        <translation>All upcoming</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="100"/>
        <source>新增粉丝</source>
        <translation>New followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="100"/>
        <source>活动参与人次</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="105"/>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="106"/>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="107"/>
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="108"/>
        <source>全部</source>
        <translation>All time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="128"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/map_page.py" line="230"/>
        <source>{orgs} 个组织，{activities} 个活动</source>
        <translation>{orgs} organisations, {activities} activities</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="83"/>
        <source>表格：工作表、表头和列</source>
        <translation>Spreadsheet: sheet, header and columns</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="94"/>
        <source>隐藏的工作表不导入：{names}</source>
        <translation>Hidden sheets are not imported: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="112"/>
        <source>工作表(&amp;S)：</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="115"/>
        <source>表头所在行(&amp;H)：</source>
        <translation>&amp;Header row:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="121"/>
        <source>带 * 的列必须有。列名不对时，在这里改；下次导入会记住。</source>
        <translation>Columns marked * are required. If a column is wrong, change it here; the next import remembers it.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/mapping_step.py" line="142"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
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
        <location filename="../../desktop/dialogs/notice_dialog.py" line="69"/>
        <source>保存待发送</source>
        <translation>Save to send</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="72"/>
        <source>发送组织</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="75"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="77"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="79"/>
        <source>发送对象</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="97"/>
        <source>全部粉丝</source>
        <translation>All followers</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="100"/>
        <source>标签：{tag}（{n} 人）</source>
        <translation>Tag: {tag} ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/notice_dialog.py" line="109"/>
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
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="109"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="110"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="111"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="112"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="113"/>
        <source>上级组织</source>
        <translation>Parent organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="114"/>
        <source>粉丝</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="117"/>
        <source>当前活动</source>
        <translation>Current activities</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="118"/>
        <source>往期活动</source>
        <translation>Past activities</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="119"/>
        <source>下级组织</source>
        <translation>Subordinate organisations</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="143"/>
        <source>该组织已不在本机数据中</source>
        <translation>This organisation is no longer in the local data</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="150"/>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="152"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="157"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="162"/>
        <source>{n} 位，近 12 个月新增 {new} 位</source>
        <translation>{n}, {new} new in the last 12 months</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="181"/>
        <source>当前活动 ({n})</source>
        <translation>Current activities ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="182"/>
        <source>往期活动 ({n})</source>
        <translation>Past activities ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="183"/>
        <source>下级组织 ({n})</source>
        <translation>Subordinate organisations ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/organization_dialog.py" line="189"/>
        <source>这个组织还没有地图位置。</source>
        <translation>This organisation has no location on the map yet.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="33"/>
        <source>导出诉求</source>
        <translation>Export requests</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="38"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="40"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="41"/>
        <source>到</source>
        <translation>Until</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="229"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="231"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="232"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="233"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="234"/>
        <source>学校/单位</source>
        <translation>School/employer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="235"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="236"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="270"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="270"/>
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
        <location filename="../../desktop/pages/registration_excel.py" line="53"/>
        <location filename="../../desktop/pages/registration_excel.py" line="57"/>
        <location filename="../../desktop/pages/registration_excel.py" line="95"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="53"/>
        <source>没有可导出的报名</source>
        <translation>There are no registrations to export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="58"/>
        <source>导出 {n} 条报名。手机号和身份证号要脱敏吗？</source>
        <translation>Export {n} registrations. Mask mobile and ID numbers?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="59"/>
        <source>导出完整信息会被记录；文件请妥善保管，用后删除。</source>
        <translation>A full export is logged; keep the file safe and delete it after use.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="60"/>
        <source>脱敏导出（推荐）</source>
        <translation>Export masked (recommended)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="61"/>
        <source>导出完整信息</source>
        <translation>Export full data</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="62"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="69"/>
        <source>报名名单-{day}.xlsx</source>
        <translation>registrations-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="97"/>
        <source>{n} 位青年只能脱敏导出：现场报名和导入名单中的青年，服务器不提供完整信息。</source>
        <translation>{n} youths can only be exported masked: the server gives no full details of youths from walk-ins or imported lists.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="113"/>
        <source>正在导出 {n} 条报名…</source>
        <translation>Exporting {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="116"/>
        <source>已取消导出，没有生成文件</source>
        <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="120"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="122"/>
        <source>已导出 {n} 条报名到 {path}</source>
        <translation>Exported {n} registrations to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="148"/>
        <source>导入报名</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="149"/>
        <source>请先在上方“活动”中选择要导入报名的活动。</source>
        <translation>First choose, under “Activity” above, the activity to import registrations into.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="154"/>
        <source>选择报名名单</source>
        <translation>Choose a registration list</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="156"/>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="185"/>
        <source>正在检查 {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="194"/>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="209"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="221"/>
        <source>已取消导入，没有导入任何记录</source>
        <translation>Import cancelled; nothing was imported</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="230"/>
        <source>正在导入 {n} 条报名…</source>
        <translation>Importing {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="235"/>
        <source>第 {row} 行：</source>
        <translation>Row {row}: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="241"/>
        <location filename="../../desktop/pages/registration_excel.py" line="251"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="242"/>
        <source>{where}{reason}
没有导入任何记录，请修改名单后重新导入。</source>
        <translation>{where}{reason}
Nothing was imported; correct the list and import it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="252"/>
        <source>导入时出错，没有导入任何记录：{error}</source>
        <translation>The import failed and nothing was imported: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="255"/>
        <source>导入 {n} 条报名</source>
        <translation>import of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registration_excel.py" line="257"/>
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
        <location filename="../../desktop/models/registration_table.py" line="117"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="117"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="121"/>
        <source>线上报名</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="122"/>
        <source>现场报名</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="123"/>
        <source>Excel 导入</source>
        <translation>Excel import</translation>
    </message>
    <message>
        <location filename="../../desktop/models/registration_table.py" line="139"/>
        <source>{age} 岁 · 未满14岁 · {consent}</source>
        <translation>{age} · under 14 · {consent}</translation>
    </message>
</context>
<context>
    <name>RegistrationsPage</name>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="197"/>
        <location filename="../../desktop/pages/registrations.py" line="381"/>
        <location filename="../../desktop/pages/registrations.py" line="427"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="197"/>
        <location filename="../../desktop/pages/registrations.py" line="376"/>
        <source>通过选中的报名 (A)</source>
        <translation>Approve the selected registrations (A)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="198"/>
        <location filename="../../desktop/pages/registrations.py" line="382"/>
        <source>拒绝…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="198"/>
        <source>拒绝选中的报名，须填写理由 (R)</source>
        <translation>Reject the selected registrations, with a reason (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="199"/>
        <source>下一条待审</source>
        <translation>Next to review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="199"/>
        <source>跳到下一条待审核的报名 (N)</source>
        <translation>Go to the next registration waiting for review (N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="200"/>
        <source>下一条</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="200"/>
        <source>下一条 (J 或 ↓)</source>
        <translation>Next (J or ↓)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="201"/>
        <source>上一条</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="201"/>
        <source>上一条 (K 或 ↑)</source>
        <translation>Previous (K or ↑)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="203"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="204"/>
        <source>选中全部符合条件的报名，用于批量通过或拒绝 (Ctrl+A)</source>
        <translation>Select every matching registration, to approve or reject them together (Ctrl+A)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="207"/>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="209"/>
        <source>显示选中青年的完整手机号和身份证号；需有权限，每次查看都会记录 (Ctrl+Shift+I)</source>
        <translation>Show the selected youth&apos;s full mobile and ID number; needs the permission, and every look is logged (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="213"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="214"/>
        <source>导出选中或全部符合条件的报名；手机号和身份证号默认脱敏 (Ctrl+Shift+E)</source>
        <translation>Export the selected or all matching registrations; mobile and ID numbers masked by default (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="217"/>
        <source>导入报名</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="218"/>
        <source>从 Excel 名单导入所选活动的现场报名，先预览再导入 (Ctrl+I)</source>
        <translation>Import walk-in registrations for the chosen activity from an Excel list, after a preview (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="220"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="220"/>
        <source>显示全部活动的全部报名</source>
        <translation>Show every registration of every activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="221"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="228"/>
        <source>监护人同意</source>
        <translation>Guardian consent</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="229"/>
        <source>记录未满14岁青年的监护人同意情况</source>
        <translation>Record whether a guardian consented, for a youth under 14</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="232"/>
        <source>键盘审核：↑/↓ 或 J/K 移动 · A 通过 · R 拒绝 · N 下一条待审 · Shift/Ctrl+点击 多选 · Ctrl+A 全选 · Ctrl+Z 撤销</source>
        <translation>Keyboard: ↑/↓ or J/K move · A approve · R reject · N next to review · Shift/Ctrl+click select several · Ctrl+A select all · Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="350"/>
        <source>已选中全部 {n} 条符合条件的报名</source>
        <translation>All {n} matching registrations selected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="359"/>
        <source>没有待审核的报名了</source>
        <translation>No registration is waiting for review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="378"/>
        <source>通过 {n} 条</source>
        <translation>Approve {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="379"/>
        <source>拒绝 {n} 条…</source>
        <translation>Reject {n}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="431"/>
        <source>无需处理</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="426"/>
        <source>选中的报名都已处理过或已取消，没有可以{action}的。</source>
        <translation>The selected registrations are all decided or cancelled; there is none to {action}.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="427"/>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="444"/>
        <source>通过 {name} 的报名</source>
        <translation>approval of {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="446"/>
        <source>批量通过 {n} 条报名</source>
        <translation>approval of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="450"/>
        <source>拒绝 {name} 的报名</source>
        <translation>rejection of {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="452"/>
        <source>批量拒绝 {n} 条报名</source>
        <translation>rejection of {n} registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="459"/>
        <source>正在处理 {n} 条报名…</source>
        <translation>Processing {n} registrations…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="472"/>
        <source>{done}；另有 {n} 条已处理过或已取消，未改动。按 Ctrl+Z 可撤销</source>
        <translation>{done}; {n} more were already decided or cancelled and left as they were. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="483"/>
        <source>{done}；名额已满，其中 {n} 条转入候补。按 Ctrl+Z 可撤销</source>
        <translation>{done}; the activity is full, so {n} went to the waitlist. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="506"/>
        <source>{n} 条报名须先记录监护人同意，未通过：{why}</source>
        <translation>{n} registrations need a guardian&apos;s consent recorded first and were not approved: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="551"/>
        <source>{name} 的报名：{reason}
本次批量操作没有改动任何报名。</source>
        <translation>{name}&apos;s registration: {reason}
This bulk action changed no registration.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="554"/>
        <source>无法完成</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registrations.py" line="557"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="24"/>
        <source>拒绝报名</source>
        <translation>Reject registration</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="27"/>
        <source>拒绝 {name} 的报名。请选择或填写理由：</source>
        <translation>Reject {name}&apos;s registration. Pick or type a reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="29"/>
        <source>拒绝选中的 {n} 条报名。请选择或填写理由：</source>
        <translation>Reject the {n} selected registrations. Pick or type a reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="39"/>
        <source>其他理由，直接输入</source>
        <translation>Another reason: type it here</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="43"/>
        <source>↑/↓ 或数字键选择常用理由，也可直接输入；回车确认，Esc 取消。</source>
        <translation>↑/↓ or a digit picks a common reason, or type one; Enter confirms, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="45"/>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="65"/>
        <source>名额已满</source>
        <translation>The activity is full</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="66"/>
        <source>不符合报名条件</source>
        <translation>Does not meet the requirements</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="67"/>
        <source>报名信息不完整</source>
        <translation>Registration details incomplete</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="68"/>
        <source>重复报名</source>
        <translation>Registered twice</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="69"/>
        <source>联系电话无法接通</source>
        <translation>Phone number unreachable</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="70"/>
        <source>本活动仅面向辖区青年</source>
        <translation>Only for youths of this district</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reject_dialog.py" line="109"/>
        <source>请选择或填写拒绝理由</source>
        <translation>Pick or type a reason for the rejection</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="38"/>
        <source>答复诉求</source>
        <translation>Reply to a request</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="40"/>
        <source>答复 {name}：</source>
        <translation>Reply to {name}:</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="46"/>
        <source>输入答复，或按数字键选用模板后修改</source>
        <translation>Type a reply, or press a digit to start from a template</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="47"/>
        <source>存为模板</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="49"/>
        <source>管理模板…</source>
        <translation>Manage templates…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="54"/>
        <source>数字键选用模板，Tab 到答复框修改；Ctrl+回车发送，Esc 取消。</source>
        <translation>Digits pick a template, Tab moves to the reply to edit it; Ctrl+Enter sends, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="56"/>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="63"/>
        <source>答复模板</source>
        <translation>Reply templates</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="78"/>
        <source>您好，您的诉求已收到，我们正在协调相关部门办理，有进展会第一时间答复您。</source>
        <translation>Hello, we have received your request and are working on it with the departments concerned; we will tell you as soon as there is progress.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="79"/>
        <source>您好，您反映的问题已转交属地团组织跟进，请留意后续联系。</source>
        <translation>Hello, your request has been passed to the local League organisation, which will contact you.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="80"/>
        <source>您好，相关政策和办理流程请见“苏青U+”平台公告，如仍有疑问可再次留言。</source>
        <translation>Hello, the policy and the steps are in the notices of the Suqing U+ platform; write again if anything is unclear.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="81"/>
        <source>您好，您的诉求已办结，感谢您对共青团工作的支持。</source>
        <translation>Hello, your request has been dealt with. Thank you for supporting the League&apos;s work.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="155"/>
        <source>请填写答复</source>
        <translation>Please write a reply</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_dialog.py" line="157"/>
        <source>答复不能超过 {n} 个字</source>
        <translation>A reply can have at most {n} characters</translation>
    </message>
</context>
<context>
    <name>ReplyTemplatesDialog</name>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="41"/>
        <source>管理答复模板</source>
        <translation>Manage reply templates</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="45"/>
        <source>模板内容</source>
        <translation>Template text</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="46"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="47"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="48"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="49"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="50"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="63"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="79"/>
        <source>答复时按数字键选用，顺序即编号（Ctrl+N 新建）：</source>
        <translation>When replying, a digit picks a template; the order gives the numbers (Ctrl+N adds one):</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="114"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/reply_templates_dialog.py" line="163"/>
        <source>第 {n} 条模板超过 {max} 个字</source>
        <translation>Template {n} is longer than {max} characters</translation>
    </message>
</context>
<context>
    <name>RequestExcel</name>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="66"/>
        <source>诉求汇总-{first}-{last}.xlsx</source>
        <translation>requests-{first}-{last}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="88"/>
        <source>正在导出诉求…</source>
        <translation>Exporting requests…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="92"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/request_excel.py" line="96"/>
        <source>已导出 {n} 条诉求到 {path}</source>
        <translation>Exported {n} requests to {path}</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../desktop/models/request_table.py" line="60"/>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="61"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="62"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="63"/>
        <source>青年</source>
        <translation>Youth</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="64"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="65"/>
        <source>承办组织</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="66"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="67"/>
        <source>首次答复</source>
        <translation>First reply</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="89"/>
        <source>已超过 {n} 个工作日未答复</source>
        <translation>No reply for more than {n} working days</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="101"/>
        <source>{state}（超期）</source>
        <translation>{state} (overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/request_table.py" line="107"/>
        <source>待分类（青年选：{guess}）</source>
        <translation>To classify (youth chose: {guess})</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../desktop/pages/requests.py" line="221"/>
        <source>未归档</source>
        <translation>Not archived</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="222"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="225"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="226"/>
        <source>未分类</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="230"/>
        <source>全部组织</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="252"/>
        <source>交办…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="252"/>
        <source>交给下级组织办理 (A)</source>
        <translation>Hand down to a subordinate organisation (A)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="253"/>
        <source>答复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="253"/>
        <source>答复青年，可选用模板 (R)</source>
        <translation>Reply to the youth, from a template if you like (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="254"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="254"/>
        <source>归档选中的诉求 (E)</source>
        <translation>Archive the selected requests (E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="255"/>
        <source>下一条待分拣</source>
        <translation>Next unsorted</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="255"/>
        <source>跳到下一条待分拣的诉求 (N)</source>
        <translation>Go to the next request still to sort (N)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="256"/>
        <source>下一条</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="256"/>
        <source>下一条 (J 或 ↓)</source>
        <translation>Next (J or ↓)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="257"/>
        <source>上一条</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="257"/>
        <source>上一条 (K 或 ↑)</source>
        <translation>Previous (K or ↑)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="259"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="260"/>
        <source>导出一段时间的诉求，含按类别、组织的统计和平均答复时间 (Ctrl+Shift+E)</source>
        <translation>Export a period&apos;s requests with counts per category and organisation and the average time to reply (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="262"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="262"/>
        <source>显示全部未归档的诉求</source>
        <translation>Show every request not archived</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="264"/>
        <source>显示手机号</source>
        <translation>Show mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="265"/>
        <source>希望回电的青年的完整手机号；需有权限，每次查看都会记录 (Ctrl+Shift+I)</source>
        <translation>The whole mobile number of a youth who asked to be called back; needs the permission, and every look is logged (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="267"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="272"/>
        <source>分类</source>
        <translation>Classify</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="273"/>
        <source>按数字键 1–9 直接选择类别</source>
        <translation>Press 1–9 to pick a category directly</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="275"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="275"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="275"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="278"/>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="279"/>
        <source>搜索诉求内容或青年姓名 (Ctrl+F)</source>
        <translation>Search the text or the youth&apos;s name (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="282"/>
        <source>键盘分拣：↑/↓ 或 J/K 移动 · 1–9 分类 · A 交办 · R 答复 · E 归档 · N 下一条待分拣 · Ctrl+Z 撤销</source>
        <translation>Keyboard: ↑/↓ or J/K move · 1–9 classify · A assign · R reply · E archive · N next unsorted · Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="359"/>
        <source>{n} 条</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="363"/>
        <source>超期诉求 {n} 条</source>
        <translation>{n} overdue requests</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="366"/>
        <source>提交超过 {days} 个工作日仍未答复的诉求</source>
        <translation>Requests without a reply more than {days} working days after they were submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="422"/>
        <source>没有待分拣的诉求了</source>
        <translation>No request left to sort</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="440"/>
        <source>在线查看答复</source>
        <translation>Reads the reply online</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="441"/>
        <source>希望电话联系</source>
        <translation>Would like a phone call</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="442"/>
        <source>希望短信联系</source>
        <translation>Would like a text message</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="444"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="445"/>
        <source>未分类（青年选：{guess}）</source>
        <translation>Not classified (youth chose: {guess})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="446"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="457"/>
        <source>青年</source>
        <translation>the youth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="475"/>
        <source>无法完成</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="478"/>
        <source>已{action}。按 Ctrl+Z 可撤销</source>
        <translation>Done: {action}. Press Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="501"/>
        <source>不能显示手机号</source>
        <translation>Cannot show the mobile number</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="502"/>
        <source>只有希望电话或短信联系的青年，才能查看其完整手机号；请在线答复。</source>
        <translation>Only a youth who asked for a call or a text message can be shown with the whole number; please reply online.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="507"/>
        <source>联系电话（已记录本次查看）</source>
        <translation>Phone number (this look was logged)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="508"/>
        <source>{name}：{phone}</source>
        <translation>{name}: {phone}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="522"/>
        <source>将诉求归为“{category}”</source>
        <translation>classify the request as “{category}”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="534"/>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="535"/>
        <source>“{org}”没有下级组织可以交办。</source>
        <translation>“{org}” has no subordinate organisation to hand it to.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="540"/>
        <source>交办诉求</source>
        <translation>Assign the request</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="540"/>
        <source>交给哪个下级组织办理？</source>
        <translation>Which subordinate organisation should handle it?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="545"/>
        <source>将诉求交办给 {org}</source>
        <translation>assign the request to {org}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="556"/>
        <source>答复 {name} 的诉求</source>
        <translation>reply to {name}&apos;s request</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="566"/>
        <source>归档 1 条诉求</source>
        <translation>archive 1 request</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/requests.py" line="568"/>
        <source>归档 {n} 条诉求</source>
        <translation>archive {n} requests</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="319"/>
        <source>志愿时长计时规则</source>
        <translation>Volunteer hours rule</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="321"/>
        <location filename="../../desktop/pages/checkin_hours.py" line="324"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="327"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="333"/>
        <source>默认：不足 30 分钟不计，按 30 分钟（半小时）向下取整，每天最多 8 小时</source>
        <translation>Defaults: under 30 minutes count nothing, rounded down to 30 minutes (half hours), at most 8 hours a day</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="335"/>
        <source>最短停留</source>
        <translation>Minimum stay</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="336"/>
        <source>向下取整到</source>
        <translation>Round down to</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="337"/>
        <source>每日上限</source>
        <translation>Daily cap</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin_hours.py" line="338"/>
        <source>保存</source>
        <translation>Save</translation>
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
        <location filename="../../desktop/dialogs/settings_dialog.py" line="33"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="47"/>
        <source>不填则使用系统的代理设置，例如 http://proxy.example:8080</source>
        <translation>Empty: the system proxy; e.g. http://proxy:8080</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="50"/>
        <source>不填则使用系统信任的证书</source>
        <translation>Empty: the certificates the system trusts</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="51"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="60"/>
        <source>加密（密钥保存在系统钥匙串中）</source>
        <translation>Encrypted (key kept in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="63"/>
        <source>下次启动时生效。已加密的数据保持加密；取消后新的数据不再加密。</source>
        <translation>Takes effect at the next start. Data already encrypted stays encrypted; when unchecked, new data is no longer encrypted.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="74"/>
        <source>例如 2026-10-01..2026-10-07, 2027-01-01</source>
        <translation>e.g. 2026-10-01..2026-10-07, 2027-01-01</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="76"/>
        <source>日期或日期范围（含首尾），用逗号或换行分隔；周一至周五默认是工作日</source>
        <translation>Dates or date ranges (both ends included), separated by commas or new lines; Monday to Friday are working days otherwise</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="80"/>
        <source>不填则只用离线底图，例如 https://tile.openstreetmap.org/{z}/{x}/{y}.png</source>
        <translation>Leave empty for the offline basemap only, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="95"/>
        <source>由本单位的部署配置指定，不能修改（%1）</source>
        <translation>Set by your organisation&apos;s deployment settings; cannot be changed (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="121"/>
        <source>灰色的项目由本单位的部署配置指定，不能在这里修改。如需更改，请联系本单位的信息化管理员。</source>
        <translation>Greyed-out items are set by your organisation&apos;s deployment settings and cannot be changed here. To change them, ask your organisation&apos;s IT administrator.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="128"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="146"/>
        <source>这些不是日期：{bad}。请写成 2026-10-01 或 2026-10-01..2026-10-07。</source>
        <translation>These are not dates: {bad}. Write them as 2026-10-01 or 2026-10-01..2026-10-07.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="156"/>
        <source>选择单位 CA 证书文件</source>
        <translation>Choose your organisation’s CA certificate file</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/settings_dialog.py" line="158"/>
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
    <name>StatsPage</name>
    <message>
        <location filename="../../desktop/pages/stats.py" line="210"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="211"/>
        <source>含下级组织</source>
        <translation>With subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="212"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="213"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="214"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="215"/>
        <source>刷新统计</source>
        <translation>Refresh statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="216"/>
        <source>生成上报材料…</source>
        <translation>Make report…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="217"/>
        <source>PDF 和 Excel，数字与屏幕一致 (Ctrl+Shift+P)</source>
        <translation>PDF and Excel, with the numbers on screen (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="218"/>
        <source>下达考核目标… (Ctrl+Shift+K)</source>
        <translation>Set a target… (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="219"/>
        <source>修改所选目标…</source>
        <translation>Change selected target…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="220"/>
        <source>导出表格 (Excel)</source>
        <translation>Export table (Excel)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="223"/>
        <source>考核目标由上级下达（默认：精品活动 10 场、参与 200 人次），按被考核组织及其下级在考核期内的活动统计；截止前 {days} 天未完成的标为临近截止。</source>
        <translation>Targets are set by the level above (default: 10 featured activities, 200 participations), counted over the organisation and its subordinates in the target period; a target not met {days} days before its deadline is marked as due soon.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="294"/>
        <source>请先登录并同步，才能看到本组织的统计</source>
        <translation>Sign in and sync first to see your organisation&apos;s statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="297"/>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="303"/>
        <location filename="../../desktop/pages/stats.py" line="376"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="312"/>
        <source>统计失败：{error}</source>
        <translation>Statistics failed: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="331"/>
        <location filename="../../desktop/pages/stats.py" line="338"/>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="366"/>
        <source>报名名单：{title}</source>
        <translation>Registrations: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="370"/>
        <source>相关活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="380"/>
        <source>参与青年</source>
        <translation>Participating youths</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="393"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="399"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="402"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="431"/>
        <source>考核目标</source>
        <translation>Assessment target</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="454"/>
        <source>无法保存考核目标</source>
        <translation>Cannot save the target</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="457"/>
        <source>考核目标（{org}）</source>
        <translation>target ({org})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats.py" line="459"/>
        <source>已保存{org}的考核目标，同步后下达</source>
        <translation>Saved the target of {org}; it is handed down at the next sync</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../desktop/pages/stats_panel.py" line="236"/>
        <source>导出图片 (PNG)</source>
        <translation>Export image (PNG)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_panel.py" line="237"/>
        <source>导出表格 (Excel)</source>
        <translation>Export table (Excel)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_panel.py" line="249"/>
        <source>双击一行查看明细</source>
        <translation>Double-click a row to see what is behind it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_panel.py" line="273"/>
        <source>导出图片</source>
        <translation>Export image</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_panel.py" line="273"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>StatsReport</name>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="186"/>
        <source>前 {n} 行，共 {total} 行；完整表格见同名 Excel 文件。</source>
        <translation>First {n} of {total} rows; the Excel file of the same name has them all.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="184"/>
        <source>本期无数据。</source>
        <translation>No data in this period.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="259"/>
        <location filename="../../desktop/pages/stats_report.py" line="315"/>
        <source>主要数字</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="263"/>
        <location filename="../../desktop/pages/stats_report.py" line="316"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="263"/>
        <location filename="../../desktop/pages/stats_report.py" line="316"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="272"/>
        <source>本组织及下级暂无考核目标。</source>
        <translation>No assessment targets for this organisation or its subordinates.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="340"/>
        <source>含下级组织</source>
        <translation>With subordinates</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="342"/>
        <source>仅本组织</source>
        <translation>This organisation only</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="345"/>
        <source>统计期间：{start} 至 {end}（{scope}）&#x3000;生成日期：{day}</source>
        <translation>Period: {start} to {end} ({scope})   Made on: {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="354"/>
        <source>{org}统计与考核报告</source>
        <translation>{org}: statistics and assessment report</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="372"/>
        <source>生成上报材料</source>
        <translation>Make report</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="374"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="382"/>
        <source>正在生成上报材料…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="390"/>
        <source>生成失败</source>
        <translation>Could not make the report</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_report.py" line="394"/>
        <source>已生成 {pdf} 和 {xlsx}</source>
        <translation>Made {pdf} and {xlsx}</translation>
    </message>
</context>
<context>
    <name>StatsTables</name>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="27"/>
        <location filename="../../desktop/pages/stats_tables.py" line="32"/>
        <location filename="../../desktop/pages/stats_tables.py" line="40"/>
        <location filename="../../desktop/pages/stats_tables.py" line="45"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="31"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="31"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="38"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="39"/>
        <source>在职</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="47"/>
        <source>14 岁以下</source>
        <translation>Under 14</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="49"/>
        <source>{n} 岁及以上</source>
        <translation>{n} and over</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="50"/>
        <source>{band} 岁</source>
        <translation>Aged {band}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="55"/>
        <source>已完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="56"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="57"/>
        <source>临近截止</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="58"/>
        <source>进行中</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="87"/>
        <location filename="../../desktop/pages/stats_tables.py" line="265"/>
        <source>活动场次</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="87"/>
        <location filename="../../desktop/pages/stats_tables.py" line="92"/>
        <location filename="../../desktop/pages/stats_tables.py" line="266"/>
        <source>参与人次</source>
        <translation>Participations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="106"/>
        <location filename="../../desktop/pages/stats_tables.py" line="109"/>
        <source>人数</source>
        <translation>Youths</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="138"/>
        <location filename="../../desktop/pages/stats_tables.py" line="140"/>
        <source>最热活动</source>
        <translation>Hottest activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="142"/>
        <location filename="../../desktop/pages/stats_tables.py" line="167"/>
        <location filename="../../desktop/pages/stats_tables.py" line="335"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="143"/>
        <location filename="../../desktop/pages/stats_tables.py" line="276"/>
        <source>活动名称</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="144"/>
        <location filename="../../desktop/pages/stats_tables.py" line="277"/>
        <source>主办组织</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="145"/>
        <location filename="../../desktop/pages/stats_tables.py" line="203"/>
        <location filename="../../desktop/pages/stats_tables.py" line="278"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="146"/>
        <location filename="../../desktop/pages/stats_tables.py" line="279"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="147"/>
        <location filename="../../desktop/pages/stats_tables.py" line="156"/>
        <location filename="../../desktop/pages/stats_tables.py" line="280"/>
        <source>报名人数</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="148"/>
        <location filename="../../desktop/pages/stats_tables.py" line="281"/>
        <source>通过人数</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="149"/>
        <source>通过率</source>
        <translation>Approval rate</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="150"/>
        <source>签到率</source>
        <translation>Attendance rate</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="163"/>
        <location filename="../../desktop/pages/stats_tables.py" line="165"/>
        <source>关注最多的组织</source>
        <translation>Most-followed organisations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="168"/>
        <location filename="../../desktop/pages/stats_tables.py" line="336"/>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="169"/>
        <location filename="../../desktop/pages/stats_tables.py" line="176"/>
        <source>粉丝数</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="170"/>
        <source>期间新增</source>
        <translation>New in period</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="183"/>
        <location filename="../../desktop/pages/stats_tables.py" line="185"/>
        <source>粉丝增长</source>
        <translation>Follower growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="187"/>
        <location filename="../../desktop/pages/stats_tables.py" line="211"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="188"/>
        <location filename="../../desktop/pages/stats_tables.py" line="195"/>
        <location filename="../../desktop/pages/stats_tables.py" line="269"/>
        <source>新增粉丝</source>
        <translation>New followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="189"/>
        <source>累计粉丝</source>
        <translation>Total followers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="202"/>
        <source>按类别参与</source>
        <translation>Participation by category</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="210"/>
        <source>按月份参与</source>
        <translation>Participation by month</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="218"/>
        <source>按地区参与</source>
        <translation>Participation by region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="219"/>
        <location filename="../../desktop/pages/stats_tables.py" line="252"/>
        <location filename="../../desktop/pages/stats_tables.py" line="303"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="227"/>
        <source>青年年龄段</source>
        <translation>Age bands</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="228"/>
        <source>年龄段</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="235"/>
        <source>青年性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="236"/>
        <location filename="../../desktop/pages/stats_tables.py" line="300"/>
        <location filename="../../desktop/pages/stats_tables.py" line="326"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="243"/>
        <source>学生或在职</source>
        <translation>Student or working</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="244"/>
        <location filename="../../desktop/pages/stats_tables.py" line="302"/>
        <source>身份</source>
        <translation>Student or working</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="251"/>
        <source>青年所在地区</source>
        <translation>Youths&apos; regions</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="267"/>
        <source>参与青年</source>
        <translation>Participating youths</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="268"/>
        <source>精品活动</source>
        <translation>Featured activities</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="270"/>
        <source>14 岁以下青年</source>
        <translation>Youths under 14</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="299"/>
        <location filename="../../desktop/pages/stats_tables.py" line="324"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="301"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="304"/>
        <source>参加次数</source>
        <translation>Participations</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="325"/>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="327"/>
        <source>报名状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="337"/>
        <source>考核期</source>
        <translation>Target period</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="338"/>
        <source>精品活动（完成/目标）</source>
        <translation>Featured (done/target)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="339"/>
        <source>参与人次（完成/目标）</source>
        <translation>Participations (done/target)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="340"/>
        <source>完成度</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="341"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="342"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stats_tables.py" line="357"/>
        <source>考核进度</source>
        <translation>Assessment progress</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="177"/>
        <source>已删除的报名</source>
        <translation>a deleted registration</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="179"/>
        <source>拒绝报名（{who}）</source>
        <translation>Reject a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="181"/>
        <source>通过报名（{who}）</source>
        <translation>Approve a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="426"/>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="427"/>
        <source>我的修改</source>
        <translation>My change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="428"/>
        <source>对方的修改</source>
        <translation>Their change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="429"/>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="433"/>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="433"/>
        <source>操作时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="433"/>
        <source>服务器的理由</source>
        <translation>The server’s reason</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="436"/>
        <source>同步问题</source>
        <translation>Sync issues</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="437"/>
        <source>没有需要处理的同步问题</source>
        <translation>No sync issues to settle</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="440"/>
        <source>其他设备同时修改了相同内容，服务器暂时保留了对方的修改。请选择保留哪一方（Delete 保留对方，Enter 使用我的，Ctrl+Z 撤销）。</source>
        <translation>Another device changed the same thing at the same time; the server kept their change for now. Choose which to keep (Delete keeps theirs, Enter uses mine, Ctrl+Z undoes).</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="445"/>
        <source>服务器没有执行这些操作，它们在本机的效果已经撤回。看过后点“知道了”。</source>
        <translation>The server did not carry out these operations, and their effect on this computer was taken back. Click “Got it” once read.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="447"/>
        <source>保留对方</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="448"/>
        <source>使用我的</source>
        <translation>Use mine</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="449"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="450"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="451"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="150"/>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="475"/>
        <source>已删除的活动</source>
        <translation>a deleted activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="62"/>
        <source>诉求类别</source>
        <translation>Request category</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="66"/>
        <source>报名需审核</source>
        <translation>Registrations need review</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="67"/>
        <source>精选活动</source>
        <translation>Featured</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="68"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="76"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="79"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="81"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="103"/>
        <source>登记报名（{who}）</source>
        <translation>Register ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="106"/>
        <source>取消报名（{who}）</source>
        <translation>Cancel a registration ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="109"/>
        <source>青年登记个人信息（{who}）</source>
        <translation>Youth signs up ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="112"/>
        <source>记录监护人同意（{who}）</source>
        <translation>Record guardian consent ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="115"/>
        <source>修改关注者标签（{who}）</source>
        <translation>Change follower tags ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="118"/>
        <source>关注组织（{who}）</source>
        <translation>Follow an organisation ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="119"/>
        <source>取消关注（{who}）</source>
        <translation>Unfollow ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="120"/>
        <source>发送通知（{who}）</source>
        <translation>Send a notice ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="121"/>
        <source>设置考核目标（{who}）</source>
        <translation>Set assessment target ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="122"/>
        <source>签到（{who}）</source>
        <translation>Check in ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="123"/>
        <source>签退（{who}）</source>
        <translation>Check out ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="124"/>
        <source>撤销签到（{who}）</source>
        <translation>Undo check-in ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="125"/>
        <source>更正志愿时长（{who}）</source>
        <translation>Correct volunteer hours ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="128"/>
        <source>确认志愿时长（{who}）</source>
        <translation>Confirm volunteer hours ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="131"/>
        <source>修改志愿时长规则（{who}）</source>
        <translation>Change the volunteer hours rule ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="134"/>
        <source>查看完整个人信息（{who}）</source>
        <translation>View full personal data ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="137"/>
        <source>提交诉求（{who}）</source>
        <translation>Submit a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="138"/>
        <source>补充诉求（{who}）</source>
        <translation>Add to a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="139"/>
        <source>诉求分类（{who}）</source>
        <translation>Classify a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="140"/>
        <source>交办诉求（{who}）</source>
        <translation>Assign a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="141"/>
        <source>答复诉求（{who}）</source>
        <translation>Reply to a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="142"/>
        <source>归档诉求（{who}）</source>
        <translation>Archive a request ({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="153"/>
        <source>新建活动“{title}”</source>
        <translation>Create activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="158"/>
        <source>修改活动“{title}”（{fields}）</source>
        <translation>Edit activity “{title}” ({fields})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="166"/>
        <source>更改状态</source>
        <translation>change the status of</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="168"/>
        <source>{verb}活动“{title}”</source>
        <translation>{verb} activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="173"/>
        <source>删除活动“{title}”</source>
        <translation>Delete activity “{title}”</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="189"/>
        <source>其他操作（{kind}）</source>
        <translation>Another operation ({kind})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="201"/>
        <source>服务器拒绝了这个操作（{code}）</source>
        <translation>The server refused this operation ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="425"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="510"/>
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="511"/>
        <source>被拒绝的操作（{n}）</source>
        <translation>Refused operations ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="553"/>
        <source>使用我的修改（{title}：{field}）</source>
        <translation>use my change ({title}: {field})</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="563"/>
        <source>无法使用我的修改</source>
        <translation>Cannot use my change</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/sync_issues_dialog.py" line="564"/>
        <source>以下内容无法改回我的修改，可以选择“保留对方”：
{items}</source>
        <translation>These cannot be set back to my change; you can choose “Keep theirs”:
{items}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="63"/>
        <source>查看并处理冲突和被服务器拒绝的操作</source>
        <translation>See and settle conflicts and operations the server refused</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="74"/>
        <source>离线（未登录）</source>
        <translation>Offline (not signed in)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="75"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="76"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="77"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="99"/>
        <source>在“账户 → 登录”中登录省级服务器</source>
        <translation>Sign in to the provincial server under Account → Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="105"/>
        <source>待同步 {n} 项</source>
        <translation>{n} waiting to sync</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="107"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="109"/>
        <source>上次同步：{when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="113"/>
        <source>{n} 项需处理</source>
        <translation>{n} to settle</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="65"/>
        <source>新版本 {v}</source>
        <translation>New version {v}</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="64"/>
        <source>查看新版本的下载方式</source>
        <translation>See where to get the new version</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="126"/>
        <source>正在上传 {done}/{total} 项操作</source>
        <translation>Uploading {done}/{total} operations</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="128"/>
        <source>正在下载数据 {percent}%</source>
        <translation>Downloading data {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="130"/>
        <source>正在下载数据 {mb} MB</source>
        <translation>Downloading data {mb} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="132"/>
        <source>正在写入本机数据…</source>
        <translation>Writing the local data…</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="134"/>
        <source>正在接收更新 {n} 条</source>
        <translation>Receiving updates: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="141"/>
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
        <location filename="../../desktop/dialogs/tag_dialog.py" line="57"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="57"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="60"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="64"/>
        <source>范围</source>
        <translation>Apply to</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/tag_dialog.py" line="85"/>
        <source>请填写标签</source>
        <translation>Please enter a tag</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="40"/>
        <source>修改考核目标</source>
        <translation>Change assessment target</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="40"/>
        <source>下达考核目标</source>
        <translation>Set assessment target</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="61"/>
        <source>目标由上级下达，同步后下级可看到；被考核的组织自己不能修改。</source>
        <translation>Targets are set by the level above and reach the subordinate at its next sync; the organisation a target binds cannot change it.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="65"/>
        <source>被考核组织</source>
        <translation>Organisation assessed</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="66"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="67"/>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="68"/>
        <source>精品活动数</source>
        <translation>Featured activities</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="69"/>
        <source>参与人次</source>
        <translation>Participations</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="70"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/target_dialog.py" line="70"/>
        <source>下达</source>
        <translation>Set</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../desktop/update_notice.py" line="52"/>
        <source>有新版本</source>
        <translation>New version available</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="54"/>
        <source>苏青U+ 工作台 {new} 已发布，本机是 {old}。</source>
        <translation>Suqing U+ Workbench {new} has been released; this computer has {old}.</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="59"/>
        <source>下载地址：{url}</source>
        <translation>Download: {url}</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="61"/>
        <source>请向本单位的信息化管理员索取安装包。</source>
        <translation>Ask your organisation&apos;s IT administrator for the installer.</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="67"/>
        <source>工作台不会自动安装。升级后本机数据和未同步的操作都会保留；不升级也能继续同步。</source>
        <translation>The workbench installs nothing by itself. Upgrading keeps this computer&apos;s data and the operations not yet synced; without upgrading, syncing goes on as before.</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="72"/>
        <source>打开下载页面</source>
        <translation>Open the download page</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="73"/>
        <source>不再提醒此版本</source>
        <translation>Don&apos;t remind me of this version</translation>
    </message>
    <message>
        <location filename="../../desktop/update_notice.py" line="74"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="510"/>
        <source>现场报名</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="516"/>
        <source>姓名*</source>
        <translation>Name*</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="517"/>
        <source>手机号*</source>
        <translation>Mobile*</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="518"/>
        <source>学校或单位</source>
        <translation>School or employer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checkin.py" line="519"/>
        <source>登记并签到</source>
        <translation>Register and check in</translation>
    </message>
</context>
<context>
    <name>dialog_buttons</name>
    <message>
        <location filename="../../desktop/widgets/dialog_buttons.py" line="16"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="53"/>
        <source>出生日期“{value}”无法识别，请写成 2008-05-01</source>
        <translation>Date of birth “{value}” not understood; write it like 2008-05-01</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="54"/>
        <source>性别“{value}”无法识别，请填写 男 或 女</source>
        <translation>Gender “{value}” not understood; write 男 or 女</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="55"/>
        <source>身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写</source>
        <translation>Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="58"/>
        <source>出生日期与身份证号不一致</source>
        <translation>Date of birth does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="59"/>
        <source>此人已报名此活动</source>
        <translation>Already registered for this activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="60"/>
        <source>手机号或身份证号属于已存青年“{name}”，其已报名此活动</source>
        <translation>The mobile or ID number belongs to the stored youth “{name}”, who is already registered for this activity</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="63"/>
        <source>此人此前报名此活动被拒绝（{reason}），导入后重新审核</source>
        <translation>Was rejected for this activity before ({reason}); will be reviewed again after the import</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="66"/>
        <source>单元格是公式出错的结果“{value}”，不是数据；请在表格中改正</source>
        <translation>The cell holds a failed formula&apos;s result “{value}”, not data; correct it in the spreadsheet</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="69"/>
        <source>号码是脱敏的（中间是 *），无法导入；请填写完整号码</source>
        <translation>The number is masked (* in the middle) and cannot be imported; enter the whole number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="72"/>
        <source>出生日期“{value}”只有年月，按该月 1 日导入</source>
        <translation>Date of birth “{value}” has no day; imported as the 1st of the month</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="73"/>
        <source>手机号和身份证号分别属于两位已存青年，请核对后修改名单</source>
        <translation>The mobile and the ID number belong to two different stored youths; check and fix the list</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="76"/>
        <source>手机号与第 {row} 行重复</source>
        <translation>Same mobile number as row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="77"/>
        <source>身份证号与第 {row} 行重复</source>
        <translation>Same ID number as row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="81"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="82"/>
        <source>文件正被其他程序占用（可能正在 Excel 中打开），请关闭后重试：{path}</source>
        <translation>Another program is using the file (perhaps it is open in Excel); close it and try again: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="85"/>
        <source>这不是 Excel 工作簿（.xlsx）文件，请在 Excel 中另存为 .xlsx 后重试</source>
        <translation>This is not an Excel workbook (.xlsx); save it as .xlsx in Excel and try again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="88"/>
        <source>这是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后重试</source>
        <translation>This is an old Excel file (.xls); save it as .xlsx in Excel or WPS and try again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="91"/>
        <source>这个工作簿设了打开密码，无法读取；请在 Excel 或 WPS 中取消密码后另存再导入</source>
        <translation>This workbook has an opening password and cannot be read; remove the password in Excel or WPS, save and import again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="94"/>
        <source>这个 Excel 文件已损坏，无法读取；请在 Excel 或 WPS 中打开并另存后重试</source>
        <translation>This Excel file is damaged and cannot be read; open it in Excel or WPS, save it again and retry</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="97"/>
        <source>这是脱敏导出的名单（手机号中间是 *），不能再导入；请使用填有完整手机号的名单</source>
        <translation>This is a masked export (* in the middle of the mobile numbers) and cannot be imported; use a list with the whole numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="101"/>
        <source>表格里没有任何报名数据</source>
        <translation>The sheet holds no registrations</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="102"/>
        <source>表格缺少必需的列：{columns}。表头应有列名，如 姓名、手机号</source>
        <translation>The sheet lacks required columns: {columns}. The header should name them, such as 姓名 (name) and 手机号 (mobile)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="137"/>
        <source>手机号属于已存青年“{name}”，与名单上的姓名不同</source>
        <translation>The mobile belongs to the stored youth “{name}”, not to the name on the list</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="140"/>
        <source>身份证号属于已存青年“{name}”（手机号 {phone}），与名单上的手机号不同</source>
        <translation>The ID number belongs to the stored youth “{name}” (mobile {phone}), whose mobile differs from the list&apos;s</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="143"/>
        <source>已存青年“{name}”的身份证号与名单上的不同</source>
        <translation>The stored youth “{name}” has a different ID number from the list&apos;s</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="145"/>
        <source>；将报名已存青年“{name}”</source>
        <translation>; the stored youth “{name}” will be registered</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="146"/>
        <source>；请选择“使用已存青年”，或修改名单后重新导入</source>
        <translation>; choose “Use the stored youth”, or fix the list and import again</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="149"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="150"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="151"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="152"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="153"/>
        <source>学校/单位</source>
        <translation>School/employer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="154"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="105"/>
        <source>无法保存文件：{error}</source>
        <translation>Could not save the file: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="127"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="129"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <location filename="../../desktop/map/texts.py" line="25"/>
        <source>省级团委</source>
        <translation>Provincial committee</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="26"/>
        <source>市级团委</source>
        <translation>City committee</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="27"/>
        <source>县级团委</source>
        <translation>County committee</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="28"/>
        <source>基层团组织</source>
        <translation>Grassroots organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="40"/>
        <source>粉丝</source>
        <translation>Followers</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="41"/>
        <source>进行中的活动</source>
        <translation>Current activities</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="42"/>
        <source>打开组织页</source>
        <translation>Open the organisation page</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="43"/>
        <source>点击查看各乡镇（街道）</source>
        <translation>Click to see its towns</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="44"/>
        <source>各乡镇（街道）</source>
        <translation>towns</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="45"/>
        <source>圆点面积表示数量，位置为该乡镇已定位的组织或活动的平均位置（暂无乡镇边界数据；乡镇按地址或活动地点中的名称归入）</source>
        <translation>Circle area shows the count, placed at the mean position of the town&apos;s located organisations or activities (no town boundaries exist; a town is the one named in an address or venue)</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="50"/>
        <source>另有 {n} 未能归入乡镇</source>
        <translation>{n} more could not be placed in a town</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="51"/>
        <source>返回全省</source>
        <translation>Back to the province</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="54"/>
        <source>在线地图</source>
        <translation>Online map</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="55"/>
        <source>县区</source>
        <translation>Counties</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="56"/>
        <source>天地图边界</source>
        <translation>Tianditu boundaries</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="57"/>
        <source>开放边界（OpenStreetMap）</source>
        <translation>Open boundaries (OpenStreetMap)</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="58"/>
        <source>团组织</source>
        <translation>League organisations</translation>
    </message>
    <message>
        <location filename="../../desktop/map/texts.py" line="59"/>
        <source>即将开始的活动</source>
        <translation>Upcoming activities</translation>
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
        <source>诉求内容不完整或有误</source>
        <translation>The request is incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="94"/>
        <source>诉求类别应为 1 至 {max} 个字，不能含控制字符</source>
        <translation>A request category has 1 to {max} characters and no control characters</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="97"/>
        <source>这条诉求已归档，不能再分类或交办</source>
        <translation>This request is archived: it can no longer be classified or assigned</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="98"/>
        <source>只能交办给当前承办组织的下级组织</source>
        <translation>A request can only be assigned to an organisation below the one handling it</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="99"/>
        <source>这条诉求已被他人归档；新的内容已保留，诉求已重新打开</source>
        <translation>Someone archived this request meanwhile; what you wrote was kept and the request reopened</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="102"/>
        <source>提交太频繁：每人 24 小时内最多提交 {max} 条诉求，请稍后再试</source>
        <translation>Too many requests: at most {max} in 24 hours per person; please try again later</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="105"/>
        <source>已记录签到，但该报名当前为“{current}”，请在签到页“需核对”中处理</source>
        <translation>The check-in was recorded, but the registration is now “{current}”: see “To check” on the check-in page</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="108"/>
        <source>这个手机号已在另一台电脑上现场登记为“{name}”，已算作同一人，请核对姓名</source>
        <translation>This mobile number was registered at the door on another computer as “{name}” and counted as the same person; please check the name</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="111"/>
        <source>撤销签到需要填写原因</source>
        <translation>Undoing a check-in needs a reason</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="112"/>
        <source>更正志愿时长需要填写原因</source>
        <translation>A correction of volunteer hours needs a reason</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="113"/>
        <source>志愿时长应在 0 到 {max} 小时之间</source>
        <translation>Volunteer hours must be between 0 and {max} hours</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="114"/>
        <source>{label}应在 {min} 到 {max} 分钟之间</source>
        <translation>{label} must be between {min} and {max} minutes</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="115"/>
        <source>这个活动的志愿时长已确认，不能再改计时规则（个人时长仍可更正）</source>
        <translation>This activity&apos;s volunteer hours are confirmed: the rule cannot change (a person&apos;s hours can still be corrected)</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="118"/>
        <source>活动结束或完成后才能确认志愿时长</source>
        <translation>Volunteer hours can be confirmed once the activity has ended or is completed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="119"/>
        <source>这个活动的志愿时长已由 {by} 确认过，以先确认的为准</source>
        <translation>{by} had already confirmed this activity&apos;s volunteer hours; the first confirmation stands</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="122"/>
        <source>时长更正不能撤销；如有错误，请再更正一次（原记录保留）</source>
        <translation>A correction of hours cannot be undone; if it is wrong, correct it again (the record stays)</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="125"/>
        <source>这条记录本身就是撤销，不能再撤销</source>
        <translation>This entry is itself an undo and cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="126"/>
        <source>没有可以撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="127"/>
        <source>这一步已同步到服务器，无法撤销</source>
        <translation>This step already reached the server and cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="128"/>
        <source>查看个人信息的记录不能撤销</source>
        <translation>The record of viewing personal data cannot be undone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="129"/>
        <source>这条记录之后又有修改，请先撤销后面的操作</source>
        <translation>The record was changed again afterwards; undo the later change first</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="130"/>
        <source>考核目标由上级团组织下达，本组织不能修改自己的考核目标</source>
        <translation>Targets are set by the League organisation above; an organisation cannot change its own target</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="133"/>
        <source>考核目标不完整或有误</source>
        <translation>The target is incomplete or wrong</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="134"/>
        <source>考核截止日期不能早于开始日期</source>
        <translation>The target&apos;s deadline cannot be before its start date</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="135"/>
        <source>{label}应为 0 到 {max} 之间的整数</source>
        <translation>{label} must be a whole number from 0 to {max}</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="140"/>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="141"/>
        <source>活动类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="142"/>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="143"/>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="144"/>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="145"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="146"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="147"/>
        <source>报名开始时间</source>
        <translation>Registration opening</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="148"/>
        <source>报名截止时间</source>
        <translation>Registration closing</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="149"/>
        <source>招募人数</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="150"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="151"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="152"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="153"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="154"/>
        <source>最短停留</source>
        <translation>Minimum stay</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="155"/>
        <source>取整单位</source>
        <translation>Rounding step</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="156"/>
        <source>每日上限</source>
        <translation>Daily cap</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="158"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="159"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="160"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="161"/>
        <source>学校或单位</source>
        <translation>School or employer</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="162"/>
        <source>通知标题</source>
        <translation>Notice title</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="163"/>
        <source>通知内容</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="164"/>
        <source>精品活动数</source>
        <translation>Featured activities</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="165"/>
        <source>参与人次</source>
        <translation>Participations</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="166"/>
        <source>考核截止日期</source>
        <translation>Target deadline</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="167"/>
        <source>诉求内容</source>
        <translation>request text</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="168"/>
        <source>答复内容</source>
        <translation>reply</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="170"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="171"/>
        <source>已发布</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="172"/>
        <source>已完成</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="173"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="174"/>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="175"/>
        <source>报名中</source>
        <translation>registering</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="176"/>
        <source>报名截止</source>
        <translation>registration closed</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="177"/>
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="178"/>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="179"/>
        <source>待审核</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="180"/>
        <source>已通过</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="181"/>
        <source>候补</source>
        <translation>waitlisted</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="182"/>
        <source>已拒绝</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="184"/>
        <source>提交报名</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="185"/>
        <source>候补转为通过</source>
        <translation>Promoted from the waitlist</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="186"/>
        <source>线上报名</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="187"/>
        <source>现场登记</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="188"/>
        <source>名单导入</source>
        <translation>Imported list</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="189"/>
        <source>待发送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="190"/>
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
        <location filename="../../sync/core/messages.py" line="194"/>
        <source>待分拣</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="195"/>
        <source>已分类</source>
        <translation>Classified</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="196"/>
        <source>已交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="197"/>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="198"/>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="199"/>
        <source>提交诉求</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="200"/>
        <source>青年补充说明</source>
        <translation>Youth added to it</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="201"/>
        <source>重新打开</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="203"/>
        <source>发布</source>
        <translation>publish</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="204"/>
        <source>取消</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../sync/core/messages.py" line="205"/>
        <source>标记为已完成</source>
        <translation>mark as completed</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="51"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="54"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="60"/>
        <source>自动同步间隔（分钟）</source>
        <translation>Sync every (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="63"/>
        <source>代理服务器</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="65"/>
        <source>单位 CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="73"/>
        <source>加密本机数据</source>
        <translation>Encrypt local data</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="82"/>
        <source>诉求类别（每行一个）</source>
        <translation>Request categories (one a line)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="88"/>
        <source>诉求答复时限（工作日）</source>
        <translation>Reply deadline for requests (working days)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="95"/>
        <source>节假日（不算工作日）</source>
        <translation>Public holidays (not working days)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="102"/>
        <source>调休上班的周末</source>
        <translation>Weekends worked in lieu (调休)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="108"/>
        <source>在线地图瓦片地址</source>
        <translation>Online map tile URL</translation>
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
        <location filename="../../desktop/workers.py" line="78"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="111"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
</context>
</TS>
