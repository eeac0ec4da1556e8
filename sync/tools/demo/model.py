"""The demo data's sizes, constants and small drawing helpers, shared by its modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sync.core.records import CHINA_TIME, ActivityStatus

DEFAULT_SEED = 20171031  # the founding notice's date
# Follower tags a cadre would give, and the notices an organisation sends its followers.
FOLLOWER_TAGS = ("志愿者骨干", "大学生", "青年创业者", "活跃粉丝", "社区青年", "团员", "返乡青年")
NOTICES_PER_ORG = 2
NOTICES = (
    ("{org}近期活动预告", "本月我们将陆续举办多场青年活动，欢迎关注报名，名额有限，先到先得。"),
    ("关于开展志愿服务活动的通知", "请各位志愿者留意报名时间，按时参加活动，注意安全。"),
    ("青年夜校课程开课啦", "本期课程包括摄影、茶艺、编程入门，请在工作台报名，欢迎转发。"),
    ("活动时间调整说明", "因天气原因，本周六的活动顺延一周举行，已报名的青年无需重新报名。"),
)
# The demo server's accounts (python -m sync.server seed-demo): the home county's username and
# the one password every demo account shares. Demo data only; never a real deployment.
DEMO_HOME_USERNAME = "jiangning"
DEMO_PASSWORD = "demo-password"
HOME_COUNTY = "320115"  # 南京市江宁区
BATCH_ROWS = 5_000
CACHE_KIB = 16 * 1024
DAY = 86_400

Point = tuple[float, float]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSize:
    grassroots: int
    activities: int
    youths: int
    registrations: int
    followers: int
    requests: int = 0  # 诉求, with their histories (sync.tools.demo.youth_requests)


SIZES: dict[str, DemoSize] = {
    "small": DemoSize(
        10, activities=80, youths=1_500, registrations=1_500, followers=2_000, requests=120
    ),
    "county": DemoSize(
        150, 5_000, youths=120_000, registrations=100_000, followers=200_000, requests=4_000
    ),
}


@dataclass(frozen=True)
class DemoSummary:
    organizations: int
    activities: int
    youths: int
    registrations: int
    followers: int
    home_org_id: str
    registration_events: int = 0
    notices: int = 0
    checkin_events: int = 0
    requests: int = 0
    request_events: int = 0


class DemoDataExists(RuntimeError):
    """The target already holds records; demo data only goes into an empty database."""


# --- helpers ---------------------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Shanghai wall-clock time as an aware UTC datetime."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA_TIME).astimezone(UTC)


def _utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _nice(value: float) -> int:
    """A capacity a cadre would type: a multiple of 5 (of 10 from 50 up), 10 to 200."""
    step = 5 if value < 50 else 10
    return min(200, max(10, round(value / step) * step))


def _apportion(total: int, weights: list[float], cap: int) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), no share above `cap`."""
    if not weights:
        return []
    raw = [w * total / sum(weights) for w in weights]
    counts = [min(cap, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    while (remaining := total - sum(counts)) > 0:
        open_slots = [i for i in order if counts[i] < cap]
        if not open_slots:
            raise ValueError(f"cannot place {total} rows with at most {cap} each")
        for i in open_slots[:remaining]:
            counts[i] += 1
    return counts


# --- the generator ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Org:
    id: str
    name: str
    kind: str  # county | street | community | school | company | unit
    town: str  # "" for the county committee
    site: str  # what its own venues are named after
    point: Point
    weight: float = 1.0  # how active and how popular it is
    activities: list[tuple[str, int]] = field(default_factory=list)  # (id, created ts): public


@dataclass(slots=True)
class _Plan:
    """An activity before it becomes a row; its registrations are drawn from its window."""

    id: str
    org: _Org
    category: str
    status: ActivityStatus
    starts_at: datetime
    ends_at: datetime
    opens: datetime
    closes: datetime
    created_at: datetime
    updated_at: datetime
    until: datetime  # registrations stop here: the closing, now, or the cancellation
    requires_review: bool = True
    featured: bool = False
    registrations: int = 0
    capacity: int = 0


# Phases planted once each, so even the small dataset shows every one.
_PLANTED = ("in_progress", "registration_closed", "registering", "not_started", "ended")
