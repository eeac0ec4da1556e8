"""The defaults of a youth request's terms that the settings offer to change: a module of its
own, with no imports, so the settings (read before the window shows) need not import the rules.
`sync.core.rules` applies them."""

# The categories a request is classified into, as a new workbench offers them; a deployment or a
# cadre changes the list in the settings (`desktop.settings`). A category is stored as its name.
DEFAULT_REQUEST_CATEGORIES: tuple[str, ...] = (
    "就业创业",
    "公益志愿",
    "权益维护",
    "婚恋交友",
    "学业",
    "心理健康",
    "其他",
)
# Working days a request may wait for its first reply before it counts as overdue (a setting).
DEFAULT_REPLY_DAYS = 5
