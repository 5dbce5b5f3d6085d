from __future__ import annotations

import re

import pytest

from kefu.bot import replies
from kefu.bot.screening import asks_for_person, sensitive_situation, shared_secrets
from kefu.kit.i18n import Text
from kefu.triage.signals import SCAM, matches


@pytest.mark.parametrize(
    "text",
    [
        "转人工",
        "我要人工客服",
        "找真人",
        "agent",
        "Human please!",
        "can I talk to a real person",
        "put me through to someone",
        "let me speak to your manager",
    ],
)
def test_requests_for_a_person_are_heard(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "人工智能推荐的视频",
        "human verification failed",
        "my agent contract with an MCN agency",
        "忘记密码怎么办",
    ],
)
def test_other_mentions_are_not_requests_for_a_person(text: str) -> None:
    assert not asks_for_person(text)


def test_pasted_secrets_are_noticed() -> None:
    assert shared_secrets("验证码是 482913") == ["code"]
    assert shared_secrets("my card 6222 0212 3456 7890 123") == ["card"]
    assert shared_secrets("密码是abc12345") == ["password"]
    assert shared_secrets("order 12345 has not arrived") == []


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("paid the guy on discord for coins and he vanished, I'm out 150 bucks", "fraud"),
        ("clicked the link in the text and the money vanished from my bank account", "fraud"),
        ("交了解冻费说能提现，现在又让我交保证金", "fraud"),
        ("所谓客服让我在网贷平台借了钱，说是注销学生账户", "fraud"),
        ("银行卡被刷走了两笔", "fraud"),
        ("my ex is posting my full name and school under every video", "privacy"),
        ("the data export has someone else's messages in it", "privacy"),
        ("导出的资料里有别人的聊天记录", "privacy"),
        ("my personal info got leaked and strangers keep calling me", "privacy"),
        ("my private photos are being shared", "privacy"),
        ("I'm reporting you to the FTC", "threat"),
        ("I'll go to the news about this", "threat"),
        ("我要去工信部投诉你们", "threat"),
        ("骗子冒充客服骗走了我的验证码 然后卡里三千没了", "fraud"),
        ("对方一直打电话催我贷款 说不贷征信就完了", "fraud"),
        ("我已经转了一笔钱给他了 现在联系不上", "fraud"),
        ("I was tricked into buying gift cards for a 'support agent'", "fraud"),
        ("there's an account posting screenshots of my bank statements", "privacy"),
        ("我的病历被人发到主页上了", "privacy"),
        ("he says he will post my pics unless I pay him", "privacy"),
        ("网友说不继续发照片就要把我之前的照片发给我同学", "privacy"),
        ("卖家说不给好评就把我的地址发到网上", "privacy"),
        ("裸聊被录屏了 对方要我给钱 不然发给我家人", "privacy"),
        ("他有我的私密照 说要发给我爸妈 除非我再发几张", "privacy"),
        ("someone is blackmailing me with my nudes", "privacy"),
        ("a guy recorded our video call and wants money or he'll leak it to my family", "privacy"),
        ("有人把我的病例截图发到评论区了", "privacy"),
        ("刚刚转给他3000 现在把我拉黑了", "fraud"),
        ("假客服让我下载了个app，银行卡里的两万都没了", "fraud"),
        ("he got me to buy 5 gift cards pretending to be your staff", "fraud"),
        ("my card was drained after I clicked the link", "fraud"),
        # How-to questions with the same words.
        ("how do I report a video to you", None),
        ("how do I export my data before deleting my account", None),
        ("充值扣了两次钱怎么退", None),
        ("how do I get paid out for my lives", None),
        ("我的银行卡被扣了两次款，订单却没成功", None),
        ("退货又让我付运费吗", None),
        ("客服您好，这个商品支持分期贷款吗", None),
        ("怎么注销学生账号", None),
        ("the money left my account but the order still says unpaid", None),
        ("I paid the seller last week but never received the item", None),
        ("I'm out 3 days for a trip, pause my subscription", None),
        ("I took out a loan to buy this phone and it arrived broken", None),
        ("怎么屏蔽别人的私信", None),
        ("和别人的聊天记录怎么恢复", None),
        ("can't upload, it says invalid email address", None),
        ("how do I share my address with the courier", None),
        ("I uploaded my school ID for the student discount, when is it approved", None),
        ("how do I block someone else's messages", None),
        ("how do I go to the news section in the app", None),
        ("我要去工信部备案查询", None),
        ("订单号8812315094还没发货", None),
        ("the voltage regulator in the ring light is broken", None),
        ("my address was shared with the courier, is that normal", None),
        ("the seller called me again about the delivery", None),
        ("my address was exposed in my last video, how do I blur it", None),
        ("personal info is being shared with third parties? privacy policy question", None),
        ("余额怎么没了 充值记录在哪看", None),
        ("钱包里的金币没了", None),
        ("已经转了三个视频到合集", None),
        ("the ad tricked me into installing a game", None),
        ("how to hide my bank account details on the withdrawal page", None),
        ("I uploaded my passport for verification, when is it approved", None),
        ("if i dont pay the fee they'll send my order back?", None),
        ("unless I pay shipping they won't send it", None),
        ("不发货就把钱退给我", None),
        ("主播说不给礼物就把我踢出去", None),
        ("不拍视频的时候要把手机里的照片发到电脑上怎么弄", None),
        ("不给我发码就把我的订单发给别人？这是什么规则", None),
        ("how do i share my videos if i don't have wifi", None),
        ("so if i don't pay the shipping fee they'll send everything back to the warehouse?", None),
        ("my mom threatened to post my baby pictures on her account lol", None),
        ("我的视频已经被转了一万多次", None),
        ("退款已经转了一笔到我卡上，另一笔什么时候到", None),
        ("卡里的钱都花没了，想问能不能先用后付", None),
        ("游戏账户里的500钻石没了，是不是到期了", None),
        ("我妈天天催我还贷款", None),
        ("有首歌叫《心被你骗走了》，为什么搜不到", None),
        ("the sale countdown tricked me into buying 3 hoodies lol, can i return two", None),
        ("我把病历发到你们邮箱了，医疗科普号的资质审核多久", None),
        ("护照照片发了，实名认证还没通过", None),
        ("just uploaded my bank statement for the creator fund payout", None),
        ("打了好几个电话都联系不上客服", None),
        # a scam averted or only feared is a question for the fake-customer-service article
        ("怎么防止被骗", None),
        ("如何避免被骗？", None),
        ("怎样才能不被骗", None),
        ("平台上怎么识别骗子，防止上当", None),
        ("我怕被骗，官方客服电话是多少", None),
        ("我差点被骗了，对方说是客服", None),
        ("别上当，这个是假客服吗", None),
        ("不小心被骗了五百", "fraud"),
        ("我是不是被骗了", "fraud"),
        ("直播间里一定要小心被骗", None),
        ("I almost got scammed by someone pretending to be support, how do I report them", None),
        ("nearly got scammed today, is there an official support number", None),
        ("I think I got scammed", "fraud"),
        # money already gone to a "safe account", a fake claims officer or a coin seller; loans
        # on a scammer's word; a stranger watching the screen while the user banks
        ("对方说我账户涉嫌违规 让我把钱转到安全账户 我刚转完", "fraud"),
        ("我已经转到安全账户了", "fraud"),
        ("对方让我把钱转到安全账户 这是骗子吧", None),
        ("我妈刚给一个自称理赔专员的人转了账", "fraud"),
        ("有人自称客服让我转账 我没理他 这是骗子吧", None),
        ("在直播间找人代充金币 钱付了 对方把我拉黑了", "fraud"),
        ("钱付了 卖家一直不发货", None),
        ("被人骗着在好几个平台贷了款", "fraud"),
        ("他现在能看到我手机屏幕 正在教我操作网银", "fraud"),
        ("直播怎么开屏幕共享", None),
        ("还好没被骗，想问下官方客服电话", None),
        ("怎么防止我妈被骗 她老在直播间买保健品", None),
        ("怎样才不会被骗啊 买东西总怕买到假货", None),
        ("防不胜防 被骗了两万", "fraud"),
        ("差点被骗 结果还是转了8000", "fraud"),
        ("nearly got scammed and then paid the fake agent a 500 fee anyway", "fraud"),
        ("我已经把钱转到安全账户了", "fraud"),
        ("安全账户里转了两次 一共四万", "fraud"),
        ("他让我转到安全账户 我没转", None),
        ("冒充公安的说我涉嫌洗钱 我把存款都汇过去了", "fraud"),
        ("放假前买的东西 转了钱给卖家", None),
        ("钱转给卖家之后就被删好友了", "fraud"),
        ("会员钱付了 会员标志消失了", None),
        ("被骗子忽悠着在网上借了三万", "fraud"),
        ("怕被骗不敢网贷 平台有正规借款吗", None),
        ("他开了远程 我看着他把我支付宝的钱转走了", "fraud"),
        ("连麦的时候对方能看到我的屏幕吗 我怕他看到我付款码", None),
        ("i paid a support agent 300 dollars and now he wont reply", "fraud"),
        ("点了快递理赔的链接 卡里被扣了三千", "fraud"),
        ("点了链接 页面没了", None),
        ("钱打了货没了", "fraud"),
        ("花了钱找人解封 结果人跑了", "fraud"),
        ("clicked a parcel compensation link and 2000 got taken from my card", "fraud"),
        ("just sent 5000 to a safe account they said was yours", "fraud"),
        ("seller got me to pay outside the app and now hes gone with my money", "fraud"),
        ("the seller's assistant has me scanning a QR code right now", "fraud"),
        ("有人未经同意发了我的私密照", "privacy"),
        ("我的个人信息被人扒出来了", "privacy"),
        ("我的视频被人扒到别的平台了", None),
        ("是不是你们泄露了我的信息", "privacy"),
        ("my ex is spreading my private pics on the app", "privacy"),
        ("a user put a photo of my id card in their video", "privacy"),
        ("有人开盒我 家里地址电话全被放出来了", "privacy"),
        ("前男友在群里传我的私密视频", "privacy"),
        ("someone leaked my id on a group chat", "privacy"),
        ("实名认证的时候要上传身份证 有人私信让我发我的身份证 是官方吗", None),
        ("can i put a photo of my id card for verification", None),
        ("spreading the word about my school's charity stream", None),
        ("点进那个链接填了银行卡 第二天就被刷了两千", "fraud"),
        ("定金交了 人联系不上了", "fraud"),
        ("he is making me scan codes and transfer money right now", "fraud"),
        ("the app has me scan my face to log in", None),
        ("扫码充值 扣了钱没到账", None),
        ("看直播看着看着然后人不见了 画面黑了", None),
        ("clicked the top up link and got charged but no coins", None),
        ("warning: scammers ask you to move money into a safe account", None),
    ],
)
def test_sensitive_situations_go_to_a_person(text: str, situation: str | None) -> None:
    assert sensitive_situation(text, []) == situation


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("对方又打电话来了说不取消会员就每月扣费 要我银行卡号", "fraud"),
        ("he keeps calling and wants my card number", "fraud"),
        ("he won't stop calling and wants my card number", "fraud"),
        ("对方一直打电话，问我要验证码", "fraud"),
        ("上周有人要我银行卡号，这是诈骗吗", None),  # over: the article answers it
    ],
)
def test_a_scam_still_going_on_goes_to_a_person(text: str, situation: str | None) -> None:
    assert sensitive_situation(text, matches(SCAM, text)) == situation


def _texts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name, value in vars(replies).items():
        is_text = isinstance(value, dict) and set(value) == {"en", "zh"}
        values = value.values() if isinstance(value, dict) and not is_text else [value]
        for item in values:
            if isinstance(item, dict) and set(item) == {"en", "zh"}:
                text: Text = item  # type: ignore[assignment]
                found += [(name, text["en"]), (name, text["zh"])]
    return found


ASKING = re.compile(
    r"(send|give|tell|enter|provide|share|type|confirm).{0,30}(password|code|card)"
    r"|(发|告诉|提供|输入|填写|确认).{0,12}(密码|验证码|银行卡)",
    re.IGNORECASE,
)
WARNING = ("never", "don't", "do not", "绝不", "不要", "请勿", "不会", "不需要")


def test_the_bot_never_asks_for_secrets() -> None:
    """Whenever a reply asks for something near a password, a code or a card, it is to warn
    (or to type it into the app itself), never to ask for it in the chat."""
    texts = _texts()
    assert len(texts) > 120
    asking = [(name, sentence) for name, sentence in texts if ASKING.search(sentence)]
    assert asking  # the check looks at real sentences
    for name, sentence in asking:
        assert any(word in sentence.lower() for word in WARNING), (name, sentence)
