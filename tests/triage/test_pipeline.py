"""Triage of whole messages with the models shipped in the package."""

from __future__ import annotations

import pytest

from kefu.triage.language import detect_language
from kefu.triage.pipeline import TriagePipeline
from kefu.triage.priority import decide_priority
from kefu.triage.signals import SAFETY, SCAM, matches
from kefu.triage.taxonomy import CATEGORIES, CATEGORY_KEYS


@pytest.fixture(scope="module")
def pipeline() -> TriagePipeline:
    return TriagePipeline.shipped()


def test_reads_a_scam_victims_message(pipeline: TriagePipeline) -> None:
    result = pipeline.analyse(
        "有人自称平台客服，说我开通了会员要扣费，让我下载会议软件共享屏幕，还要我把验证码发给他"
    )
    assert result.category == "fraud_report"
    assert result.scam_flagged
    assert {"screen_sharing", "asks_verification_code"} <= set(result.scam_signals)
    assert result.language == "zh"
    assert result.priority in ("high", "urgent")
    assert result.category_confidence >= result.runner_up_confidence
    assert "category-seed-" in result.model_version


def test_ordinary_requests_are_not_scams(pipeline: TriagePipeline) -> None:
    for text in (
        "my acct got hacked and all my videos are gone",
        "怎么换绑接收验证码的手机号？",
        "When will the refund for order 20231104 reach my card?",
    ):
        result = pipeline.analyse(text)
        assert not result.scam_flagged, (text, result.scam_risk)


def test_safety_signals_make_a_request_urgent(pipeline: TriagePipeline) -> None:
    for text, signal in (
        (
            "Someone is posting nude pics of a 13 year old in the comments of video 8812",
            "minor_at_risk",
        ),
        ("我真的不想活了，账号没了一切都没了", "self_harm"),
    ):
        result = pipeline.analyse(text)
        assert signal in result.safety_signals
        assert result.priority == "urgent"


def test_anger_and_vip_raise_priority(pipeline: TriagePipeline) -> None:
    calm = pipeline.analyse("How do I change the cover of a video I already posted?")
    furious = pipeline.analyse(
        "THIRD TIME writing!!! my video is STILL stuck in review, your support is useless"
    )
    assert furious.angry and furious.sentiment == "negative"
    assert not calm.angry
    levels = ["low", "normal", "high", "urgent"]
    assert levels.index(furious.priority) > levels.index(calm.priority)
    vip = pipeline.analyse("How do I change the cover of a video I already posted?", vip_level=5)
    assert levels.index(vip.priority) == levels.index(calm.priority) + 1
    assert "vip:5" in vip.priority_reasons


def test_priority_rules() -> None:
    assert decide_priority(
        "suggestion", angry=False, vip_level=0, safety_signals=[], scam_flagged=False
    ) == ("low", ["category:suggestion"])
    assert (
        decide_priority("other", angry=False, vip_level=0, safety_signals=[], scam_flagged=True)[0]
        == "high"
    )
    assert (
        decide_priority(
            "fraud_report", angry=True, vip_level=9, safety_signals=[], scam_flagged=True
        )[0]
        == "urgent"
    )
    assert (
        decide_priority(
            "suggestion", angry=False, vip_level=0, safety_signals=["self_harm"], scam_flagged=False
        )[0]
        == "urgent"
    )


def test_language_detection() -> None:
    assert detect_language("我的账号被封了")[0] == "zh"
    assert detect_language("我的acct被封了，怎么办")[0] == "zh"
    assert detect_language("pls help, cannot log in since yesterday")[0] == "en"
    assert detect_language("Bonjour, je ne peux pas me connecter depuis hier")[0] == "fr"
    assert detect_language("ログインできません")[0] == "ja"
    assert detect_language("로그인이 안돼요")[0] == "ko"
    assert detect_language("12345 !!!") == ("und", 0.0)
    for too_short in ("ok", "hi", "refund?", "hello?"):  # a guess would be noise
        assert detect_language(too_short)[0] == "und", too_short


def test_taxonomy_is_bilingual_and_matches_the_models(pipeline: TriagePipeline) -> None:
    assert len(CATEGORY_KEYS) == 15
    for category in CATEGORIES:
        assert category.name["en"] and category.name["zh"]
        assert category.description["en"] and category.description["zh"]
    assert sorted(pipeline.category.labels) == sorted(CATEGORY_KEYS)


