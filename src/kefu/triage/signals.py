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


# A child (under 18 where an age is given) near something done to them; a writer may say their
# own school year ("我是初二的") but not as a memory ("我初二的时候").
_CHILD_ZH = (
    r"(未成年|小学生|初中生|儿童|小孩|孩子|幼女|幼童|小姑娘|小女孩|小男孩|十来岁|十几岁"
    r"|(?<!\d)([1-9]|1[0-7])岁|(我|孩子|女儿|儿子|她|他)(是|才|今年|现在|在读|读|上)?"
    r"(初[一二三123]|初中|高一)(?!的时候|那年|时|同学|毕业)|初[一二三123]的?(学生|女生|男生)"
    r"|(我|她|他|孩子|女儿|儿子)(今年|才|刚)([5-9]|1[0-7])(?![\d点号块元月天年分])"
    r"|(?<!\d)([5-9]|1[0-7])岁的?(儿子|女儿|孩子|娃))"
)
# Someone threatening to spread a person's pictures unless they send more or pay (sextortion):
# a safety signal with a child, a privacy hand-off for the bot without one. A third party must
# make the threat ("不拍视频的时候要把照片发到电脑上" asks how to copy files).
_THIRD_PARTY_ZH = r"(对方|他|她|有个?人|网友|那个?人|骗子|陌生人|他们|卖家|买家|商家|主播)"
_SPREAD_ZH = (
    r"(发出去|曝光|公开|传出去|传到网上|发到网上|发到.{0,4}群|发给(我|你)|给(我|你)的?(爸|妈|家人|父母"
    r"|同学|老师).{0,2}看)"
)
SEXTORTION_ZH = (
    r"(威胁|要挟|勒索|敲诈)[^。！？]{0,15}(照片|视频|裸照|私密照|录屏|聊天记录|曝光|公开|发出去|传出去)"
    r"|(照片|视频|裸照|私密照|录屏|聊天记录)[^。！？]{0,6}(威胁|要挟|勒索|敲诈)"
    rf"|{_THIRD_PARTY_ZH}[^。！？]{{0,12}}(不|不然|否则|要不)[^。！？]{{0,12}}(就|会|要)?(把|将)?"
    rf"[^。！？]{{0,12}}{_SPREAD_ZH}"
    rf"|(如果|要是)我?不[^。！？]{{0,10}}{_THIRD_PARTY_ZH}[^。！？]{{0,4}}(就|会)[^。！？]{{0,4}}"
    rf"(把|将)[^。！？]{{0,10}}{_SPREAD_ZH}"
    rf"|不(再|继续)?发(照片|视频)?(的话)?就(把|将)[^。！？]{{0,10}}{_SPREAD_ZH}"
    rf"|{_SPREAD_ZH}[^。！？]{{0,20}}除非我"
)
# (an English message laughing at itself within a few words: "whats the point of my life lol")
_NOT_LAUGHING_EN = r"(?!.{0,30}\b(lol|lmao|haha)\b)"
_PICTURES_EN = (
    r"(nudes?|n\*des|nude (pics|photos)|pics?|photos?|pictures|videos?|vids?|private \w+)"
)
_SOMEONE_EN = r"\b(he|she|they|someone|somebody|this (guy|girl|person|man)|a (guy|girl|man))\b"
SEXTORTION_EN = (
    r"\b(blackmail\w*|sextort\w*|extort\w*)\b"
    # (not a family joke: "my mom threatened to post my baby pictures lol")
    r"|\bthreaten(s|ed|ing)? to (post|share|leak|send|spread|expose)\b"
    r"(?!.{0,90}\b(lol|lmao|haha)\b)"
    rf"|{_SOMEONE_EN}.{{0,20}}\b(post|share|leak|send|spread|expose)\b.{{0,30}}"
    rf"\b(my|our|her|his) {_PICTURES_EN}\b.{{0,20}}"
    r"\b(unless|if (i|we|she|he) (don'?t|doesn'?t|won'?t|dont|doesnt|wont))\b"
    r"|\b(has|got|have) (my|her|his) (nudes|n\*des|pics|photos)\b.{0,40}\b(pay|or else|unless)\b"
    r"|\b(expose|leak|post|share) (me|them|it|those|everything)\b.{0,20}\bunless i\b"
    r"|\bif (u|you) (don'?t|dont|won'?t|wont) send (more )?(pics|photos|nudes)\b"
    r"|\b(he|she|they)('d| would| will|'ll) (send|post|share|leak) my (pics|photos|nudes|videos)"
    r" to my (parents|family|mom|dad|school|friends|class)\b"
    r"|\b(unless i (send|pay)|if i (don'?t|won'?t|dont|wont) (send|pay))\b.{0,40}"
    r"\b(he|she|they)('ll| will|'s going to|'re going to|'s gonna|'re gonna) "
    r"(post|share|leak|send|spread|expose)\b.{0,25}\b(pics|photos|pictures|videos|nudes|old ones)\b"
    r"|\bor (he|she|they)('ll| will) (post|leak|share|expose)\b"
)
_HARM_ZH = (
    r"(色情|裸(?![色妆眼])|脱衣|脱光|光着?身子|猥亵|性侵|引诱|约见|约.{0,2}见面|虐待|打骂|私下见面"
    rf"|要.{{0,2}}私密照|{SEXTORTION_ZH})"
)
_CHILD_EN = (
    r"\b(child|kid|minor|underage|little (girl|boy)|([1-9]|1[0-7])[- ]?(yo|(year|yr)s?[- ]old)"
    r"|looks? (about |around |like )?([5-9]|1[0-5]))\b"
)
# A writer who says they are a child ("im 14", "14f", "in 8th grade"), with someone wanting
# pictures or a meeting of them: their age alone is not a risk ("I'm 16 and want to make a
# post about abuse awareness").
_SELF_CHILD_EN = (
    r"\b((i'?m|i am) (only |just )?([5-9]|1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen)( ?(yo|y/o|f|m|years? old))?(?=[\s,.!]|$)"
    r"(?! (minutes?|mins?|hours?|days?|weeks?|months?|percent|dollars|bucks|followers|times)\b)"
    r"|([5-9]|1[0-7]) ?[fm]\b|in ([5-9]th|[5-9]|1[0-2]th) grade|in (middle|junior high) school)"
)
_WANTS_PICTURES_EN = (
    r"(asking (me )?(for|to send) (\w+ )?(pics|photos|pictures|nudes)|wants? me to send"
    r"|sent me (d\*ck|dick|nude|naked|explicit) (pics|photos)|send (him|her|them) "
    r"(pics|photos|pictures|nudes)|\bnudes\b|(wants?|asking|asked) to meet me|meet me (irl|in "
    rf"person|alone)|{SEXTORTION_EN})"
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
# 给我弟弟发不雅视频"; not what a feed shows them, nor a parcel "发成黄色的"), or a child made to
# do dangerous things for gifts (not "教孩子不要玩火").
_TARGETED_CHILD = (
    r"(给|向|私信|私聊)我?家?(弟弟?|妹妹?|孩子|女儿|儿子|小孩|小朋友|未成年人?)(?!买)[^，。！？]{0,8}发"
    r"[^，。！？]{0,6}(不雅|色情|黄色?|裸(?!色)|那种)[^，。！？]{0,3}(视频|照片|图|片|链接|内容)"
    r"|\b(send(s|ing)?|sent|dm(s|ing|ed)?|messag(es|ing|ed)) (to )?(my |our |her |his )?(\d+ ?yo"
    r"|(little |younger |baby )?(brother|sister|kid|son|daughter|child))\b.{0,20}"
    r"\b(inappropriate|explicit|sexual|nudes?|naked|dirty|porn\w*|adult)\b"
    r"|\b(send(s|ing)?|sent|dm(s|ing|ed)?) (porn\w*|nudes?|explicit \w+|sexual \w+) to "
    r"(my|our|a|her|his) (\d+ ?(yo|year old)|little (brother|sister)|kid|son|daughter|child)\b"
    r"|\b(my|our) (daughter|son|kid|child|little (sister|brother)|\d+ ?yo)\b.{0,30}\basking "
    r"(her|him|them )?for (pics|pictures|photos|nudes)\b"
    r"|(让|逼|叫)着?(自己的?)?(\d+岁的?)?(小孩|孩子|娃|儿童|未成年人?|小朋友|小学生)"
    r"(?![^，。！？]{0,3}(不要|别|不能|远离|不许))[^，。！？]{0,10}"
    r"(危险|喝.?酒|抽烟|爬楼|跳楼|玩火|栏杆|窗台|楼顶|阳台边)"
    r"|\b(making|makes|forcing|forces|made|daring) ((a|the|these|this|that|their|his|her) )?"
    r"(little |young )?(kids?|child(ren)?|minors?|toddlers?|son|daughter) (to )?(do )?"
    r"((dangerous|risky|drink|smoke)\b|.{0,25}\b(off (the|a) roof|window ledge|ledge|balcony"
    r"|railing)\b)"
)
# A farewell from someone close, then silence ("朋友发了个告别视频 打电话不接"; not a creator's
# goodbye to their channel, nor a friend off abroad).
_FAREWELL = (
    r"(朋友|室友|同学|男朋友|女朋友|男友|女友|家人|闺蜜|老公|老婆|儿子|女儿|妹妹|弟弟|哥哥|姐姐|他|她)"
    r"[^。！？]{0,8}(发|留|写)[^。！？]{0,8}(告别|诀别|遗言|永别|再见了?大家|大家再见|最后一条|对不起大家)"
    r"(?![^。！？]{0,10}(出国|退网|毕业|搬家|离职|转学|频道|账号))[^！？]{0,30}"
    r"(联系不上|电话.{0,4}(不接|没人接|打不通)|不接电话|打不通|找不到人|人找不到|不回消息|关机)"
)
_FAREWELL_EN = (
    r"\b(friend|roommate|brother|sister|bf|gf|boyfriend|girlfriend|son|daughter|mom|dad|wife"
    r"|husband|she|he)\b.{0,20}\b(posted|sent|left|wrote|put up)\b.{0,30}\b(goodbye|farewell)\b"
    r"(?!.{0,20}\b(channel|account|stream)\b).{0,80}\b(not answering|isn'?t answering|won'?t "
    r"answer|wont answer|won'?t pick up|wont pick up|(not|isn'?t|aren'?t) picking up"
    r"|can'?t reach|not responding"
    r"|isn'?t responding|phone (is )?off|voicemail|no ?one can reach|nobody can reach)\b"
    r"(?!.{0,30}\b(flight|plane|trip|holiday|vacation)\b)" + _NOT_LAUGHING_EN
)

_NOT_A_GAME_ZH = "(?![^。！？]{0,20}(哈哈|笑死|游戏|关卡|掉血|掉命))"

# Jokes ("想死在第三关了哈哈", "kill me now, the upload failed", "gonna shoot a new stream") are
# left out on purpose: a false "urgent" costs a real emergency its place in line.
SAFETY = (
    Signal(
        "self_harm",
        _any(
            r"自杀|轻生|不(想|打算|愿意)活(?![动跃])|活不下去|活着没意思|割腕|跳楼|安眠药|结束(我的)?生命",
            r"写.{0,2}遗书|留下?.{0,2}遗书|(楼顶|天台|桥上|窗台).{0,12}(要|想|准备)跳下去",
            # (not a game, a cat or a parkour creator: "游戏里从天台跳下去会掉血吗", "博主要从
            # 桥上跳下去"; not advice: "不要伤害自己的眼睛", "割自己家种的韭菜")
            r"(?<![猫狗])(?<!博主)(?<!角色)(想|要|准备|打算)(从|往)[^，。！？]{0,6}"
            r"(楼|顶|(?<![舞讲跳])台|桥|窗|这里|这儿|高处)[^，。！？]{0,4}跳(下去|下来|出去)"
            + _NOT_A_GAME_ZH,
            r"(跳下去|(?<![累气烦笑困热冷饿吵忙])死了)(算了|一了百了)" + _NOT_A_GAME_ZH,
            r"(?<!不)(?<!别)(?<!不要)(想|要|准备|打算|忍不住)(试试|去)?[^，。！？]{0,3}(刀|刀片)?"
            r"(?<!别)(?<!不)(?<!小心)(伤害|弄伤|割|划|划伤|割伤)(我?自己|手腕|手臂|手(?![机指势套表]))"
            r"(?!家|种|的(眼睛|头发|韭菜|皮肤))"
            r"|又(拿刀|用刀)?(割|划|伤害)了?(我?自己|手)|(?<!不)(想|要|又)(去)?自残"
            r"|(又开始|忍不住|控制不住|停不下来)[^，。！？]{0,3}自残|自残停不下来"
            r"|(想|要|准备)跳下去[^。！？]{0,12}(楼顶|天台|桥上|窗台|阳台|楼上)",
            # said calmly: 想结束这一切, 活着好累, 药已经准备好了, 我一直在割自己, a farewell
            # with "tonight"
            r"(想|要|准备|打算|怎么)[^，。！？]{0,4}结束(这|掉)?一切" + _NOT_A_GAME_ZH,
            r"活着(好|太|真的?|挺)累(?![^。！？]{0,20}(哈哈|笑死|游戏))|没(有)?人(会)?(在意|在乎)我(?!的)"
            r"|(?<![子宝人爸妈他她猫狗]的)(药|安眠药)[^，。！？]{0,4}(已经|都)?(准备|攒|存|囤)好了"
            r"|我[^，。！？]{0,4}(一直|又|总|老)在?(割|划)(伤)?(自己|手腕|手臂)(?!家|种)"
            r"|控制不住[^，。！？]{0,4}(划|割)(手|自己)"
            r"|告别[^。！？]{0,12}(今晚|今天|马上)就?(走|离开)",
            r"想(去)?死(?!在)(?![^，。！？]{0,10}(哈哈|笑死|开玩笑))",
            r"\b(kill(ing)? my ?self|hurt(ing)? my ?self|suicidal|commit suicide|self[- ]?harm)\b",
            r"\b(keep|kept|been|started|can'?t stop) (cutting|harming|burning) my ?self\b"
            r"|\b(going to|gonna|about to|wants? to|will|'ll) (kill|hurt|harm) (himself|herself"
            r"|themselves|themself)\b"
            r"|\bnobody (would|will) (care|notice|miss me) if i (disappeared|died|was gone"
            r"|were gone)\b"
            r"|\b(standing on|on) (a|the) (roof|rooftop|ledge|bridge)\b.{0,40}\b(jump|end it)\b"
            r"|\b(they'?re|they are|he'?ll|she'?ll|he will|she will|they'?ll) (about to |going to "
            r"|gonna )?jump (off|from) (a|the|this) (roof|bridge|building|balcony)\b",
            r"\bend (it all|my life)\b|\bdon'?t want to (live|be alive)\b|\bcan'?t go on\b",
            r"\bwant to die\b(?! of)|\bsuicide (note|letter)\b",
            r"\b(what'?s the|what is the|there'?s no|i don'?t see the) point (of|in) "
            r"(living|being alive|my life|life anymore)\b"
            r"(?! in (a|the|this) (big |small )?(city|town|country|house))" + _NOT_LAUGHING_EN,
            r"\b(want to|wanna) (just )?disappear (forever|for good)\b"
            r"(?! from (the |this )?(for you|fyp|search|app|feed|internet|comments|tiktok"
            r"|social media|here)\b)" + _NOT_LAUGHING_EN,
            r"(活着(还|到底|又)?有什么(意思|意义)|活着(真的?|都|挺|好)?没(有|什么)?(意思|意义))"
            r"(?![^，,。！？]{0,12}(哈哈|笑死|游戏))|想永远消失(?!在网上)",
            r"\bwon'?t be (around|alive) (much longer|for (much )?longer)\b",
            # "thinking about ending it", "planning to end things"; not a live stream, a
            # membership or a collab the user wants to end
            r"^(?!.*\b(live ?stream\w*|the live|my live|going live|i'?m live|membership"
            r"|subscription|auto ?renew\w*|collab\w*|contract)\b).*?"
            r"\b(thinking (about|of)|want to|wanna|planning (to|on)|plan to|going to|gonna"
            r"|ready to) "
            r"end(ing)? (it|things|everything)\b(?! (with|between|all for))"
            r"(?![^.?!]{0,40}\b(live|stream|button|subscription|membership|renew\w*|collab|contract"
            r"|deal|chat|call|relationship)\b)" + _NOT_LAUGHING_EN,
            r"\b(i'?m|i am|she'?s|he'?s|she is|he is|i) (going to|gonna|about to|want to|wanna) "
            r"jump (off|from) "
            r"(a|the|this) (roof|bridge|building|balcony)\b",
            _FAREWELL,
            _FAREWELL_EN,
        ),
    ),
    Signal(
        "minor_at_risk",
        _any(
            rf"{_CHILD_ZH}.{{0,20}}{_HARM_ZH}",
            rf"{_HARM_ZH}.{{0,12}}{_CHILD_ZH}",
            rf"{_CHILD_EN}.{{0,60}}{_HARM_EN}",
            rf"{_HARM_EN}.{{0,40}}{_CHILD_EN}",
            rf"{_SELF_CHILD_EN}.{{0,60}}{_WANTS_PICTURES_EN}",
            _CHILD_PICTURES,
            _TARGETED_CHILD,
            # a stranger asking where a child lives, studies or walks home, or for the child's
            # location (not an adult child's old school: 哪个学校毕业的); a child hit on a live
            r"(陌生人|网友|陌生号|有人)[^，。！？]{0,6}(问|打听|套)[^，。！？]{0,4}(我|我家)?"
            r"(儿子|女儿|孩子|小孩|闺女)[^，。！？]{0,6}(住哪|住在哪|家在哪|在哪上学|哪个学校|学校在哪)"
            r"(?![^，。！？]{0,4}毕业)"
            r"|(陌生人|网友|陌生号|有人)[^，。！？]{0,6}(问|打听|套)[^，。！？]{0,4}(我|我家)?"
            r"(儿子|女儿|孩子|小孩|闺女)[^，。！？]{0,4}(几点)?放学[^，。！？]{0,6}(几点|哪条路|走哪|在哪)"
            r"|(陌生人|网友|有人)[^。！？]{0,6}(让|要|叫)(我|我家)?(儿子|女儿|孩子|小孩|闺女)[^。！？]{0,6}"
            r"(发定位|发位置|共享位置|发地址|说学校)"
            r"|(陌生人|网友|陌生号|有人)[^。！？]{0,8}(儿子|女儿|孩子|小孩|闺女)[^。！？]{0,8}"
            r"(问|打听|让|要)[^。！？]{0,6}(住哪|家住|住在哪|在哪上学|哪个学校|学校在哪|放学|发定位|定位)"
            r"|\b(stranger|someone|some (guy|man|adult)|a (guy|man))\b[^.?!]{0,30}"
            r"\b(asking|asked|asks)\b[^.?!]{0,12}\b(my )?(\d+ ?yo |\d+ year old |little )?"
            r"(daughter|son|kid|child)\b[^.?!]{0,20}"
            r"\b(what school|which school|where (she|he|they) (lives?|goes)|home address)\b",
            r"(直播|直播间)[^。！？]{0,12}(小孩|孩子|小朋友)[^。！？]{0,8}被[^。！？]{0,4}"
            r"(打|踢|掐|虐待)"
            r"|\b(kid|child|baby|toddler)\b[^.?!]{0,50}\b(being|getting) (hit|beaten|abused"
            r"|slapped|kicked)\b(?! by (a|the) (ball|toy|pillow|wave|door|balloon))"
            # an adult asking a child for pictures or a meeting, coming to the school, a child
            # made to film or perform for money or gifts, a child who ran away to meet someone
            r"|(成年人|大人|成年男的?|叔叔|男的|陌生人|网友|有人)[^。！？]{0,10}"
            r"(私信|找|联系|让|约)[^。！？]{0,6}(我的?|我家)?[^。！？]{0,4}"
            r"(女儿|儿子|孩子|妹妹|弟弟|小孩)[^。！？]{0,12}"
            r"(要[^。！？]{0,4}照片|发照片|拍照片|视频|见面|不穿衣服)"
            rf"|{_CHILD_ZH}[^。！？]{{0,12}}(不穿衣服|去见[^。！？]{{0,10}}(认识|网友|男的|女的)"
            r"|(来|到)(学校|家里?|小区)(门口)?(找|堵|等))"
            r"|(约|招|拉)[^。！？]{0,4}(小孩|小学生|初中生|未成年人?|孩子)(?!子?的(家长|父母|爸妈))"
            r"[^。！？]{0,6}"
            r"(线下见面|见面|进群)"
            r"|(弟弟|妹妹|儿子|女儿|孩子)[^。！？]{0,4}被[^。！？]{0,10}(哄|骗|诱)[^。！？]{0,6}"
            r"(见面|出去|去外地)"
            r"|(女儿|儿子|孩子|妹妹|弟弟|外甥女?)[^。！？]{0,6}离家出走"
            r"|(小孩|孩子|小学生)[^。！？]{0,6}拍[^。！？]{0,4}(视频|照片)换(钱|礼物|零花钱)"
            r"|(小孩|孩子|小女孩|小男孩)[^。！？]{0,12}(让|逼)(她|他)[^。！？]{0,10}换礼物"
            r"|\b(kid|child)\b.{0,60}\b(made|making (her|him)) (to )?do\b.{0,40}\bfor gifts\b"
            r"|\b(adult|grown (man|men|woman)|older (man|guy)|stranger|some (guy|man)"
            rf"|a (man|guy))\b.{{0,60}}{_CHILD_EN}.{{0,40}}"
            r"\b(asking (her |him )?for (pics|photos|pictures|nudes)|to send (pics|photos|pictures"
            r"|nudes)|asking (her |him )?to send)"
            rf"|{_CHILD_EN}.{{0,40}}\b(planning|going|ran away|run away) to meet (a|an|some"
            r"|someone)\b"
            r"|\b(asking|inviting|telling) kids\b.{0,40}\b(meet|add him|another app)\b"
            r"|\b(kid|child)\b.{0,30}\b(told|asked|made) to take (her|his|their)? ?clothes off\b"
            r"|(直播|直播间)[^。！？]{0,8}(打|踢|掐|虐待?)(他|她|自己)?的?"
            r"(孩子|小孩|小朋友|儿子|女儿|娃(?!娃))"
            r"|\b(live ?stream|live|stream(er)?)\b[^.?!]{0,40}"
            r"\b(hitting|beating|kicking|slapping|abusing)\b"
            r"[^.?!]{0,10}\b(a |his |her |their )?(little |small )?(kid|child|son|daughter|baby)\b",
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
