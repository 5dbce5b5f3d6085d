"""Patterns worth a person's attention whatever the classifiers say: safety risks and the
tell-tale requests of scams. Each signal has a stable name shown to agents with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Signal:
    name: str
    pattern: re.Pattern[str]


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# A child (under 18 where an age is given) near something done to them.
_CHILD_ZH = (
    r"(未成年|小学生|初中生|儿童|小孩|孩子|幼女|幼童|小姑娘|小女孩|小男孩|十来岁|十几岁"
    r"|(?<!\d)([1-9]|1[0-7])岁|(我|孩子|女儿|儿子|她|他)(才|今年|在读|读)?(初[一二三]|小学))"
)
# Someone threatening to spread a person's pictures unless they send more or pay (sextortion):
# a safety signal with a child, a privacy hand-off for the bot without one.
SEXTORTION_ZH = (
    r"(不|不再|不继续)(给他|给她|给对方)?(发|拍|给)[^，。！？]{0,6}(照片|视频|裸照|私密照)?"
    r"[^。！？]{0,10}(就|要)(把|将)[^。！？]{0,10}(发出去|曝光|公开|传出去|发到|发给)"
    r"|(威胁|要挟)[^。！？]{0,10}(发出去|曝光|公开|传出去)"
)
SEXTORTION_EN = (
    r"\bthreaten(s|ed|ing)? to (post|share|leak|send|spread|expose)\b.{0,30}"
    r"\b(my|our|her|his|the) (nudes|pics|photos|pictures|videos|private)"
    r"|\b(post|share|leak|send|spread|expose)\b.{0,30}\b(my|our|her|his) (nudes|pics|photos"
    r"|pictures|videos|private \w+)\b.{0,20}\b(unless|if (i|we|she|he) (don'?t|doesn'?t|won'?t))\b"
    r"|\b(unless (i|she|he) (send|sends|pay|pays)|if (i|she|he) (don'?t|doesn'?t|won'?t) (send"
    r"|pay))\b.{0,40}\b(he|she|they)('ll| will|'s going to|'re going to|'s gonna|'re gonna) "
    r"(post|share|leak|send|spread|expose)\b.{0,25}\b(pics|photos|pictures|videos|nudes"
    r"|everything|old ones)\b"
)
_HARM_ZH = (
    r"(色情|裸(?![色妆眼])|脱衣|脱光|猥亵|性侵|引诱|约见|约.{0,2}见面|虐待|打骂|私下见面"
    rf"|要.{{0,2}}私密照|{SEXTORTION_ZH})"
)
_CHILD_EN = (
    r"\b(child|kid|minor|underage|little (girl|boy)|([1-9]|1[0-7])[- ]?(yo|year[- ]old)"
    r"|looks? (about |around |like )?([5-9]|1[0-5])"
    r"|(i'?m|i am) (only |just )?([5-9]|1[0-7])(?= (and|but|so)\b|[,.!]))\b"
)
# Pictures of a child: "indecent" alone is too common a complaint ("不雅视频，小孩子都能刷到").
_CHILD_PICTURES = (
    r"\b(inappropriate|indecent|sexual|explicit|nude|naked) (pics|pictures|photos|images|videos"
    r"|clips) of "
    r"(a |an |the |this |that |my |her |his |their |our )?(child(ren)?|kids?|minors?|daughter|son"
    r"|underage|little (girls?|boys?)|(\d|1[0-7])[- ]?(yo|year[- ]old))\b"
    # (not a child who saw one: "我女儿刷到不雅视频了" asks for teen mode)
    rf"|({_CHILD_ZH}|女儿|儿子|学生|女孩|男孩)((?!刷到|看到|看了|刷了|看见)[^，。！？]){{0,10}}"
    r"不雅(照|图|视频)"
)
_HARM_EN = (
    r"(\b(nude|naked|sexual\w*|(?<!pet )(?<!dog )groom(ed|ing)?\b(?! (kit|set|tools?|brush))"
    r"|abus(e|ed|ing)|explicit|meet (up|in person)|undress"
    rf"|take (her|his|their) (shirt|top|clothes) off)\b|{SEXTORTION_EN})"
)
# Someone sending indecent things to a child, or a sibling the writer worries about ("陌生人一直
# 给我弟弟发不雅视频"), or a child made to do dangerous things for gifts.
_TARGETED_CHILD = (
    r"(给|向)(我)?(家)?(弟弟|妹妹|孩子|女儿|儿子|小孩|小朋友|未成年人?)[^，。！？]{0,8}发[^，。！？]{0,6}"
    r"(不雅|色情|裸|黄色)"
    r"|\b(send(s|ing)?|sent|dm(s|ing|ed)?|messag(es|ing|ed)|show(s|ing|ed)?) (to )?"
    r"(my |our |her |his )?(little |younger |baby )?(brother|sister|kid|son|daughter|child)\b"
    r".{0,20}\b(inappropriate|explicit|sexual|nude|naked|dirty|porn\w*|adult) "
    r"(videos?|pics|pictures|photos|images|messages|content|stuff)\b"
    r"|(让|逼|叫|教)(小孩|孩子|儿童|未成年人?|小朋友|小学生)[^，。！？]{0,8}(危险动作|喝酒|抽烟|跳楼|玩火)"
    r"|\b(making|make|made|forcing|forces?|daring) ((a|the|these|this|that) )?(little |young )?"
    r"(kids?|child(ren)?"
    r"|minors?|toddlers?)\b.{0,20}\b(dangerous|drink alcohol|smoke|risky stunts?)\b"
)

# (an English message laughing at itself within a few words: "whats the point of my life lol")
_NOT_LAUGHING_EN = r"(?!.{0,30}\b(lol|lmao|haha)\b)"

# Jokes ("想死在第三关了哈哈", "kill me now, the upload failed", "gonna shoot a new stream") are
# left out on purpose: a false "urgent" costs a real emergency its place in line.
SAFETY = (
    Signal(
        "self_harm",
        _any(
            r"自杀|轻生|不(想|打算|愿意)活(?![动跃])|活不下去|活着没意思|割腕|跳楼|安眠药|结束(我的)?生命",
            r"写.{0,2}遗书|留下?.{0,2}遗书|(楼顶|天台|桥上|窗台).{0,12}(要|想|准备)跳下去",
            r"想(去)?死(?!在)(?![^，。！？]{0,10}(哈哈|笑死|开玩笑))",
            r"\b(kill(ing)? my ?self|hurt(ing)? my ?self|suicidal|commit suicide|self[- ]?harm)\b",
            r"\bend (it all|my life)\b|\bdon'?t want to (live|be alive)\b|\bcan'?t go on\b",
            r"\bwant to die\b(?! of)|\bsuicide (note|letter)\b",
            r"\b(what'?s the|what is the|there'?s no|i don'?t see the) point (of|in) "
            r"(living|being alive|my life|life anymore)\b"
            r"(?! in (a|the|this) (big |small )?(city|town|country|house))" + _NOT_LAUGHING_EN,
            r"\b(want to|wanna) (just )?disappear (forever|for good)\b"
            r"(?! from (the |this )?(for you|fyp|search|app|feed|internet|comments|tiktok"
            r"|social media|here)\b)" + _NOT_LAUGHING_EN,
            r"(活着(还|到底|又)?有什么(意思|意义)|活着(真的?|都)?没(有|什么)?(意思|意义))"
            r"(?![^，,。！？]{0,12}(哈哈|笑死|游戏))|想永远消失(?!在网上)",
            r"\bwon'?t be (around|alive) (much longer|for (much )?longer)\b",
            r"\b(i'?m|i am|she'?s|he'?s|she is|he is) (going to|gonna|about to) jump (off|from) "
            r"(a|the|this) (roof|bridge|building|balcony)\b",
            # A farewell, then silence: "朋友发了个告别视频 打电话不接".
            r"(告别|诀别)(视频|信|的话|短信|消息)[^。！？]{0,20}(联系不上|电话不接|打电话.{0,2}不接|打不通|找不到人|关机)",
            r"\b(goodbye|farewell) (video|note|message|letter|post)\b.{0,60}\b(not answering|"
            r"isn'?t answering|won'?t answer|can'?t reach|not picking up|isn'?t picking up|"
            r"phone (is )?off)\b",
        ),
    ),
    Signal(
        "minor_at_risk",
        _any(
            rf"{_CHILD_ZH}.{{0,20}}{_HARM_ZH}",
            rf"{_HARM_ZH}.{{0,12}}{_CHILD_ZH}",
            rf"{_CHILD_EN}.{{0,60}}{_HARM_EN}",
            rf"{_HARM_EN}.{{0,40}}{_CHILD_EN}",
            _CHILD_PICTURES,
            _TARGETED_CHILD,
        ),
    ),
    # A person must be the target.
    Signal(
        "violence_threat",
        _any(
            r"(要|去|准备).{0,6}(杀了|砍死|弄死)(你|他|她|他们|你们|那个|主播|客服)",
            r"\b(going to|gonna|will) (kill|shoot|stab)\b (you|him|her|them|that (guy|woman|man)"
            r"|the (streamer|agent|seller))\b",
        ),
    ),
)

# Someone else wanting something of the user ("对方又打电话来了…要我银行卡号"), not an app's
# form ("绑卡页面要我的银行卡号，这正常吗" asks how the app works) nor "客服说不会要我的验证码".
# A named asker is enough, even in a question ("他们一直打电话要我卡号，怎么办？").
_ASKER_ZH = (
    r"(他|她|对方|骗子|有人|那人|那个人|客服|他们|对面|买家|卖家|主播|网友|工作人员|自称[^，。]{0,10}的人)"
    r"[^。！？?]{0,24}(?<!不会)(?<!不用)(?<!需)(?<!不)"
)

# Each pattern needs someone *asking* the user: "please send me a new verification code" (the
# platform sending a code) or "my card number was entered wrong" must not read as a scam.
SCAM = (
    Signal(
        "asks_verification_code",
        _any(
            r"(把|将)?(验证码|短信码|动态码|校验码)(发给|告诉|报给|念给|截图给)(他|她|我|对方|客服|他们)",
            r"(问|找|向)我要(验证码|短信码|动态码)|短信里的(数字|验证码|号码).{0,6}(念|报|告诉|发)",
            r"(让|叫|要)我(把)?(报|念|读|说出)(一下|出)?(收到的)?(验证码|短信码|动态码)",
            rf"{_ASKER_ZH}要我(的)?(短信)?(验证码|短信码|动态码)",
            r"\b(asked|asking|ask|wants?|wanted|told me)\b.{0,20}"
            r"\b(otp|verification code|security code|sms code|login code|the code)\b",
            r"\b(give|send|tell|read)\b (him|her|them|me|us) (the |my |your )?"
            r"(otp|verification code|security code|sms code|code)\b",
        ),
    ),
    Signal(
        "asks_card_or_password",
        _any(
            r"(把|将)(你的)?(银行卡号|卡号|密码|支付密码|CVV|安全码).{0,6}(发|告诉|报|填)(给)?(我|他|她|对方|客服)",
            r"(问|找|向)我要(银行卡号|卡号|密码|支付密码|CVV|安全码)",
            rf"{_ASKER_ZH}要我(的)?(银行卡号|卡号|支付密码|CVV|安全码)",
            r"(提供|告诉我)(一下)?(你的)?(银行卡号|卡号|支付密码|CVV|安全码)",
            r"\b(send|give|tell|provide)\b (me|him|her|them|us) (your |the |my )?(full )?"
            r"(card number|card details|cvv|pin|password)\b",
            r"\b(asked|asking|wants?|wanted)\b.{0,20}"
            r"\b(card number|card details|cvv|pin|password)\b",
        ),
    ),
    Signal(
        "screen_sharing",
        _any(
            r"(让|要|叫|要求)我?.{0,6}(共享屏幕|屏幕共享|开.{0,2}共享)|开着.{0,2}屏幕共享",
            r"下载.{0,6}(会议|远程|ToDesk|向日葵)|ToDesk|向日葵远程",
            r"\b(anydesk|todesk|teamviewer|rustdesk)\b|\bremote (access|desktop|control)\b|"
            r"\bmeeting app\b",
            r"\b(asked|told|wants?|wanted|asking)\b (me )?to (share (my|the|your) screen|"
            r"screen ?share|install|download)\b",
            r"\b(frozen|suspended|banned|closed|locked)\b.{0,40}"
            r"\bunless (i|you) (install|download)\b",
        ),
    ),
    Signal(
        "safe_account_transfer",
        _any(
            r"安全账户|安全账号|资金(核查|清查)|转(到|入|给).{0,8}(指定|安全|对方|他的)?账户",
            r"\bsafe account\b|\bsecure account\b|\btransfer\b.{0,30}\b(account|wallet)\b.{0,20}"
            r"\b(verify|protect|secure|unfreeze)",
        ),
    ),
    Signal(
        "off_platform_refund",
        _any(
            r"(加|添加).{0,6}(私人|私聊|好友|QQ).{0,10}(退款|理赔|赔付)|(退款|理赔).{0,10}(加|添加).{0,6}(私人号|好友)",
            r"(?<!需)(让|要|叫)我?.{0,6}扫.{0,6}(二维码|码).{0,10}(退款|理赔|赔付|才能退)"
            r"|(退款|理赔|退钱).{0,16}(让|叫)我.{0,4}扫",
            r"\b(asked|asking|told|wants?|wanted|making|has|have) me (to )?scan(ning)? "
            r"(a|the|this|their|his|her) qr code\b.{0,40}\b(refund|compensation|money back)"
            r"|\b(refund|compensation|money back)\b.{0,50}\b(asked|asking|told|wants?|wanted|making"
            r"|has|have) me (to )?scan",
            r"\b(refund|compensation)\b.{0,40}\b(add me|contact me on|outside the app|"
            r"other app|whatsapp|telegram)\b",
        ),
    ),
    Signal(
        "prize_fee",
        _any(
            r"(中奖|奖品|领奖|奖金).{0,12}(手续费|保证金|税费|邮费|运费|先交|先付)",
            r"\b(prize|won|winner|winnings|reward)\b.{0,40}"
            r"\b(fee|deposit|tax|pay first|processing|pay (the )?(shipping|postage|delivery))\b",
        ),
    ),
)


def matches(signals: tuple[Signal, ...], text: str) -> list[str]:
    return [signal.name for signal in signals if signal.pattern.search(text)]
