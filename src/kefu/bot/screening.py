"""Things the bot notices in a message before it tries to answer: a request for a person, and
secrets the user is about to give away."""

from __future__ import annotations

import re

from kefu.bot.access import needs_account_access
from kefu.triage.signals import SEXTORTION_EN, SEXTORTION_ZH

# 转人工 and friends. In English, a short message naming a person ("agent", "human pls"), or
# asking to talk to one; "human verification failed" is not a request for a person.
_HUMAN_ZH = re.compile(
    r"转人工|人工客服|人工服务|人工(?!智能|审核|复核|验证|核实)|真人客服|找真人|要真人|接个?客服|转个?客服"
)
_PERSON = r"(human|person|agent|someone|somebody|representative|operator|staff|manager|supervisor)"
_HUMAN_EN = re.compile(
    rf"\b(talk|speak|chat|connect|transfer|put|get)\b.{{0,32}}\b(real |live |a |an )?{_PERSON}\b"
    rf"|\b(is there|are there|any|can i get|i want|i need|give me|need)\b.{{0,12}}"
    rf"\b(real|actual|live) {_PERSON}\b",
    re.IGNORECASE,
)
_ONLY_PERSON = re.compile(
    rf"\W*(pls |please )?(a |an )?(real |live )?{_PERSON}( pls| please| now| asap)?\W*",
    re.IGNORECASE,
)
# A verification code or a card number pasted into the chat.
_CODE = re.compile(
    r"(验证码|校验码|动态码|code|otp)\D{0,12}\d{4,8}\b|\b\d{4,8}\D{0,6}(验证码|code)",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")
_PASSWORD = re.compile(r"(密码|password|passwd|pwd)\s*(是|is|[:：=])\s*\S{4,}", re.IGNORECASE)


def asks_for_person(text: str) -> bool:
    if _HUMAN_ZH.search(text) or _HUMAN_EN.search(text):
        return True
    return bool(_ONLY_PERSON.fullmatch(text.strip()))


def shared_secrets(text: str) -> list[str]:
    """Kinds of secrets the message seems to contain: code, card, password."""
    found = []
    if _CODE.search(text):
        found.append("code")
    if _CARD.search(text):
        found.append("card")
    if _PASSWORD.search(text):
        found.append("password")
    return found


# Sensitive situations the bot must not handle alone (the intent model may find an article
# that looks right: "我被假客服骗了" reads like the fake-customer-service article).
# Not when the scam is averted or only feared: 怎么防止被骗, 怕被骗, 差点上当, 还好没被骗 are
# questions the fake-customer-service article answers ("不小心被骗了", "防不胜防被骗了" are
# victims); so is "almost got scammed".
_AVERTED_ZH = (
    "(?<!防止)(?<!避免)(?<!防范)(?:(?<=胜防)|(?<!防))(?<!以免)(?<!免得)(?<!不)(?<!不要)(?<!别)"
    "(?<!别再)(?<!不再)(?<!不会)(?<!怕)(?<!担心)(?<!容易)(?<!没)(?<!没有)(?<!差点)(?<!差点儿)(?<!差一点)"
    "(?<!差点就)(?<!险些)(?:(?<=不小心)|(?<!小心))"
)
# "怎么防止我妈被骗" reads as "怎么防止被骗" (a lookbehind cannot skip the words between).
_AVERTED_OBJECT_ZH = re.compile("(防止|避免|防范|以免)[^，。！？\\s]{1,4}(被骗|上当)")
_SUM_ZH = "[一两三四五六七八九十百千万几]"
# ... unless the money went anyway: "差点被骗 结果还是转了8000".
_SCAMMED_ANYWAY_ZH = (
    "(被骗|上了?当)[^。！？]{0,12}(结果|还是|但|可是?|已经|刚)[^。！？]{0,10}"
    "(转|打|汇|付|交|给|贷|借)(了|过去|出去)"
)
# Money already in a "safe account", in any word order ("没转" and "差点就转了" are not).
_SAFE_ACCOUNT_ZH = (
    "(已经|已|都|刚刚?|全部?)[^。！？]{0,8}(转|打|汇|存)(到|进|入)?了?[^。！？]{0,4}安全账户"
    "|(转|打|汇|存)(到|进|入)了[^。！？]{0,6}安全账户"
    f"|(转|打|汇|存)(到|进|入)[^。！？]{{0,6}}安全账户[^。！？]{{0,4}}(了|\\d|{_SUM_ZH})"
    "|安全账户[^。！？]{0,12}(?<![没不])(?<!差点就)(刚转|转完|转了(?!就)|已经转|已转|转过去|汇了|打了)"
)
# Money sent to someone posing as staff or police (假 only before a role: not 放假, 假货).
_IMPOSTOR_ZH = (
    "(自称|冒充|假(?=客服|警察|民警|公安|快递|理赔|工作人员|官方|老师|领导|客户经理|平台))"
)
_PAID_IMPOSTOR_ZH = (
    f"{_IMPOSTOR_ZH}[^。！？]{{0,40}}(?<![没不])((转|打|汇|付|给)(了|过去了?)[^。！？]{{0,3}}"
    f"(账|钱|\\d|{_SUM_ZH}|他|她)|转给(他|她|对方)了)|{_IMPOSTOR_ZH}[^。！？]{{0,30}}(已经转了|(转|汇|打)过去了|付了\\d)"
)
# Paid, then the person vanished (not an order page that vanished, nor "怎么拉黑这个主播").
_PAID_THEN_GONE_ZH = (
    "((转|打)(给|了)[^。！？]{0,10}(钱|块|元|万|千)|转给(他|她|对方|骗子|卖家)"
    "|(钱|定金|押金)[^。！？]{0,4}(付|给|转)(他|她|对方)?(了|完了?|过去了?)|(付|交)了[^。！？]{0,6}"
    "(钱|\\d|定金))[^。！？]{0,12}((被|把我|给我)[^。！？]{0,3}(拉黑|删)|拉黑了?我"
    "|(他|她|对方|卖家|人)[^。！？]{0,4}(联系不上|跑了|跑路|消失|不见)|联系不上|跑路)"
)
# Loans taken on a scammer's word.
_LOAN_ON_WORD_ZH = (
    f"({_AVERTED_ZH}被人?(骗|忽悠)着?|听信?了?[^。！？]{{0,6}}的话|(他|对方|客服|骗子)(让|叫|要)我)"
    "[^。！？]{0,12}(贷了?款|借了|借钱|网贷|借呗|花呗)"
)
# Someone made the user share the screen, or watches it, while money or a code is on it (not
# "直播怎么开屏幕共享", nor a streamer's "开了屏幕共享 微信消息会被看到吗").
_SCREEN_WATCHED_ZH = (
    "(让|叫|要|教|帮)我?[^。！？]{0,8}(屏幕共享|共享屏幕|屏幕|共享|投屏|远程|会议软件)"
    "[^。！？]{0,30}(网银|银行|转账|转了|付款|验证码|支付宝|零钱|扣了|钱(没了|被|就))"
    "|(看到|看见)了?我的?(手机)?屏幕(?!吗)[^。！？]{0,20}(网银|银行|转账|付款|验证码)"
    "|(屏幕共享|共享屏幕|共享了屏幕|投屏)[^。！？]{0,30}(转了|扣了|钱少了|钱没了|付了|登了?(手机银行|网银))"
    "|远程控制了?我的?[^。！？]{0,20}(网银|银行|转账|付款|验证码|支付宝|微信|钱)"
)
# A link clicked or a code scanned, then money gone; paid, then the goods or the "helper" gone.
_LINK_THEN_LOSS_ZH = (
    # (not a recharge paid by code, 扫码充值, nor a payment that simply went through)
    "(点了?|点开了?|点进了?|打开了?|按|扫了?)[^。！？]{0,12}(链接|二维码)[^。！？]{0,14}"
    "(被扣|扣了我|被转|转走|被刷|刷了|(钱|余额|金币)[^。！？]{0,2}(少了|没了|空了)"
    "|(?<![到账])[\\d一两三四五六七八九十百千万]+(块|元)?没了|(银行卡|卡里|卡上)[^。！？]{0,3}扣了)"
    "(?![^。！？]{0,8}(到账|未支付|没支付))"
    # (the person gone after the money, not a live stream that went dark nor a sold-out item)
    "|(钱|定金|押金)(打|付|转|交)了[^。！？]{0,4}(人|货)(没了|联系不上|不见了)(?![^。！？]{0,6}(缺货|没货|商家说|补货))"
    "|(钱|转|付|打|交|花)[^。！？]{0,12}(结果|然后)人(跑了|没了|不见了)"
)
_FRAUD_VICTIM = re.compile(
    rf"{_AVERTED_ZH}被骗|骗了我|{_AVERTED_ZH}上当|{_SCAMMED_ANYWAY_ZH}"
    r"|钱没了|钱被.{0,4}(转|扣|骗|盗|划)|(钱|块|元|千|万).{0,4}被?转走了|被盗刷|用我.{0,4}贷了?款|以我.{0,4}名义.{0,6}贷"
    r"|银行卡.{0,4}被(盗刷|刷走|转走)|解冻费|(又|还)让我(交|转|付).{0,4}(保证金|押金|手续费|激活费)"
    r"|(让|叫|要)我.{0,12}(借钱|网贷|贷款)|在.{0,6}(网贷|借贷).{0,8}借了"
    r"|(说|让|要).{0,10}注销.{0,4}学生(账户|账号)|(催|逼)我去?(贷款|网贷|借贷)"
    # (a sum or a code taken, not a heart: "心被你骗走了")
    rf"|(?<!不被)(?<!不被人)骗走了?我?的?[^，。！？]{{0,6}}(钱|\d|{_SUM_ZH}+(块|元)|验证码|账号)"
    rf"|(银行卡|卡里|卡上)[^，。！？]{{0,3}}(的钱|\d+|{_SUM_ZH}+)(块|元|万|千)?钱?"
    r"(一下子|突然|莫名其?妙?|全|都)?(没了|被转走|被划走)"
    rf"|(余额|卡里|卡上|银行卡)[^。！？]{{0,6}}(少了|被扣了?)[^。！？]{{0,3}}(\d+|{_SUM_ZH}+)"
    r"[^。！？]{0,12}(没有?(买|消费|花|用|操作))"
    rf"|{_PAID_THEN_GONE_ZH}|{_SAFE_ACCOUNT_ZH}|{_PAID_IMPOSTOR_ZH}|{_LOAN_ON_WORD_ZH}"
    rf"|{_SCREEN_WATCHED_ZH}|{_LINK_THEN_LOSS_ZH}"
    # ("almost got scammed" is averted, unless money went anyway)
    r"|\b(almost|nearly)\s+got\s+scammed\b.{0,60}\b(sent|paid|transferred|gave)\b"
    r"|\b(tricked|conned|duped|scammed|fooled) (me )?(into|to|in to) (buy|buying|pay|paying|send"
    r"|sending|transfer|transferring|giv(e|ing))\b.{0,40}\b(gift ?cards?|money|\$\d+|\d+ ?(dollars"
    r"|bucks|usd|yuan|rmb)|crypto|bitcoin|deposit|fee)\b"
    r"|\bgift ?cards?\b.{0,40}\b(support|agent|customer service|officer|refund|staff|employee)\b"
    r"|\b(support|agent|customer service|officer|refund|staff)\b.{0,40}\bgift ?cards?\b"
    r"|\b(fake|so-called) (agent|support|customer service|staff)\b.{0,30}\b(got me to|made me"
    r"|had me) (pay|send|transfer|buy)\b"
    r"|\b(push(ing|ed)?|pressur(e|ing|ed)|forc(e|ing|ed)|telling) me to (take out|get|apply for) a "
    r"loan\b|\b(card|account|wallet) (was|got|has been) (drained|emptied|wiped)\b"
    r"|\bsent\b.{0,20}\bto (a|the|some|this) .{0,20}\b(he|she|they) (blocked|ghosted) me\b"
    r"|\b(i (was|got|been) scammed|(?<!almost )(?<!nearly )got scammed|scammed me|been conned"
    r"|ripped me off)\b"
    r"|\b(lost|stole|took|taken)\b.{0,30}\b(money|\d+ ?(yuan|rmb|dollars|bucks)?)\b.{0,20}"
    r"|\bmoney (was |got |is )?(taken|stolen|gone)\b|\bloan in my name\b"
    r"|\bi'?m out (\$\d+|\d+ ?(bucks|dollars|usd|yuan|rmb))"
    r"|\bmoney (just )?(vanished|disappeared) from my\b"
    r"|\bpaid (him|her|them|a guy|some guy|this guy|(an?|the) (support )?agent)\b.{0,60}"
    r"\b(vanished|disappeared|ghosted|blocked me|won'?t reply|wont reply|stopped replying)"
    # a clicked/tapped/opened/scanned link, then money (not a page or a username) gone
    r"|\b(clicked|tapped|opened|scanned)\b.{0,40}\b(link|qr)\b.{0,60}"
    r"\b(money|\$ ?\d+|\d+|bank|card|balance|savings|paypal)\b.{0,25}"
    r"\b(taken|gone|drained|stolen|emptied|left|missing|deducted)\b"
    r"|\b(clicked|tapped|opened)\b.{0,40}\blink\b.{0,60}\b(drained|emptied|cleaned out)\b"
    r"|\b(gone|ran off|run off|disappeared) with my money\b"
    # not a warning about safe-account scams
    r"|\b(sent|transferred|moved|paid|put)\b.{0,30}\b(to|into|in) (a|the|their|his|her|this) "
    r"[\"'“]?safe account\b"
    # a person has the user scanning/paying, not an app or a seller's return procedure
    r"|(?<!\bit )(?<!\bapp )(?<!\bpage )(?<!\bsite )(?<!\bsystem )(?<!\bwebsite )"
    r"\b(has|had|got|is having|having|is making|making|made|keeps? making) me "
    r"(scan(ning)?(?! my (face|id))|transfer(ring)?|pay(ing)?|buy(ing)?"
    r"|send(ing)?(?! (it|the|them|back|a photo|my id)))\b"
    r"(?![^.?!]{0,30}\b(shipping|postage|return|to log ?in)\b)"
    r"|\b(now|then) they want (another|more)\b|\btook out a loan\b.{0,50}\b(said|told|asked)\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"现在|正在|还在|在等|刚刚|马上|(又|一直|老是|反复)(给我)?打(电话|过?来)|又(发|来)(消息|短信)"
    r"|\b(right now|rn|now|still (on|waiting|there)|on (a |the )?(video )?(call|phone)|is waiting"
    r"|(call|text|messag)(ed|ing) me again|keeps? (calling|texting|messaging)"
    r"|(won'?t|doesn'?t|don'?t) stop (calling|texting|messaging)"
    r"|(?<!\bi )kept (calling|texting|messaging))\b",
    re.IGNORECASE,
)
# Documents whose exposure hands off only when someone else spread them.
_DOCUMENTS_ZH = "(病历|病例|银行流水|工资条|工资单|户口本|护照|体检报告)"
_EXPOSED = re.compile(
    r"(身份证|住址|家庭地址|学校|手机号|电话号码|私密照|裸照|隐私|个人信息|聊天记录).{0,12}"
    r"(发到|发在|发了|曝光|公开|泄露|挂出|挂在)"
    r"|(曝光|泄露|公开|挂出|人肉).{0,12}(身份证|住址|学校|手机号|私密照|裸照|个人信息)"
    # (not a fear, "会不会泄露了我的", nor a celebrity's info; 开盒 is doxxing slang; being
    # asked to send one's ID is not exposure)
    r"|(?<!会不会)(?<!会)(?<!怕)(?<!担心)泄露了我的"
    r"|(?<!网红的)(?<!明星的)(?<!主播)(?<!他的)(?<!她的)(?<!网红)(?<!明星)(?<!他)(?<!她)"
    r"(信息|资料|住址|身份|底细|隐私)[^。！？]{0,4}被人?扒|被(人)?开盒|开盒了?我|把我开盒"
    r"|(有人|别人|他|她|对方|前任|前男友|前女友)(?![^。！？]{0,8}(让|要|叫|找)我)[^。！？]{0,8}"
    r"(发了?|传了?|散布|到处发)[^。！？]{0,6}我的?(私密照|私密视频|裸照|裸体视频|身份证|住址|家庭住址)"
    # Documents only when someone else spread them ("我把病历发到你们邮箱了" is verification).
    rf"|{_DOCUMENTS_ZH}[^，。！？]{{0,6}}(被[^，。！？]{{0,6}}"
    r"(发|曝光|公开|泄露|挂|贴)|泄露|曝光)"
    rf"|(把|将)我的?[^，。！？]{{0,4}}{_DOCUMENTS_ZH}[^，。！？]{{0,6}}"
    r"(发到|挂到|贴到|公开到?)"
    rf"|{SEXTORTION_ZH}|{SEXTORTION_EN}"
    r"|(看到|看得到|出现|里有|怎么有|收到了?).{0,6}别人的(聊天记录|手机号|电话号码|身份证|个人信息|订单)"
    r"|(?<!\bi )(?<!\bi've )\b(posted|posting|shared|sharing|spreading(?! the word)|leaked|leaking"
    r"|exposed|exposing|"
    r"published|uploaded|uploading|put up)\b.{0,40}\b(id card|home address|address|school|"
    r"phone number|full name|nudes?|private (photos|pics|pictures|chats|videos)|personal info\w*)\b"
    # Documents only when someone else spread them ("just uploaded my passport for verification").
    r"|\b(someone|somebody|he|she|they|an account|a (guy|girl|user|person)|my ex|people)\b.{0,20}"
    r"\b(posted|posting|shared|sharing|leaked|leaking|exposed|exposing|uploaded|uploading|put up)"
    r"\b.{0,30}\b(bank (statements?|details)|medical (records?|reports?)|passport|payslips?)\b"
    r"|\b(post|video|comment|account|page)\b.{0,20}\b(with|showing|shows|contains?) my (bank "
    r"statements?|medical records?|passport)\b"
    r"|\b(medical (records?|reports?)|bank (statements?|details)|passport)\b.{0,10}\b(got|was|were"
    r"|has been|have been|is|are) (leaked|exposed|posted)\b"
    # ("my address was exposed in my last video, how do I blur it" is a how-to question)
    r"|\b(id card|home address|address|phone number|full name|nudes?|private (photos|pics|"
    r"pictures|chats|videos)|personal (info\w*|data|details)|my (data|info|information)) "
    r"(got|is|are|was|were|has been|have been|is being|are being) (leaked|exposed|doxx?ed|made "
    r"public|posted (online|publicly|everywhere))(?! (in|on) my (own )?(last |latest )?(video|"
    r"profile|post|live|stream))(?! (to|with) (advertisers|third parties|partners))"
    r"|\b(private (photos|pics|pictures|videos)|nudes|personal info\w*) (is|are) being "
    r"(shared|spread|passed around)(?! (to|with) (advertisers|third parties|partners))"
    # (someone else put it up: the user's own verification upload is not exposure)
    r"|(?<!\bi )(?<!\bi've )(?<!\bcan i )(?<!\bdo i )(?<!\bshould i )(?<!\bi just )"
    r"\bput (up )?(a |the )?(photo|picture|pic|image) of my (id( card)?|passport|address)\b"
    r"(?![^.?!]{0,30}\b(verif\w*|real[- ]name|kyc)\b)"
    r"|\b(he|she|they|someone|somebody|my ex|this (guy|girl|person)|a user)\b[^.?!]{0,20}"
    r"\bput (up )?(a |the )?(photo|picture|pic|image) of my (house|home)\b"
    r"|\b(he|she|they|someone|somebody|my ex)('s| is| are)? (sharing|spreading|posting|sending) "
    r"my (pics|photos|pictures|videos)\b[^.?!]{0,20}\b(everywhere|around|to everyone|in (a |the )?"
    r"group)|\b(leaked|posted|shared) my (id|passport|ssn)\b"
    r"|\bdox+|\b(see|seeing|shows?|showing|has|contains?|got|received) someone else'?s "
    r"(messages|chats|phone number|data|info)",
    re.IGNORECASE,
)
_THREAT = re.compile(
    r"消协|消费者协会|(?<!\d)12315(?!\d)|工商局|监管部门|市场监管|起诉|律师函|去法院"
    r"|(投诉|举报|告)到?.{0,4}(工信部|网信办)|(工信部|网信办).{0,6}(投诉|举报)|黑猫投诉"
    r"|曝光你们|媒体曝光|微博曝光|找记者"
    r"|\b((?<!voltage )regulators?|consumer (council|association|protection)|sue (you|u)|lawsuit|"
    r"(my|our|a) lawyer (will|is going to)|lawyer'?s? letter|going to the (media|press)|"
    r"(i'?ll|i will|i'?m going to|i'?m gonna) go to the (media|press|news|papers)|"
    r"report(ing)? (you|u) to|(to|with) the (ftc|bbb|attorney general))\b",
    re.IGNORECASE,
)


def sensitive_situation(text: str, scam_signals: list[str]) -> str | None:
    """Why a person must take this, or None: a fraud victim, someone being worked on by a
    scammer right now, personal data exposed, a threat of regulators or courts, or a request
    only someone with access to the account can handle ("account")."""
    if _FRAUD_VICTIM.search(_AVERTED_OBJECT_ZH.sub(r"\1\2", text)):
        return "fraud"
    if scam_signals and _NOW.search(text):
        return "fraud"
    if _EXPOSED.search(text):
        return "privacy"
    if _THREAT.search(text):
        return "threat"
    if needs_account_access(text):
        return "account"
    return None