SAFETY_CASES = [
    ("活着没意思，准备吃安眠药了", {"self_harm"}),
    ("killing myself tonight, nothing matters", {"self_harm"}),
    ("I can't go on anymore, I'm going to hurt myself", {"self_harm"}),
    ("I'm going to kill you when I find you", {"violence_threat"}),
    ("我要去弄死那个主播", {"violence_threat"}),
    ("直播间有人引诱小学生私下见面", {"minor_at_risk"}),
    ("不打算活了，号也不要了", {"self_harm"}),
    ("主播站在天台上说要跳下去", {"self_harm"}),
    ("每天都好累 有时候真想从楼上跳下去算了", {"self_harm"}),
    ("看了那个视频以后 我也想试试伤害自己", {"self_harm"}),
    ("我又想自残了", {"self_harm"}),
    ("好想从18楼跳下去", {"self_harm"}),
    ("想跳下去 站在阳台上好久了", {"self_harm"}),
    ("我真的控制不住 又拿刀划了自己", {"self_harm"}),
    ("忍不住自残 手臂上全是伤", {"self_harm"}),
    ("i want to jump off the roof tonight", {"self_harm"}),
    ("everything is pointless, been thinking about ending it", {"self_harm"}),
    ("陌生人问我儿子家住哪 在哪上学", {"minor_at_risk"}),
    ("有主播在直播里打孩子 就现在", {"minor_at_risk"}),
    ("planning to end it tonight", {"self_harm"}),
    ("陌生人私信我儿子 问他家住哪里", {"minor_at_risk"}),
    ("网友让我闺女发定位给他", {"minor_at_risk"}),
    ("a stranger keeps asking my 12yo daughter what school she goes to", {"minor_at_risk"}),
    ("livestream where a guy is hitting a little kid", {"minor_at_risk"}),
    # said calmly, or about someone else: these reached a person, but not as urgent
    ("最近总在想怎么结束这一切 不知道该跟谁说", {"self_harm"}),
    ("活着好累 没人会在意我", {"self_harm"}),
    ("药已经准备好了 就是想找个人说说话", {"self_harm"}),
    ("我一直在割自己 不知道找谁", {"self_harm"}),
    ("i keep cutting myself and i dont know who to talk to", {"self_harm"}),
    (
        "my friend just posted a goodbye video saying she's going to hurt herself tonight",
        {"self_harm"},
    ),
    ("nobody would care if i disappeared", {"self_harm"}),
    ("watching a live where someone says they're about to jump off a building", {"self_harm"}),
    ("有个成年人一直私信我12岁女儿要照片", {"minor_at_risk"}),
    ("an adult keeps messaging my 12 yr old daughter asking for photos", {"minor_at_risk"}),
    ("有人约我儿子线下见面 孩子才13岁", {"minor_at_risk"}),
    ("我弟弟被网上认识的人哄着要去见面", {"minor_at_risk"}),
    ("我初二 有个网友说要来学校找我", {"minor_at_risk"}),
    ("there's a kid in a live stream who looks like they're being hit", {"minor_at_risk"}),
    ("a streamer is hitting a small child on live right now", {"minor_at_risk"}),
    ("how do I delete everything, I won't be around much longer anyway", {"self_harm"}),
    ("the streamer says she is going to jump off the roof", {"self_harm"}),
    ("12岁的小姑娘开播，弹幕一直让她脱衣服", {"minor_at_risk"}),
    (
        "the host looks about 10 and people keep telling her to take her shirt off",
        {"minor_at_risk"},
    ),
    ("someone is sending inappropriate pics of a minor in dms", {"minor_at_risk"}),
    ("nobody cares about me whats the point of being alive", {"self_harm"}),
    ("what is the point of living", {"self_harm"}),
    ("I don't see the point of living anymore", {"self_harm"}),
    ("活着还有什么意义", {"self_harm"}),
    ("活着有什么意义，哈哈，反正没人在乎我", {"self_harm"}),
    ("I wanna disappear forever", {"self_harm"}),
    ("I want to disappear forever from this world", {"self_harm"}),
    ("有个账号在卖13岁女孩的不雅视频", {"minor_at_risk"}),
    ("我家孩子被人拍了不雅视频发到网上", {"minor_at_risk"}),
    ("someone's selling explicit videos of kids in the comments", {"minor_at_risk"}),
    ("nude photos of minors", {"minor_at_risk"}),
    ("someone posted indecent photos of my daughter", {"minor_at_risk"}),
    ("whats the point of anything, i just want to disappear forever", {"self_harm"}),
    ("每天都这样 活着有什么意思", {"self_harm"}),
    ("有人在私信里发未成年人的不雅照片", {"minor_at_risk"}),
    ("陌生人一直给我弟弟发不雅视频", {"minor_at_risk"}),
    ("a stranger keeps sending my little brother inappropriate videos", {"minor_at_risk"}),
    ("有个直播让小孩做危险动作换礼物 正在播", {"minor_at_risk"}),
    ("this live is making a little kid do dangerous stunts for gifts", {"minor_at_risk"}),
    ("我初二 有个人说我不再发照片就把之前的发出去", {"minor_at_risk"}),
    ("im 14 and he says he will post my pics unless I send more", {"minor_at_risk"}),
    ("朋友发了个告别视频 打电话不接 好害怕", {"self_harm"}),
    ("my friend posted a goodbye video and isn't answering her phone", {"self_harm"}),
    ("我现在初二 他说不发照片就把我们聊天记录给我妈看", {"minor_at_risk"}),
    ("我今年13 有个叔叔要我发私密照", {"minor_at_risk"}),
    ("14f here, a grown man keeps asking me to send naked pics", {"minor_at_risk"}),
    ("i'm fourteen and some guy sent me d*ck pics", {"minor_at_risk"}),
    ("有人私信我妹妹发黄图", {"minor_at_risk"}),
    ("someone keeps sending porn to my 12 yo", {"minor_at_risk"}),
    ("有个直播 家长逼着娃站在阳台栏杆上拍视频 正在播", {"minor_at_risk"}),
    (
        "there's a live where a dad makes his kid stand on a window ledge for gifts",
        {"minor_at_risk"},
    ),
    ("我同学发了最后一条视频说对不起大家 现在联系不上 好怕", {"self_harm"}),
    ("my bf sent me a goodbye text and now his phone goes straight to voicemail", {"self_harm"}),
    # Everyday speech that must not jump the queue.
    ("my kid saw an inappropriate video, how do I turn on teen mode", set()),
    ("我孩子10岁，刷到不雅视频怎么开青少年模式", set()),
    ("我女儿刷到不雅视频了，怎么开青少年模式", set()),
    ("这个视频不雅，小孩子都能刷到，举报了", set()),
    ("评论区有人发不雅图片，我儿子才12岁", set()),
    ("want to disappear forever from the internet, how do I delete all my videos", set()),
    ("我想永远消失在网上，怎么注销账号", set()),
    ("whats the point of my life lol my video got 3 views", set()),
    ("活着有什么意思啊这游戏都玩不了", set()),
    ("what's the point of living in a big city if the delivery still takes a week", set()),
    ("社死了 好想消失", set()),
    ("I want my old videos to disappear forever", set()),
    ("我18岁了，网友约我见面安全吗", set()),
    ("my 10 year old kid wants to meet her favourite streamer at the fan event", set()),
    ("the jump off the bridge stunt video got taken down", set()),
    ("I won't be here tomorrow, can the courier come on Friday?", set()),
    ("狼人杀直播间，我的遗言被系统跳过了", set()),
    ("主播发了个告别视频说要退网了，怎么取消关注", set()),
    ("游戏里从天台跳下去会掉血吗", set()),
    ("有人在直播间里自残 怎么举报", set()),
    ("视频里教人从楼上跳下去的特技 能举报吗", set()),
    ("跑酷博主准备从天台跳下去的视频被下架了 怎么申诉", set()),
    ("熬夜刷视频不想伤害自己的眼睛 有护眼模式吗", set()),
    ("准备割自己家种的韭菜拍视频 怎么加背景音乐", set()),
    ("主播要从舞台上跳下去和粉丝握手 这个能直播吗", set()),
    ("我已经不想自残了 谢谢你们之前的帮助", set()),
    ("水好凉啊 直接跳下去算了哈哈", set()),
    ("thinking about ending it with my boyfriend, how do I hide my videos from him", set()),
    ("儿子问我学校在哪报名直播课", set()),
    ("网友问我儿子哪个学校毕业的", set()),
    ("切菜的时候要小心别割手", set()),
    ("想划手机解锁 屏幕没反应", set()),
    ("im live rn and want to end it but cant find the button", set()),
    ("I want to end my membership, it keeps charging me", set()),
    ("活着好累啊 加班到十点 哈哈", set()),
    ("没人在乎我的感受 客服态度太差", set()),
    ("孩子的药已经准备好了 直播间怎么设置静音", set()),
    ("cut myself shaving, lol, anyway how do I add captions", set()),
    ("孩子12岁 要拍证件照做实名吗", set()),
    ("我们约小孩子的家长一起见面开家长会", set()),
    ("the baby is getting hit by a ball in the video and people laugh, is that allowed", set()),
    ("我不打算活动了，退出公会", set()),
    ("my goodbye video for my channel got muted", set()),
    ("we're going to jump off the bridge for the bungee stream tomorrow", set()),
    ("I'm 19 year old and a viewer keeps asking to meet up", set()),
    ("5岁小女孩穿的裸色连衣裙有货吗", set()),
    ("孩子的外套脱掉后发现破了个洞", set()),
    ("my kid loves the pet grooming kit", set()),
    ("we're gonna shoot a new stream tomorrow", set()),
    ("I'm going to kill it at my next live stream!", set()),
    ("这个游戏太难了，我想死在第三关了哈哈", set()),
    ("suicide squad clip got removed for copyright", set()),
    ("I want to die of embarrassment lol", set()),
    ("kill me now, the upload failed again", set()),
    ("my kid loves your app", set()),
    ("我弟弟想看不雅视频被拦了，青少年模式挺好", set()),
    ("my son showed me an inappropriate ad, how do I report it", set()),
    ("孩子模仿视频里的危险动作摔了，这种视频能下架吗", set()),
    ("大年初二直播被人约见面", set()),
    ("主播发了告别视频，私信也不回，是退网了吗", set()),
    ("my 12 year old says they'll share my videos on the fyp, is that true", set()),
    ("我小学同学约我见面，想一起拍个合拍视频，合拍功能在哪", set()),
    ("我初二的时候被同学打骂过，现在想拍个反霸凌视频，会被限流吗", set()),
    ("I'm 16 and want to make a post about abuse awareness for my school project", set()),
    ("给女儿买的裙子发成黄色的了，我要的是粉色，怎么换货", set()),
    ("教孩子不要玩火的科普视频被限流了", set()),
    (
        "the algorithm keeps showing my son inappropriate videos, how do i turn on restricted mode",
        set(),
    ),
    ("I make kids content about why smoke detectors matter", set()),
    ("我拍了个毕业告别视频，上传一直失败，客服电话也打不通", set()),
    ("朋友给我发了条告别短信说要出国了，现在手机关机应该在飞机上", set()),
    ("I posted a farewell video for my old channel, but support isn't answering my emails", set()),
]


