"""The demo's youth requests (诉求) and their histories: what youths of the home county ask, in
every state, with replies, and some left waiting past the reply deadline.

Drawn from a generator of their own (seed + 3; the door events have seed + 2), after every
other table, so the rows drawn before requests existed stay exactly the same."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sync.core.records import ContactPreference, RequestAction, RequestState
from sync.core.request_terms import DEFAULT_REPLY_DAYS, DEFAULT_REQUEST_CATEGORIES
from sync.core.rules import working_days_before
from sync.tools.demo.model import DAY, DEMO_HOME_USERNAME, _Org, _utc

# (category, what a youth writes, a reply a cadre gives): {town} is a town of the county.
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "就业创业": (
        (
            "我是应届毕业生，想在{town}开一家奶茶店，请问有没有创业补贴或者贴息贷款？",
            "您好，区人社局对毕业五年内的高校毕业生创业有一次性补贴和创业担保贷款，"
            "可带身份证、毕业证到{town}便民服务中心咨询办理。",
        ),
        (
            "请问最近有没有面向大专生的招聘会？想找电商运营方面的工作。",
            "本月下旬区青年就业服务站有一场专场招聘会，电商企业较多，请关注公众号报名。",
        ),
        (
            "返乡创业做农产品直播，想找场地和培训，团委能帮忙对接吗？",
            "已把您的需求转给{town}团委，青年创业园有免费工位和直播培训，工作人员会联系您。",
        ),
    ),
    "公益志愿": (
        (
            "暑假想参加志愿服务，高中生可以报名吗？需要什么手续？",
            "可以的，14岁以上在监护人同意后即可报名，请在工作台“活动”里选择志愿服务类活动。",
        ),
        (
            "我们班想组织去敬老院做志愿活动，能不能帮忙联系{town}的敬老院？",
            "{town}团委已与当地敬老院联系好，请班级负责人留下联系方式，我们安排时间对接。",
        ),
    ),
    "权益维护": (
        (
            "在{town}一家工厂实习，老板拖欠了两个月工资，不知道该怎么办。",
            "请保留好实习协议和考勤记录，可拨打12333或到区劳动监察大队投诉，"
            "团区委青少年维权岗也可陪同您办理。",
        ),
        (
            "租房押金房东一直不退，已经过了一个月了，有什么办法？",
            "建议先书面催告，仍不退可申请{town}人民调解委员会调解，我们可以提供法律援助咨询。",
        ),
        (
            "小区附近的篮球场晚上一直不开灯，年轻人下班后没地方运动。",
            "已向{town}街道反映，篮球场照明将在本月内修复，开放时间延长到晚上九点。",
        ),
    ),
    "婚恋交友": (
        (
            "工作圈子太小，团委有没有组织青年联谊活动？",
            "本季度团区委将举办“青春有约”交友活动，报名通道开放后会通过公众号通知。",
        ),
        (
            "{town}的单身青年多，能不能办一次户外徒步交友活动？",
            "好建议！已请{town}团委牵头筹备，活动发布后会在“活动”中开放报名。",
        ),
    ),
    "学业": (
        (
            "家里困难，想了解大学生助学贷款和奖学金怎么申请。",
            "生源地助学贷款可在每年七至九月到区资助中心申请，另有团区委“希望工程”助学金，"
            "请准备家庭经济情况证明。",
        ),
        (
            "准备考研，想找一个安静的自习室，{town}有没有免费的？",
            "{town}青年之家和区图书馆分馆都有免费自习室，开放到晚上九点，需提前预约。",
        ),
    ),
    "心理健康": (
        (
            "最近工作压力很大，经常失眠，想找人聊聊，有没有免费的心理咨询？",
            "区青少年心理服务中心每周三下午有免费咨询，也可拨打12355青少年服务台热线。",
        ),
        (
            "孩子上初中后不愿意和家里沟通，有没有家庭教育方面的讲座？",
            "本月将在{town}举办家庭教育公益讲座，已为您预留名额，请注意短信通知。",
        ),
    ),
    "其他": (
        (
            "想在社区办一个青年读书会，能不能借用活动室？",
            "{town}党群服务中心的活动室可以免费预约，请联系社区团支部登记使用时间。",
        ),
        (
            "户口迁移到{town}以后，团组织关系怎么转？",
            "请在“智慧团建”系统申请组织关系转接，接收方为{town}团委，三个工作日内办理。",
        ),
    ),
}
# Who acted for an organisation: the county's demo account (the grassroots accounts' names are
# chosen by the server's seeding, after the rows are drawn).
CADRE = DEMO_HOME_USERNAME
ADDITIONS = ("补充一下：最好周末能办理，平时要上班。", "请问有进展了吗？", "谢谢，已经联系上了。")


@dataclass
class _Request:
    id: str
    org: _Org
    youth_id: str
    category_guess: str
    text: str
    reply: str
    contact: ContactPreference
    submitted: int
    events: list[tuple[int, str, RequestAction, str]] = field(default_factory=list)


class DemoRequests:
    """The requests of the home county and its grassroots organisations. `make_id(ts, rng)`
    is the generator's seeded UUIDv7."""

    def __init__(
        self,
        *,
        rng: random.Random,
        make_id: Any,
        home: _Org,
        grassroots: list[_Org],
        youth_ids: list[str],
        towns: list[str],
        now_ts: int,
        count: int,
    ):
        self.rng, self.make_id = rng, make_id
        self.home, self.grassroots = home, grassroots
        self.youth_ids, self.towns = youth_ids, towns
        self.now_ts, self.count = now_ts, count
        self.drawn: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def draw(self) -> None:
        """Draw every request and its history (small: all in memory, a few thousand at most)."""
        rng, now = self.rng, self.now_ts
        # The reply deadline as the page counts it: an open request older than this is overdue.
        deadline = int(working_days_before(_utc(now), DEFAULT_REPLY_DAYS).timestamp())
        for _ in range(self.count):
            # Most within the last four months, a tail over the year (the yearly summary).
            age = int(rng.expovariate(1 / (40 * DAY))) % (365 * DAY) + rng.randint(600, 3 * 3600)
            submitted = now - age
            category = rng.choice(DEFAULT_REQUEST_CATEGORIES)
            text, reply = rng.choice(TOPICS.get(category) or TOPICS["其他"])
            town = rng.choice(self.towns)
            asked = self.home if rng.random() < 0.7 or not self.grassroots else self._grassroots()
            request = _Request(
                id=self.make_id(submitted, rng),
                org=asked,
                youth_id=rng.choice(self.youth_ids),
                category_guess=category if rng.random() < 0.6 else "",
                text=text.format(town=town),
                reply=reply.format(town=town),
                contact=rng.choice(
                    (ContactPreference.APP,) * 3 + (ContactPreference.PHONE, ContactPreference.SMS)
                ),
                submitted=submitted,
            )
            self.drawn.append(self._history(request, category, submitted < deadline))

    def _grassroots(self) -> _Org:
        return self.rng.choices(self.grassroots, [o.weight for o in self.grassroots])[0]

    def _history(
        self, request: _Request, category: str, old: bool
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Walk the request along new → classified → assigned → replied → archived as far as
        its age makes likely; about one old request in eight is left waiting (overdue)."""
        rng, now = self.rng, self.now_ts
        r = rng.random()
        if old:
            target = 4 if r < 0.55 else 3 if r < 0.88 else rng.randrange(3)
        else:
            target = 0 if r < 0.35 else 1 if r < 0.55 else 2 if r < 0.7 else 3
        values: dict[str, Any] = {"category": "", "assigned_at": None}
        values |= {"replied_at": None, "archived_at": None}
        state, org, at = RequestState.NEW, request.org, request.submitted
        events = [self._event(request, at, "youth", RequestAction.SUBMITTED)]

        def later(hours: float) -> int:
            return min(now - 60, at + int(rng.uniform(0.2, hours) * 3600))

        if target >= 1:
            at = later(30)
            values["category"], state = category, RequestState.CLASSIFIED
            events.append(self._event(request, at, CADRE, RequestAction.CLASSIFIED, category))
        if target >= 2 and org is self.home and self.grassroots and rng.random() < 0.6:
            at = later(48)
            org = self._grassroots()
            values["assigned_at"], state = _utc(at), RequestState.ASSIGNED
            events.append(self._event(request, at, CADRE, RequestAction.ASSIGNED, org.id))
        if target >= 3:
            if rng.random() < 0.2:
                at = later(24)
                addition = rng.choice(ADDITIONS)
                events.append(self._event(request, at, "youth", RequestAction.ADDED, addition))
            at = later(72)
            values["replied_at"], state = _utc(at), RequestState.REPLIED
            events.append(self._event(request, at, CADRE, RequestAction.REPLIED, request.reply))
        if target >= 4:
            at = later(24 * 14)
            values["archived_at"], state = _utc(at), RequestState.ARCHIVED
            events.append(self._event(request, at, CADRE, RequestAction.ARCHIVED))
        row = {
            "id": request.id,
            "org_id": org.id,
            "youth_id": request.youth_id,
            "category_guess": request.category_guess,
            "text": request.text,
            "contact": request.contact,
            "state": state,
            "submitted_at": _utc(request.submitted),
            "updated_at": _utc(at),
            "version": len(events),
            **values,
        }
        return row, events

    def _event(
        self, request: _Request, ts: int, actor: str, action: RequestAction, detail: str = ""
    ) -> dict[str, Any]:
        return {
            "id": self.make_id(ts, self.rng),
            "request_id": request.id,
            "at": _utc(ts),
            "actor": actor,
            "action": action,
            "detail": detail,
            "version": 1,
        }

    def rows(self) -> int:
        return sum(1 + len(events) for _row, events in self.drawn)

    def requests(self) -> Iterator[dict[str, Any]]:
        for row, _events in self.drawn:
            yield row

    def request_events(self) -> Iterator[dict[str, Any]]:
        for _row, events in self.drawn:
            yield from events


def draw(gen: Any) -> DemoRequests:
    """The requests for the generator `gen` (`generator._Generator`) once it drew the rest:
    its organisations, youths and towns, its size and clock, and a seed of their own."""
    requests = DemoRequests(
        rng=random.Random(gen.seed + 3),
        make_id=gen._id,
        home=gen.home,
        grassroots=gen.grassroots,
        youth_ids=gen.youth_ids,
        towns=gen.towns,
        now_ts=gen.now_ts,
        count=gen.size.requests,
    )
    requests.draw()
    return requests
