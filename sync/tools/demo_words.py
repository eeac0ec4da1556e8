"""Vocabulary and name makers for `sync.tools.demo`: what synthetic people, organisations and League
activities are called.

Places of the home county (江宁区) are real landmarks; schools, companies, communities, roads and
people are put together from generic parts and only look plausible.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from sync.core.records import Gender


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


# --- people ----------------------------------------------------------------------------------

# Common surnames, roughly by frequency in Jiangsu (repeats weight the draw).
SURNAMES = (
    "王王王李李李张张张刘刘陈陈陈杨杨黄赵吴吴周周徐徐徐孙孙朱朱胡郭何高林罗郑梁谢宋唐"
    "许韩冯邓曹彭曾肖田董袁潘于蒋蒋蔡余杜叶程苏魏吕丁任沈沈姚卢姜崔钟谭陆陆汪范金石廖贾"
    "夏韦方白邹孟熊秦邱江尹薛段雷侯史陶黎贺顾顾毛郝龚邵万钱钱严武戴孔汤葛殷缪季"
)
MALE_GIVEN = "浩宇轩子涵博文俊杰明磊涛鹏飞伟强军诚睿哲晨阳一凡梓航铭泽天昊嘉思远立新家豪亦辰宏志"
FEMALE_GIVEN = "欣怡梓涵雨萱诗琪佳慧婷芳敏静丽雪梦瑶雅琳晓悦可馨思彤若曦紫嫣心语嘉宁玉洁梅文颖"
NEUTRAL_GIVEN = "子一安宁晨希云清语乐言然"

# (cumulative share, youngest, oldest): mostly students and young workers, a few under 14.
AGE_BANDS = ((0.01, 12, 13), (0.16, 14, 17), (0.51, 18, 22), (0.83, 23, 28), (1.0, 29, 35))

MOBILE_PREFIXES = _split(
    "130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 "
    "173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199"
)

# Landline area codes of the thirteen cities, by city code.
AREA_CODES = dict(
    pair.split(":")
    for pair in _split(
        "320100:025 320200:0510 320300:0516 320400:0519 320500:0512 320600:0513 320700:0518 "
        "320800:0517 320900:0515 321000:0514 321100:0511 321200:0523 321300:0527"
    )
)

# --- invented institutions -------------------------------------------------------------------

ROAD_WORDS = _split(
    "青年 文昌 兴业 学府 科创 和平 建设 振兴 翠竹 丽泽 春华 长泰 安康 明湖 新港 "
    "云锦 金桂 银杏 梧桐 清风 锦绣 康宁 启航 双湖 乐业"
)
ROAD_SUFFIXES = ("路", "路", "路", "大道", "街", "中路", "东路")
SCHOOL_WORDS = _split(
    "育英 启明 博雅 致远 明德 弘毅 崇文 立达 求真 思源 新城 翠屏 滨湖 知行 树人 百川"
)
SCHOOL_KINDS = ("初级中学", "高级中学", "实验学校", "实验初级中学", "中等专业学校", "职业教育中心")
COLLEGE_WORDS = _split("信息 工程 经贸 传媒 机电 旅游 建筑 科技 商贸 艺术")
COLLEGE_KINDS = ("职业技术学院", "职业学院", "学院")
BRAND_FIRST = "汇瑞博恒华睿融鼎卓嘉宏锦泰弘景智远"
BRAND_SECOND = "创丰远新达科源航盛诚信腾辰拓联峰"
INDUSTRIES = _split(
    "智能科技 新材料 生物医药 电子科技 汽车零部件 软件技术 供应链管理 环保科技 精密机械 "
    "数据服务 新能源科技 通信技术"
)
COMPANY_FORMS = ("有限公司", "有限公司", "股份有限公司")
COMMUNITY_WORDS = _split(
    "翠屏 金盛 竹山 上坊 文靖 新亭 杨村 泉水 龙湾 秀山 东湖 金谷 星河 锦程 丽岛 银龙 清水 "
    "梅林 桃园 凤凰"
)
TOWN_UNITS = ("社区卫生服务中心", "便民服务中心", "综合文化站", "新时代文明实践所")
OTHER_EMPLOYERS = (
    "江宁区人民政府{town}办事处",
    "{town}社区卫生服务中心",
    "{town}中心小学",
    "{town}便民服务中心",
    "个体经营",
    "自由职业",
)

# --- the home county (江宁区): real places --------------------------------------------------

SPOTS = {  # title placeholder: (real places, where an activity named after one gathers)
    "mountain": (("牛首山", "方山", "汤山", "将军山", "青龙山"), ("游客中心", "景区入口广场")),
    "river": (("秦淮河", "句容河", "云台山河", "牛首山河"), ("沿岸步道", "滨河公园", "亲水平台")),
    "lake": (("百家湖", "九龙湖", "前庄水库"), ("环湖步道", "湖滨公园", "入口广场")),
    "park": (
        ("江宁开发区", "江宁高新区", "江宁滨江开发区", "麒麟科技创新园"),
        ("人才服务中心", "青年人才驿站", "企业服务中心"),
    ),
}
COUNTY_VENUES = (
    "江宁区青少年活动中心",
    "江宁区图书馆报告厅",
    "江宁区青年创业服务中心",
    "江宁区文化馆",
    "江宁区体育中心",
    "江宁区融媒体中心演播厅",
)
TOWN_VENUES = ("青年之家", "党群服务中心", "新时代文明实践所", "综合文化站", "社区活动中心")
SITE_VENUES = {
    "school": ("报告厅", "多功能厅", "操场", "图书馆"),
    "company": ("会议室", "培训中心", "职工之家"),
}

# --- activities ------------------------------------------------------------------------------

CATEGORY_ORDER = (
    "ideology",
    "innovation",
    "public_service",
    "culture_sports",
    "practice",
    "skills",
    "social",
)
# How often each kind of organisation runs each category, in CATEGORY_ORDER.
KIND_CATEGORIES = {
    "county": (3, 2, 3, 2, 2, 2, 1),
    "street": (3, 1, 4, 2, 1, 1, 1),
    "community": (2, 0.2, 5, 2, 1, 1, 1),
    "school": (4, 1, 3, 3, 2, 1, 0.2),
    "company": (1, 3, 2, 2, 1, 3, 2),
    "unit": (2, 0.2, 4, 1, 1, 2, 1),
}
# Minutes, for single-day activities (practice may also run over several days).
DURATIONS = {
    "ideology": (90, 120, 150),
    "innovation": (120, 150, 180),
    "public_service": (120, 180, 240),
    "culture_sports": (120, 180, 240),
    "practice": (240, 480),
    "skills": (120, 180, 480),
    "social": (150, 180),
}

# Title templates per category. Placeholders: {county} 江宁区, {town} a street, {mountain},
# {river}, {lake}, {park}, {n} an issue number, {topic} a training topic. No seasonal ones:
# an activity may fall in any month.
TITLES: dict[str, tuple[str, ...]] = {
    "ideology": (
        "青年大学习主题团日",
        "“青春心向党”主题团日活动",
        "{town}新团员入团仪式",
        "重温入团誓词主题团课",
        "{county}青年讲师团宣讲进{town}",
        "“学党史 强信念”青年读书会（第{n}期）",
        "“红色经典”诵读会",
        "团支部书记讲团课（第{n}期）",
        "“青年大学习”知识竞赛",
        "{town}青年理论学习小组集中学习",
    ),
    "innovation": (
        "{county}青年创业沙龙（第{n}期）",
        "大学生创新创业项目路演",
        "{park}青年创客开放日",
        "青年电商直播技能分享会",
        "“创青春”创业大赛赛前辅导",
        "青年创业政策宣讲会（{town}）",
        "科技型企业青年人才对接会",
        "乡村振兴青年创业项目交流会",
    ),
    "public_service": (
        "{river}岸垃圾清理志愿行动",
        "“河小青”{river}巡河护河行动",
        "{town}敬老助餐志愿服务",
        "无偿献血志愿服务（{town}）",
        "垃圾分类宣传进社区（{town}）",
        "关爱留守儿童“四点半课堂”",
        "地铁站文明引导志愿服务",
        "{mountain}景区文明旅游志愿服务",
        "{lake}生态保护志愿行动",
        "反诈宣传进{town}志愿服务",
    ),
    "culture_sports": (
        "{county}青年环{lake}健步走",
        "“青春杯”青年篮球友谊赛",
        "青年读书分享会（第{n}期）",
        "{town}青年歌手大赛",
        "非遗手工体验：剪纸与香囊制作",
        "青年羽毛球联谊赛",
        "{mountain}青年登山活动",
        "青年书画作品展",
        "“青春影院”观影交流会",
    ),
    "practice": (
        "大学生志愿服务社会实践（{town}）",
        "{town}青年见习岗位体验",
        "走进{park}企业参访实践",
        "“展翅计划”实习岗位体验",
        "青少年职业体验营（第{n}期）",
        "基层治理青年调研实践",
        "{town}乡村振兴实践团",
    ),
    "skills": (
        "青年职场技能提升培训：{topic}",
        "急救知识与AED使用培训",
        "团干部业务能力培训班（第{n}期）",
        "新媒体运营实务培训",
        "青年志愿者骨干培训（{town}）",
        "求职简历与面试技巧工作坊",
        "青少年心理健康知识讲座",
    ),
    "social": (
        "“青春有约”青年交友联谊会",
        "{lake}青年户外联谊",
        "单身青年读书交友会",
        "{park}青年职工联谊活动",
        "青年手作体验交友会（第{n}期）",
        "“遇见江宁”青年徒步联谊",
    ),
}
TRAINING_TOPICS = (
    "办公软件进阶",
    "数据分析入门",
    "公文写作",
    "演讲与表达",
    "时间管理",
    "短视频制作",
)

# A description opens with a purpose per category, then names the audience by organiser.
PURPOSES: dict[str, tuple[str, ...]] = {
    "ideology": (
        "为深入开展青年思想政治引领，引导团员青年坚定理想信念",
        "为加强团员教育管理，增强团员意识",
        "为推动青年大学习走深走实",
    ),
    "innovation": (
        "为服务青年创新创业，搭建交流合作平台",
        "为帮助创业青年对接政策、资金和导师资源",
        "为激发青年创新活力",
    ),
    "public_service": (
        "为弘扬志愿精神，服务社区居民",
        "为保护母亲河、建设美丽江宁",
        "为传递青春正能量，助力文明城市建设",
    ),
    "culture_sports": (
        "为丰富青年业余文化生活",
        "为倡导健康生活方式，增进青年交流",
        "为展示新时代青年风采",
    ),
    "practice": (
        "为引导青年在社会实践中受教育、长才干、作贡献",
        "为帮助青年了解基层、熟悉岗位",
        "为促进青年就业见习",
    ),
    "skills": ("为提升青年职业技能和综合素质", "为加强团干部队伍建设", "为帮助青年掌握实用技能"),
    "social": (
        "为服务青年婚恋交友需求，拓展青年社交圈",
        "为促进青年交流交往",
        "为增进企业青年职工之间的了解",
    ),
}
AUDIENCES = {
    "county": ("全区14至35周岁青年", "全区团员青年", "辖区青年志愿者", "在宁高校学生和青年职工"),
    "street": ("辖区团员青年", "辖区青年志愿者", "返乡大学生"),
    "community": ("社区青年", "社区青年志愿者", "返乡大学生"),
    "school": ("全校团员", "在校学生", "学生志愿者"),
    "company": ("公司青年职工", "公司团员青年", "园区青年职工"),
    "unit": ("单位青年职工", "辖区团员青年"),
}
CLOSINGS = (
    "请报名青年准时到场签到，活动结束后统一签退并记录志愿时长。",
    "活动期间请注意安全，服从工作人员安排。",
    "名额有限，报满即止，欢迎广大青年踊跃报名。",
    "如遇恶劣天气，活动时间另行通知。",
    "参加活动请携带身份证件。",
)
REJECT_REASONS = (
    "年龄不符合活动要求",
    "报名信息不完整，请补充后重新报名",
    "本活动仅面向辖区青年",
    "同一时段已报名其他活动",
    "联系电话无法接通",
    "活动需具备相关专业背景",
)

# --- name makers -----------------------------------------------------------------------------


def person(rng: random.Random, gender: Gender | None = None) -> str:
    if gender not in (Gender.MALE, Gender.FEMALE):
        gender = Gender.MALE if rng.random() < 0.5 else Gender.FEMALE
    pool = MALE_GIVEN if gender is Gender.MALE else FEMALE_GIVEN
    given = rng.choice(pool)
    if rng.random() < 0.8:
        given += rng.choice(pool + NEUTRAL_GIVEN)
    return rng.choice(SURNAMES) + given


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random, city_code: str) -> str:
    return f"{AREA_CODES.get(city_code, '025')}-{rng.randint(50_000_000, 89_999_999)}"


def address(rng: random.Random, place: str) -> str:
    """A street address in `place` (e.g. 南京市江宁区东山街道)."""
    return f"{place}{rng.choice(ROAD_WORDS)}{rng.choice(ROAD_SUFFIXES)}{rng.randint(1, 388)}号"


def company(rng: random.Random) -> str:
    brand = rng.choice(BRAND_FIRST) + rng.choice(BRAND_SECOND)
    return (
        rng.choice(("南京", "南京", "江苏"))
        + brand
        + rng.choice(INDUSTRIES)
        + rng.choice(COMPANY_FORMS)
    )


def school(rng: random.Random, place: str, *, kinds: tuple[str, ...] = SCHOOL_KINDS) -> str:
    return place + rng.choice(SCHOOL_WORDS) + rng.choice(kinds)


def college(rng: random.Random) -> str:
    return "南京江宁" + rng.choice(COLLEGE_WORDS) + rng.choice(COLLEGE_KINDS)


def activity_title(
    rng: random.Random, category: str, *, county: str, town: str
) -> tuple[str, str | None]:
    """(title, the real place it is named after or None)."""
    template = rng.choice(TITLES[category])
    spots = {key: rng.choice(places) for key, (places, _) in SPOTS.items()}
    title = template.format(
        county=county, town=town, n=rng.randint(1, 12), topic=rng.choice(TRAINING_TOPICS), **spots
    )
    named = [spot for key, spot in spots.items() if "{" + key + "}" in template]
    return title, named[0] if named else None


def spot_venue(rng: random.Random, spot: str) -> str:
    """Where an activity named after a real place (秦淮河) gathers (秦淮河沿岸步道)."""
    key = next(key for key, (places, _) in SPOTS.items() if spot in places)
    return spot + rng.choice(SPOTS[key][1])


def activity_description(
    rng: random.Random,
    category: str,
    *,
    org: tuple[str, str],
    times: tuple[datetime, datetime],
    location: str,
    capacity: int,
    requires_review: bool,
) -> str:
    """A notice like a League organisation writes it; `org` is (name, kind), `times` local."""
    start, end = times
    when = f"{start.month}月{start.day}日"
    if end.date() != start.date():
        when += f"至{end.month}月{end.day}日"
    review = "报名后经组织审核确认" if requires_review else "报名即录取，先到先得"
    return (
        f"{rng.choice(PURPOSES[category])}，{org[0]}定于{when}在{location}举办本次活动。"
        f"活动面向{rng.choice(AUDIENCES[org[1]])}，计划招募{capacity}人，{review}。"
        + rng.choice(CLOSINGS)
    )


def school_or_employer(
    rng: random.Random,
    age: int,
    place: str,
    local_schools: Sequence[str],
    companies: Sequence[str],
    towns: Sequence[str],
) -> str:
    """Where a youth of `age` living in `place` (南京市江宁区) studies or works; the schools and
    companies are some the demo already named, the towns those of the home county."""
    if age <= 18:
        if local_schools and rng.random() < 0.5:
            return rng.choice(local_schools)
        return school(rng, place, kinds=SCHOOL_KINDS[:3])
    if age <= 22:
        return college(rng)
    if rng.random() < 0.75:
        return rng.choice(companies)
    return rng.choice(OTHER_EMPLOYERS).format(town=rng.choice(towns))


def short_town(town: str) -> str:
    """东山街道 → 东山."""
    for suffix in ("街道", "镇", "乡"):
        if town.endswith(suffix):
            return town[: -len(suffix)]
    return town


def grassroots(rng: random.Random, kind: str, town: str, county: str) -> tuple[str, str]:
    """(organisation name, the name of its site) for a grassroots organisation of `kind`
    in `town`; `county` is the county's full name (南京市江宁区)."""
    if kind == "street":
        return town + ("团工委" if town.endswith("街道") else "团委"), town
    if kind == "community":
        site = f"{town}{rng.choice(COMMUNITY_WORDS)}社区"
        return site + "团支部", site
    if kind == "unit":
        site = town + rng.choice(TOWN_UNITS)
        return site + "团支部", site
    if kind == "school":
        if rng.random() < 0.25:
            site = college(rng)
        elif rng.random() < 0.3:
            site = county + short_town(town) + rng.choice(SCHOOL_KINDS[:3])
        else:
            site = school(rng, county)
        return site + "团委", site
    site = company(rng)
    return site + ("团委" if rng.random() < 0.7 else "团支部"), site