@pytest.mark.parametrize(("text", "expected"), SAFETY_CASES)
def test_safety_signals_catch_danger_and_spare_jokes(text: str, expected: set[str]) -> None:
    assert set(matches(SAFETY, text)) == expected


SCAM_CASES = [
    ("asked me for my OTP", True),
    ("he told me to install AnyDesk so he can help", True),
    ("让我下载ToDesk远程帮我退款", True),
    ("you won a phone, just pay shipping first", True),
    ("让我把短信里的数字念给他", True),
    ("send me the code you just got", True),
    ("客服说要退款给我，让我加他私人号，先交200保证金", True),
    ("卖家客服说要扫他的二维码才能退款", True),
    ("the refund agent wants me scanning a qr code to get my money back", True),
    ("对方开着屏幕共享等我操作", True),
    ("they say my account is frozen unless I install their app", True),
    ("对方又打电话来了说不取消会员就每月扣费 要我银行卡号", True),
    ("有个说是你们客服的人在电话里让我报验证码", True),
    ("骗子要我的短信验证码", True),
    ("他们一直打电话要我卡号，怎么办？", True),  # a question, but someone is asking
    ("自称平台工作人员的人要我的银行卡号", True),
    # The same words in ordinary requests.
    ("付款需要我的银行卡号吗", False),
    ("怎么不要我卡号就能付款", False),
    ("平台要我的银行卡号才能提现吗", False),
    ("绑卡页面要我的银行卡号，这正常吗", False),
    ("客服说不会要我的验证码", False),
    ("只要我卡号不告诉别人就安全吧", False),
    ("每次付款都要我的支付密码，现在能不能免密", False),
    ("能不能重新发一下验证码给我", False),
    ("Please send me a new verification code", False),
    ("卡号填错了怎么改", False),
    ("how do I share my screen during a live stream?", False),
    ("直播间能不能开屏幕共享功能", False),
    ("怎么换绑接收验证码的手机号？", False),
    ("扫码登录电脑版怎么弄", False),
    ("can I scan a qr code to add a friend", False),
    ("扫码支付的订单怎么退款", False),
    ("退款的时候需要扫码吗", False),
    ("需要扫码才能退款吗", False),
    ("I paid by scanning the qr code, how do I get a refund", False),
    ("现在开着位置共享，直播定位不对", False),
    ("the replay won't play unless I download it first", False),
]


@pytest.mark.parametrize(("text", "scam"), SCAM_CASES)
def test_scam_signals_need_someone_asking(text: str, scam: bool) -> None:
    assert bool(matches(SCAM, text)) is scam
