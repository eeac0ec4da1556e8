"""Texts of the sync errors a cadre sees, keyed by a stable code, Chinese as the source language.

The desktop translates them with `QCoreApplication.translate("sync", text)`; `python -m
sync.client` prints the Chinese. Codes the server sends (`{"code", "message"}` of an error
answer) are here too, so a refused sign-in reads in the user's language rather than the
server's; an unknown code falls back to the server's own message.
"""

from __future__ import annotations

from typing import Any

from sync.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "sync"

MESSAGES: dict[str, str] = {
    # raised by this client
    "sync_failed": QT_TRANSLATE_NOOP("sync", "同步失败，请稍后再试"),
    "unreachable": QT_TRANSLATE_NOOP(
        "sync", "连不上服务器，请检查网络；工作可以继续，联网后会自动同步"
    ),
    "certificate_untrusted": QT_TRANSLATE_NOOP(
        "sync", "服务器证书无法验证：请在设置中指定单位的 CA 证书"
    ),
    "auth_required": QT_TRANSLATE_NOOP("sync", "登录已过期或已退出，请重新登录"),
    "protocol_mismatch": QT_TRANSLATE_NOOP("sync", "工作台版本与服务器不兼容，请安装最新版本"),
    "refused": QT_TRANSLATE_NOOP("sync", "服务器拒绝了这个请求"),
    "too_many_attempts": QT_TRANSLATE_NOOP("sync", "尝试次数过多，请稍后再试"),
    "bad_response": QT_TRANSLATE_NOOP("sync", "服务器返回了无法识别的内容，请稍后再试或联系管理员"),
    "server_busy": QT_TRANSLATE_NOOP("sync", "服务器正忙，稍后会自动重试；工作已保存在本机"),
    "cursor_too_old": QT_TRANSLATE_NOOP(
        "sync", "这台电脑很久没有同步，需要重新下载全部数据；尚未上传的工作会保留"
    ),
    "snapshot_invalid": QT_TRANSLATE_NOOP(
        "sync", "下载的数据不完整或已损坏，本机数据没有改动；请稍后再同步"
    ),
    "deployment_invalid": QT_TRANSLATE_NOOP("sync", "部署配置有误，请联系管理员"),
    "ca_bundle_missing": QT_TRANSLATE_NOOP(
        "sync", "找不到 CA 证书文件：{path}。请在设置中重新选择，或联系管理员"
    ),
    "account_mismatch": QT_TRANSLATE_NOOP(
        "sync",
        "本机保存的是另一个组织的数据：请先退出并清除本机数据，或使用另一个配置文件夹",
    ),
    "credentials_unavailable": QT_TRANSLATE_NOOP(
        "sync",
        "这台电脑没有可用的系统密码保管服务，无法保存登录状态。"
        "在 Linux 上请安装并解锁 gnome-keyring（Secret Service），或联系管理员。",
    ),
    "local_data_locked": QT_TRANSLATE_NOOP(
        "sync",
        "本机数据已加密，但在系统密码保管服务中找不到它的钥匙（或钥匙不对），无法打开。"
        "可以把这份数据移到一旁，重新登录并从服务器下载；移开的数据里尚未同步的工作无法恢复。",
    ),
    "local_data_damaged": QT_TRANSLATE_NOOP(
        "sync",
        "本机数据文件已损坏（或保存的钥匙与它不符），无法打开。可以把它移到一旁（不会删除），"
        "从服务器重新下载；其中尚未同步的工作，能读出的都会保留并在下次同步时上传。",
    ),
    "encryption_unavailable": QT_TRANSLATE_NOOP(
        "sync",
        "本单位要求加密保存本机数据，但这台电脑没有可用的系统密码保管服务来保存钥匙。"
        "在 Linux 上请安装并解锁 gnome-keyring（Secret Service），或联系管理员。",
    ),
    # answered by the server (sync/server/auth.py AUTH_ERRORS, sync/server/app.py)
    "invalid_credentials": QT_TRANSLATE_NOOP("sync", "用户名或密码不正确"),
    "login_throttled": QT_TRANSLATE_NOOP("sync", "密码错误次数过多，请 {seconds} 秒后再试"),
    "account_disabled": QT_TRANSLATE_NOOP("sync", "该账号已停用，请联系上级团组织"),
    "not_authenticated": QT_TRANSLATE_NOOP("sync", "请先登录"),
    "invalid_token": QT_TRANSLATE_NOOP("sync", "登录信息无效，请重新登录"),
    "token_expired": QT_TRANSLATE_NOOP("sync", "登录已过期，请重新登录"),
    "token_revoked": QT_TRANSLATE_NOOP("sync", "您已退出登录，请重新登录"),
    "invalid_request": QT_TRANSLATE_NOOP("sync", "请求内容不完整或格式不正确"),
    "request_too_large": QT_TRANSLATE_NOOP("sync", "请求内容过大，服务器不予接收"),
    # answered by the server's reveal (sync/server/routes/personal.py)
    "permission_denied": QT_TRANSLATE_NOOP(
        "sync", "当前账号没有查看完整个人信息的权限，请联系上级团组织开通"
    ),
}


def render(code: str, params: dict[str, Any] | None = None, translate=lambda text: text) -> str:
    """The message for `code`; `translate` maps a source text to the user's language."""
    return translate(MESSAGES[code]).format(**(params or {}))
