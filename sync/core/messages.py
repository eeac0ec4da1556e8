"""Texts of the rule violations the store and the server report, keyed by a stable code.

Chinese is the source language. The desktop translates them with
`QCoreApplication.translate("rules", text)`; `QT_TRANSLATE_NOOP` below is a local no-op so that
Qt's lupdate finds the strings while this package stays free of Qt.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


CONTEXT = "rules"

# A child's guardian consent (`sync.core.records.GuardianConsent`), worded once for every list,
# detail pane and menu: the full wording, and the short one a table cell has room for.
CONSENT_WORDS: dict[str, tuple[str, str]] = {
    "given": (QT_TRANSLATE_NOOP("rules", "监护人已同意"), QT_TRANSLATE_NOOP("rules", "已同意")),
    "refused": (QT_TRANSLATE_NOOP("rules", "监护人不同意"), QT_TRANSLATE_NOOP("rules", "不同意")),
    "unknown": (
        QT_TRANSLATE_NOOP("rules", "监护人同意未确认"),
        QT_TRANSLATE_NOOP("rules", "未确认"),
    ),
}
# Why a child's row is flagged, wherever one is shown; `consent` is a CONSENT_WORDS wording.
MINOR_NOTE = QT_TRANSLATE_NOOP(
    "rules", "未满 {age} 周岁：处理其个人信息需征得监护人同意（{consent}）"
)

MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("rules", "请填写{label}"),
    "control_characters": QT_TRANSLATE_NOOP("rules", "{label}含有无法保存的控制字符"),
    "too_long": QT_TRANSLATE_NOOP("rules", "{label}不能超过 {max} 个字"),
    "unknown_category": QT_TRANSLATE_NOOP("rules", "请选择活动类别"),
    "unknown_region": QT_TRANSLATE_NOOP("rules", "请选择江苏省内的地区"),
    "end_before_start": QT_TRANSLATE_NOOP("rules", "结束时间必须晚于开始时间"),
    "registration_after_start": QT_TRANSLATE_NOOP("rules", "报名截止时间不能晚于活动开始时间"),
    "registration_window_empty": QT_TRANSLATE_NOOP("rules", "报名开始时间必须早于报名截止时间"),
    "capacity_too_small": QT_TRANSLATE_NOOP("rules", "招募人数至少为 1 人"),
    "coordinates_incomplete": QT_TRANSLATE_NOOP("rules", "经度和纬度要同时填写"),
    "outside_jiangsu": QT_TRANSLATE_NOOP("rules", "坐标不在江苏省范围内，请检查经纬度"),
    "bad_phone": QT_TRANSLATE_NOOP("rules", "联系电话格式不正确"),
    "illegal_transition": QT_TRANSLATE_NOOP("rules", "活动当前为“{current}”，不能{action}"),
    "not_found": QT_TRANSLATE_NOOP("rules", "找不到这条记录，可能已被删除"),
    "only_drafts_deletable": QT_TRANSLATE_NOOP("rules", "只有草稿可以删除，已发布的活动请取消"),
    "edit_not_allowed": QT_TRANSLATE_NOOP("rules", "活动当前为“{current}”，不能再修改"),
    "invalid_activity": QT_TRANSLATE_NOOP("rules", "活动信息不完整或有误"),
    "field_conflict": QT_TRANSLATE_NOOP(
        "rules", "其他设备同时修改了相同内容，已保留对方的修改，请在“冲突”中确认"
    ),
    "waitlisted_full": QT_TRANSLATE_NOOP("rules", "名额已满（{capacity} 人），已转入候补"),
    "reject_reason_required": QT_TRANSLATE_NOOP("rules", "拒绝报名需要填写理由"),
    "guardian_consent_required": QT_TRANSLATE_NOOP(
        "rules", "报名者在活动开始时未满14周岁，须先记录监护人同意，才能通过报名"
    ),
    "registration_not_reviewable": QT_TRANSLATE_NOOP("rules", "该报名当前为“{current}”，不能审核"),
    "registration_not_cancellable": QT_TRANSLATE_NOOP("rules", "该报名当前为“{current}”，不能取消"),
    "registration_closed": QT_TRANSLATE_NOOP("rules", "活动当前为“{current}”，不能报名"),
    "already_registered": QT_TRANSLATE_NOOP("rules", "该青年已报名这个活动"),
    "invalid_youth": QT_TRANSLATE_NOOP("rules", "青年信息不完整或有误"),
    "bad_mobile": QT_TRANSLATE_NOOP("rules", "手机号应为 11 位数字，以 1 开头"),
    "bad_id_number": QT_TRANSLATE_NOOP("rules", "身份证号格式不正确或校验位不符"),
    "capacity_below_approved": QT_TRANSLATE_NOOP(
        "rules", "已有 {approved} 人通过审核，名额不能减到 {capacity}；请先取消或拒绝部分报名"
    ),
    "phone_taken": QT_TRANSLATE_NOOP(
        "rules", "这个手机号已属于另一位姓名不同的青年，请核对姓名和手机号"
    ),
    "id_number_taken": QT_TRANSLATE_NOOP(
        "rules", "这个身份证号已属于另一位青年（手机号不同），请核对身份证号和手机号"
    ),
    "bad_birth_date": QT_TRANSLATE_NOOP("rules", "出生日期不正确"),
    "bad_gender": QT_TRANSLATE_NOOP("rules", "性别只能是男、女或未知"),
    "invalid_tag": QT_TRANSLATE_NOOP(
        "rules", "标签“{tag}”无效：标签为 1 至 {max} 个字，不能含引号或控制字符"
    ),
    "invalid_notice": QT_TRANSLATE_NOOP("rules", "通知内容不完整或有误"),
    "reason_too_long": QT_TRANSLATE_NOOP("rules", "理由不能超过 {max} 个字"),
    "invalid_consent": QT_TRANSLATE_NOOP("rules", "监护人同意状态无效"),
    "permission_denied": QT_TRANSLATE_NOOP("rules", "您的账号没有这项权限，请联系上级团组织"),
    "not_allowed": QT_TRANSLATE_NOOP("rules", "这项操作不能由此账号进行"),
    "already_following": QT_TRANSLATE_NOOP("rules", "已经关注了这个组织"),
    "duplicate_id": QT_TRANSLATE_NOOP("rules", "这条记录已经存在，无需重复创建"),
    "malformed_operation": QT_TRANSLATE_NOOP("rules", "操作内容不完整，服务器无法处理"),
    "too_many_ids": QT_TRANSLATE_NOOP(
        "rules", "一项操作最多涉及 {max} 条记录，请升级工作台（它会自动分批）"
    ),
    "unknown_kind": QT_TRANSLATE_NOOP("rules", "此版本不认识操作“{kind}”，请升级工作台"),
    "invalid_request": QT_TRANSLATE_NOOP("rules", "诉求内容不完整或有误"),
    "invalid_request_category": QT_TRANSLATE_NOOP(
        "rules", "诉求类别应为 1 至 {max} 个字，不能含控制字符"
    ),
    "request_archived": QT_TRANSLATE_NOOP("rules", "这条诉求已归档，不能再分类或交办"),
    "not_subordinate": QT_TRANSLATE_NOOP("rules", "只能交办给当前承办组织的下级组织"),
    "request_reopened": QT_TRANSLATE_NOOP(
        "rules", "这条诉求已被他人归档；新的内容已保留，诉求已重新打开"
    ),
    "too_many_requests": QT_TRANSLATE_NOOP(
        "rules", "提交太频繁：每人 24 小时内最多提交 {max} 条诉求，请稍后再试"
    ),
    "checkin_not_admitted": QT_TRANSLATE_NOOP(
        "rules", "已记录签到，但该报名当前为“{current}”，请在签到页“需核对”中处理"
    ),
    "walk_in_name_differs": QT_TRANSLATE_NOOP(
        "rules", "这个手机号已在另一台电脑上现场登记为“{name}”，已算作同一人，请核对姓名"
    ),
    "void_reason_required": QT_TRANSLATE_NOOP("rules", "撤销签到需要填写原因"),
    "adjust_reason_required": QT_TRANSLATE_NOOP("rules", "更正志愿时长需要填写原因"),
    "hours_out_of_range": QT_TRANSLATE_NOOP("rules", "志愿时长应在 0 到 {max} 小时之间"),
    "hours_rule_range": QT_TRANSLATE_NOOP("rules", "{label}应在 {min} 到 {max} 分钟之间"),
    "hours_confirmed": QT_TRANSLATE_NOOP(
        "rules", "这个活动的志愿时长已确认，不能再改计时规则（个人时长仍可更正）"
    ),
    "hours_not_ended": QT_TRANSLATE_NOOP("rules", "活动结束或完成后才能确认志愿时长"),
    "hours_already_confirmed": QT_TRANSLATE_NOOP(
        "rules", "这个活动的志愿时长已由 {by} 确认过，以先确认的为准"
    ),
    "void_of_correction": QT_TRANSLATE_NOOP(
        "rules", "时长更正不能撤销；如有错误，请再更正一次（原记录保留）"
    ),
    "void_of_void": QT_TRANSLATE_NOOP("rules", "这条记录本身就是撤销，不能再撤销"),
    "nothing_to_undo": QT_TRANSLATE_NOOP("rules", "没有可以撤销的操作"),
    "undo_already_synced": QT_TRANSLATE_NOOP("rules", "这一步已同步到服务器，无法撤销"),
    "undo_not_allowed": QT_TRANSLATE_NOOP("rules", "查看个人信息的记录不能撤销"),
    "undo_superseded": QT_TRANSLATE_NOOP("rules", "这条记录之后又有修改，请先撤销后面的操作"),
    "target_own_org": QT_TRANSLATE_NOOP(
        "rules", "考核目标由上级团组织下达，本组织不能修改自己的考核目标"
    ),
    "invalid_target": QT_TRANSLATE_NOOP("rules", "考核目标不完整或有误"),
    "target_period": QT_TRANSLATE_NOOP("rules", "考核截止日期不能早于开始日期"),
    "target_number": QT_TRANSLATE_NOOP("rules", "{label}应为 0 到 {max} 之间的整数"),
}

# Names used inside messages ({label}, {current}, {action}); translated in the same context.
LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("rules", "活动名称"),
    "category": QT_TRANSLATE_NOOP("rules", "活动类别"),
    "description": QT_TRANSLATE_NOOP("rules", "活动简介"),
    "region_code": QT_TRANSLATE_NOOP("rules", "所在地区"),
    "location_name": QT_TRANSLATE_NOOP("rules", "活动地点"),
    "starts_at": QT_TRANSLATE_NOOP("rules", "开始时间"),
    "ends_at": QT_TRANSLATE_NOOP("rules", "结束时间"),
    "registration_opens_at": QT_TRANSLATE_NOOP("rules", "报名开始时间"),
    "registration_closes_at": QT_TRANSLATE_NOOP("rules", "报名截止时间"),
    "capacity": QT_TRANSLATE_NOOP("rules", "招募人数"),
    "contact_name": QT_TRANSLATE_NOOP("rules", "联系人"),
    "contact_phone": QT_TRANSLATE_NOOP("rules", "联系电话"),
    "lon": QT_TRANSLATE_NOOP("rules", "经度"),
    "lat": QT_TRANSLATE_NOOP("rules", "纬度"),
    "hours_min_stay": QT_TRANSLATE_NOOP("rules", "最短停留"),
    "hours_step": QT_TRANSLATE_NOOP("rules", "取整单位"),
    "hours_daily_cap": QT_TRANSLATE_NOOP("rules", "每日上限"),
    # a youth, a notice
    "name": QT_TRANSLATE_NOOP("rules", "姓名"),
    "phone": QT_TRANSLATE_NOOP("rules", "手机号"),
    "id_number": QT_TRANSLATE_NOOP("rules", "身份证号"),
    "school_or_employer": QT_TRANSLATE_NOOP("rules", "学校或单位"),
    "notice_title": QT_TRANSLATE_NOOP("rules", "通知标题"),
    "notice_body": QT_TRANSLATE_NOOP("rules", "通知内容"),
    "featured_activities": QT_TRANSLATE_NOOP("rules", "精品活动数"),
    "participants": QT_TRANSLATE_NOOP("rules", "参与人次"),
    "period_end": QT_TRANSLATE_NOOP("rules", "考核截止日期"),
    "request_text": QT_TRANSLATE_NOOP("rules", "诉求内容"),
    "reply": QT_TRANSLATE_NOOP("rules", "答复内容"),
    # statuses and phases, as shown to cadres
    "draft": QT_TRANSLATE_NOOP("rules", "草稿"),
    "published": QT_TRANSLATE_NOOP("rules", "已发布"),
    "completed": QT_TRANSLATE_NOOP("rules", "已完成"),
    "cancelled": QT_TRANSLATE_NOOP("rules", "已取消"),
    "not_started": QT_TRANSLATE_NOOP("rules", "未开始"),
    "registering": QT_TRANSLATE_NOOP("rules", "报名中"),
    "registration_closed": QT_TRANSLATE_NOOP("rules", "报名截止"),
    "in_progress": QT_TRANSLATE_NOOP("rules", "进行中"),
    "ended": QT_TRANSLATE_NOOP("rules", "已结束"),
    "pending": QT_TRANSLATE_NOOP("rules", "待审核"),
    "approved": QT_TRANSLATE_NOOP("rules", "已通过"),
    "waitlisted": QT_TRANSLATE_NOOP("rules", "候补"),
    "rejected": QT_TRANSLATE_NOOP("rules", "已拒绝"),
    # a registration's history, where it came from; notices; guardian consent
    "registered": QT_TRANSLATE_NOOP("rules", "提交报名"),
    "promoted": QT_TRANSLATE_NOOP("rules", "候补转为通过"),
    "online": QT_TRANSLATE_NOOP("rules", "线上报名"),
    "walk_in": QT_TRANSLATE_NOOP("rules", "现场登记"),
    "import": QT_TRANSLATE_NOOP("rules", "名单导入"),
    "queued": QT_TRANSLATE_NOOP("rules", "待发送"),
    "sent": QT_TRANSLATE_NOOP("rules", "已发送"),
    "given": CONSENT_WORDS["given"][0],
    "refused": CONSENT_WORDS["refused"][0],
    # a youth request's states and history (诉求)
    "new": QT_TRANSLATE_NOOP("rules", "待分拣"),
    "classified": QT_TRANSLATE_NOOP("rules", "已分类"),
    "assigned": QT_TRANSLATE_NOOP("rules", "已交办"),
    "replied": QT_TRANSLATE_NOOP("rules", "已答复"),
    "archived": QT_TRANSLATE_NOOP("rules", "已归档"),
    "submitted": QT_TRANSLATE_NOOP("rules", "提交诉求"),
    "added": QT_TRANSLATE_NOOP("rules", "青年补充说明"),
    "reopened": QT_TRANSLATE_NOOP("rules", "重新打开"),
    # actions
    "publish": QT_TRANSLATE_NOOP("rules", "发布"),
    "cancel": QT_TRANSLATE_NOOP("rules", "取消"),
    "complete": QT_TRANSLATE_NOOP("rules", "标记为已完成"),
}


def render(code: str, params: dict[str, Any], translate=lambda text: text) -> str:
    """The message for `code`; `translate` maps a source text to the user's language."""
    shown = {
        k: translate(LABELS[v]) if isinstance(v, str) and v in LABELS else v
        for k, v in params.items()
    }
    return translate(MESSAGES[code]).format(**shown)
