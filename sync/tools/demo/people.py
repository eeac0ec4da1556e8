"""The demo's people: youths, their registrations and histories, followers and notices."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sync.core.privacy import needs_guardian_consent
from sync.core.records import (
    ActivityStatus,
    Gender,
    GuardianConsent,
    NoticeStatus,
    RegistrationAction,
    RegistrationSource,
    RegistrationStatus,
)
from sync.core.rules import encode_tags
from sync.tools import demo_words as words
from sync.tools.demo.model import (
    DAY,
    DEMO_HOME_USERNAME,
    FOLLOWER_TAGS,
    HOME_COUNTY,
    NOTICES,
    NOTICES_PER_ORG,
    _apportion,
    _Org,
    _utc,
    _years_before,
)


class _People:
    """The second half of the generator (see generator._Generator): the rows drawn for people,
    from the organisations and activities the first half planned."""

    def youths(self) -> Iterator[dict[str, Any]]:
        rng, today = self.rng, self.today
        # Mostly the home county; then the rest of Nanjing; then anywhere in Jiangsu.
        nanjing = [c.code for c in self.counties if c.code[:4] == "3201" and c.code != HOME_COUNTY]
        elsewhere = [c.code for c in self.counties if c.code[:4] != "3201"]
        place_names = {c.code: self.table.full_name(c.code) for c in self.counties}
        schools = [o.site for o in self.grassroots if o.kind == "school"]
        companies = [words.company(rng) for _ in range(200)]
        phones: set[str] = set()
        for _ in range(self.size.youths):
            youth_id = self._id(rng.randint(self.now_ts - 3 * 365 * DAY, self.now_ts))
            self.youth_ids.append(youth_id)
            r = rng.random()
            gender = Gender.UNKNOWN if r < 0.01 else Gender.MALE if r < 0.5 else Gender.FEMALE
            r = rng.random()
            region = HOME_COUNTY if r < 0.75 else rng.choice(nanjing if r < 0.9 else elsewhere)
            r = rng.random()
            age = next(rng.randint(low, high) for p, low, high in words.AGE_BANDS if r < p)
            latest = _years_before(today, age)
            earliest = _years_before(today, age + 1) + timedelta(days=1)
            birth = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
            local_schools = schools if region == HOME_COUNTY else ()
            where = words.school_or_employer(
                rng, age, place_names[region], local_schools, companies, self.towns
            )
            phone = words.mobile(rng)
            while phone in phones:
                phone = words.mobile(rng)
            phones.add(phone)
            consent = GuardianConsent.UNKNOWN
            if needs_guardian_consent(birth, today):
                r = self.extra.random()
                consent = GuardianConsent.GIVEN if r < 0.6 else consent
                consent = GuardianConsent.REFUSED if 0.6 <= r < 0.7 else consent
            has_id = self.extra.random() < 0.3
            yield {
                "id": youth_id,
                "name": words.person(rng, gender),
                "phone": phone,
                "gender": gender,
                "birth_date": birth,
                "school_or_employer": where,
                "region_code": region,
                "version": 1,
                "id_number": self._id_number(region, birth, gender) if has_id else "",
                "guardian_consent": consent,
            }

    def _id_number(self, region: str, birth: date, gender: Gender) -> str:
        """A synthetic resident ID number with a valid check character (GB 11643)."""
        serial = self.extra.randrange(500) * 2 + (1 if gender is Gender.MALE else 0)
        body = f"{region}{birth:%Y%m%d}{serial:03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
        return body + "10X98765432"[total % 11]

    # registrations and followers ----------------------------------------------------------

    def registrations(self) -> Iterator[dict[str, Any]]:
        rng, now_ts = self.rng, self.now_ts
        n_youths = len(self.youth_ids)
        core = max(1, n_youths // 6)  # a core of active youths registers again and again
        for plan in self.plans:
            chosen: dict[int, None] = {}  # ordered, so the draw stays deterministic
            while len(chosen) < plan.registrations:
                chosen[rng.randrange(core if rng.random() < 0.3 else n_youths)] = None
            opens = int(plan.opens.timestamp())
            span = int(plan.until.timestamp()) - opens
            times = sorted(opens + int(span * rng.random() ** 1.5) for _ in chosen)  # early rush
            starts = int(plan.starts_at.timestamp())
            limit = min(now_ts, starts)  # reviews happen before the start, and not in future
            undecided = plan.status is ActivityStatus.PUBLISHED and now_ts < starts
            approved = 0
            seen = self.registrants.setdefault(plan.org.id, [])
            for youth, ts in zip(chosen, times, strict=True):
                seen.append((youth, plan.id, ts))
                reason, reviewed = "", plan.requires_review
                r = rng.random()
                if plan.status is ActivityStatus.CANCELLED or r < 0.05:
                    status, reviewed = RegistrationStatus.CANCELLED, False
                elif plan.requires_review and r < 0.1:
                    status, reason = RegistrationStatus.REJECTED, rng.choice(words.REJECT_REASONS)
                elif (
                    plan.requires_review
                    and undecided
                    and (now_ts - ts < 2 * DAY or rng.random() < 0.25)
                ):
                    status, reviewed = RegistrationStatus.PENDING, False
                elif approved < plan.capacity:
                    status, approved = RegistrationStatus.APPROVED, approved + 1
                else:
                    status = RegistrationStatus.WAITLISTED
                reviewed_at = None
                if reviewed:  # ts < limit: registration closes before the start and now
                    reviewed_at = _utc(ts + min(rng.randint(600, 3 * DAY), limit - ts))
                r = self.extra.random()
                source = RegistrationSource.ONLINE
                if r > 0.8:
                    source = RegistrationSource.WALK_IN if r < 0.95 else RegistrationSource.IMPORT
                registration_id = self._id(ts)
                if status is RegistrationStatus.APPROVED:
                    self.admitted.setdefault(plan.id, []).append(registration_id)
                decided = int(reviewed_at.timestamp()) if reviewed_at else None
                if status is RegistrationStatus.CANCELLED:
                    decided = min(ts + self.extra.randint(600, 2 * DAY), max(ts, now_ts - 1))
                who = DEMO_HOME_USERNAME if plan.requires_review else "system"
                self.histories.append((registration_id, status, source, ts, decided, reason, who))
                yield {
                    "id": registration_id,
                    "activity_id": plan.id,
                    "youth_id": self.youth_ids[youth],
                    "status": status,
                    "registered_at": _utc(ts),
                    "reviewed_at": reviewed_at,
                    "reject_reason": reason,
                    "version": 1,
                    "source": source,
                }

    def registration_events(self) -> Iterator[dict[str, Any]]:
        """Each registration's history: registered, then how it was decided (if it was)."""
        for registration_id, status, source, ts, decided, reason, who in self.histories:
            by = "youth" if source is RegistrationSource.ONLINE else DEMO_HOME_USERNAME
            yield self._event(registration_id, ts, by, RegistrationAction.REGISTERED, source)
            if decided is None:
                continue
            if status is RegistrationStatus.CANCELLED:
                yield self._event(registration_id, decided, "youth", RegistrationAction.CANCELLED)
            else:
                action = RegistrationAction(status.value)
                yield self._event(registration_id, decided, who, action, reason)

    def _event(
        self, registration_id: str, ts: int, actor: str, action: RegistrationAction, detail=""
    ) -> dict[str, Any]:
        return {
            "id": self._id(ts),
            "registration_id": registration_id,
            "at": _utc(ts),
            "actor": actor,
            "action": action,
            "detail": detail,
            "version": 1,
        }

    def followers(self) -> Iterator[dict[str, Any]]:
        """Followers of the home county and its grassroots: many found the org through one of
        its activities (registering or just reading it), the rest through the map."""
        rng, now_ts = self.rng, self.now_ts
        n_youths = len(self.youth_ids)
        orgs = [self.home, *self.grassroots]
        weights = [o.weight for o in self.grassroots]
        # The county committee is the most followed: every youth of the county may follow it.
        home = max(sum(weights) / 3, 2 * max(weights, default=1.0))
        counts = _apportion(self.size.followers, [home, *weights], cap=int(n_youths * 0.6))
        for org, count in zip(orgs, counts, strict=True):
            following: set[int] = set()
            registrants = self.registrants.get(org.id, [])
            for youth, activity_id, ts in rng.sample(registrants, len(registrants)):
                if len(following) >= count * 0.6:
                    break
                if youth in following or rng.random() < 0.4:
                    continue
                following.add(youth)
                followed = max(ts, min(ts + rng.randint(0, 2 * DAY), now_ts - 1))
                yield self._follow(org, youth, followed, activity_id)
            while len(following) < count:
                youth = rng.randrange(n_youths)
                if youth in following:
                    continue
                following.add(youth)
                if org.activities and rng.random() < 0.35:
                    activity_id, created = rng.choice(org.activities)
                    yield self._follow(org, youth, rng.randint(created, now_ts - 1), activity_id)
                else:
                    followed = now_ts - rng.randint(3600, 540 * DAY)
                    yield self._follow(org, youth, followed, None)

    def _follow(self, org: _Org, youth: int, ts: int, activity_id: str | None) -> dict[str, Any]:
        tags: list[str] = []
        if self.extra.random() < 0.25:
            tags = self.extra.sample(FOLLOWER_TAGS, self.extra.choice((1, 1, 2)))
        for tag in ("", *tags):
            key = (org.id, tag)
            self.followers_by_tag[key] = self.followers_by_tag.get(key, 0) + 1
        return {
            "id": self._id(ts),
            "org_id": org.id,
            "youth_id": self.youth_ids[youth],
            "followed_at": _utc(ts),
            "source_activity_id": activity_id,
            "version": 1,
            "tags": encode_tags(tags),
        }

    def planned_events_and_notices(self) -> int:
        """Rows the history and notices will add (known once registrations are drawn)."""
        events = sum(2 if h[4] is not None else 1 for h in self.histories)
        return events + NOTICES_PER_ORG * len(self._notice_orgs())

    def _notice_orgs(self) -> list[_Org]:
        """The county and its three most active grassroots organisations send notices."""
        return [self.home, *sorted(self.grassroots, key=lambda o: -o.weight)[:3]]

    def notices(self) -> Iterator[dict[str, Any]]:
        """A few notices already delivered by the server, each counted to its recipients."""
        rng = self.extra
        for org in self._notice_orgs():
            for title, body in rng.sample(NOTICES, NOTICES_PER_ORG):
                tag = rng.choice(("", "", *FOLLOWER_TAGS))
                sent = self.now_ts - rng.randint(DAY, 60 * DAY)
                yield {
                    "id": self._id(sent),
                    "org_id": org.id,
                    "title": title.format(org=org.name.removeprefix("共青团")),
                    "body": body,
                    "tag": tag,
                    "status": NoticeStatus.SENT,
                    "recipient_count": self.followers_by_tag.get((org.id, tag), 0),
                    "created_at": _utc(sent - rng.randint(60, 3600)),
                    "created_by": DEMO_HOME_USERNAME,
                    "sent_at": _utc(sent),
                    "version": 1,
                }


# --- command line ----------------------------------------------------------------------------
