"""Things the bot notices in a message before it tries to answer: a request for a person, and
secrets the user is about to give away."""

from __future__ import annotations

import re

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
    "(点了?|点开了?|扫了?)[^。！？]{0,12}(链接|二维码|码)[^。！？]{0,12}"
    "(被扣|扣了|被转|转走|(钱|余额)(少了|没了)|[\\d一两三四五六七八九十百千万]+(块|元)?没了)"
    "|(钱|定金)(打|付|转)了[^。！？]{0,4}(货|人)没了|(结果|然后)人(跑了|没了|不见了)"
)
_FRAUD_VICTIM = re.compile(
    rf"{_AVERTED_ZH}被骗|骗了我|{_AVERTED_ZH}上当|{_SCAMMED_ANYWAY_ZH}"
    r"|钱没了|钱被.{0,4}(转|扣|骗|盗|划)|(钱|块|元|千|万).{0,4}被?转走了|被盗刷|用我.{0,4}贷了?款|以我.{0,4}名义.{0,6}贷"
    r"|银行卡.{0,4}被(盗刷|刷走|转走)|解冻费|(又|还)让我(交|转|付).{0,4}(保证金|押金|手续费|激活费)"
    r"|(让|叫|要)我.{0,12}(借钱|网贷|贷款)|在.{0,6}(网贷|借贷).{0,8}借了"
    r"|(说|让|要).{0,10}注销.{0,4}学生(账户|账号)|(催|逼)我去?(贷款|网贷|借贷)"
    # (a sum or a code taken, not a heart: "心被你骗走了")
    r"|(?<!不被)(?<!不被人)骗走了?我?的?[^，。！？]{0,6}(钱|\d|[一两三四五六七八九十百千万几]+(块|元)|验证码|账号)"
    r"|(银行卡|卡里|卡上)[^，。！？]{0,3}(的钱|\d+|[一两三四五六七八九十百千万几]+)(块|元|万|千)?钱?"
    r"(一下子|突然|莫名其?妙?|全|都)?(没了|被转走|被划走)"
    r"|(余额|卡里|卡上|银行卡)[^。！？]{0,6}(少了|被扣了?)[^。！？]{0,3}(\d+|[一两三四五六七八九十百千万几]+)"
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
    r"|\bclicked\b.{0,40}\b(link|qr)\b.{0,40}\b(taken|gone|left my|drained|charged|deducted"
    r"|stolen)\b|\bgone with my money\b|\b(sent|transferred|moved|paid)\b.{0,30}\bsafe account\b"
    r"|\b(has|had|got|is having) me (scan|scanning|transfer|transferring|pay|paying|send|sending)\b"
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
    r"|泄露了我的|(信息|资料|住址|身份|底细|隐私)[^。！？]{0,4}被人?扒"
    r"|(有人|别人|他|她|对方|前任|前男友|前女友)[^。！？]{0,8}(发了?|传了?|散布|到处发)[^。！？]{0,6}"
    r"我的?(私密照|裸照|身份证|住址|家庭住址)"
    # Documents only when someone else spread them ("我把病历发到你们邮箱了" is verification).
    rf"|{_DOCUMENTS_ZH}[^，。！？]{{0,6}}(被[^，。！？]{{0,6}}"
    r"(发|曝光|公开|泄露|挂|贴)|泄露|曝光)"
    rf"|(把|将)我的?[^，。！？]{{0,4}}{_DOCUMENTS_ZH}[^，。！？]{{0,6}}"
    r"(发到|挂到|贴到|公开到?)"
    rf"|{SEXTORTION_ZH}|{SEXTORTION_EN}"
    r"|(看到|看得到|出现|里有|怎么有|收到了?).{0,6}别人的(聊天记录|手机号|电话号码|身份证|个人信息|订单)"
    r"|(?<!\bi )(?<!\bi've )\b(posted|posting|shared|sharing|spreading|leaked|leaking"
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
    r"|\bput (a |the )?(photo|picture|pic|image) of my (id card|passport|address|house|home)\b"
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


# Things only someone with access to the account can do or see: bring back deleted content,
# reverse a charge or a withdrawal, correct a verified name or a birthday, merge accounts or
# move followers, hand over a taken username; or explain a charge the user does not recognise.
# Self-service changes (password, bound phone, nickname) stay with their articles.
_CONTENT_ZH = "(视频|作品|草稿|聊天记录|评论|动态)"
_ACCOUNT_REQUEST = re.compile(
    rf"(恢复|找回|还原)[^。！？]{{0,10}}(删|删掉|误删)[^。！？]{{0,6}}{_CONTENT_ZH}"
    rf"|(删|删掉|误删)[^。！？]{{0,10}}{_CONTENT_ZH}[^。！？]{{0,12}}(恢复|找回|还原)"
    r"|(聊天记录|草稿)[^。！？]{0,8}(?<!会不会)(?<!会)(突然|一下子|全|都)(没了|不见了|消失了)"
    r"|\b(messages|chats?|drafts?)\b[^.?!]{0,30}\b(vanished|disappeared)\b"
    r"|(帮我|给我)[^。！？]{0,10}(撤回|撤销|加回|还回)|把[^。！？]{0,12}给我(退|加|还|撤)回"
    r"|(扣费|扣款|扣掉的|金币|这笔)[^。！？]{0,6}(给我)?(退|加|还)回来"
    r"|(帮我|给我|能不能|能否)[^。！？]{0,6}(改|修改|更正)[^。！？]{0,6}(实名|认证的?(名字|姓名)|生日)"
    r"|(实名|认证)的?(名字|姓名|信息)[^。！？]{0,8}(帮我|给我)[^。！？]{0,4}改"
    r"|合并[^。！？]{0,4}(账号|帐号|两个号)|(两个|2个)(账号|帐号|号)[^。！？]{0,6}合并"
    r"|粉丝[^。！？]{0,8}(转|迁|移)到[^。！？]{0,4}(新号|新账号|另一个号)"
    r"|(用户名|昵称|id)[^。！？]{0,16}(占着|被占|占用)[^。！？]{0,12}(给我|能给|转给我)"
    r"|(查|看)[^。！？]{0,8}(哪天|哪一天|什么时候|几号)注册"
    r"|\b(restore|recover|undelete|retrieve|get back|bring back)\b[^.?!]{0,40}\b(deleted|removed)\b"
    r"[^.?!]{0,30}\b(videos?|drafts?|posts?|clips?|messages|chats?|comments?)\b"
    r"|\b(restore|recover|undelete|retrieve|get back|bring back)\b[^.?!]{0,20}\b(videos?|drafts?"
    r"|posts?|clips?)\b[^.?!]{0,30}\b(deleted|removed)\b"
    r"|\b(deleted|removed) (videos?|drafts?|posts?)\b[^.?!]{0,30}\b(restore|recover|get (it|them) "
    r"back|bring (it|them) back)\b"
    r"|\b(undo|reverse|cancel and refund)\b[^?!]{0,30}\b(charge|withdrawal|payment|transaction)\b"
    r"|\bput back the coins\b|\bgive me (back )?(my|the) coins back\b"
    r"|\b(fix|change|correct)\b[^.?!]{0,20}\b(real[- ]name|registered (id )?name|id name|legal name"
    r"|birthday|date of birth)\b(?![^.?!]{0,20}\bhow\b)"
    r"|\bmerge (my )?(two |2 )?accounts\b|\b(move|transfer) (my )?followers\b"
    r"|\busername\b[^.?!]{0,40}\b(taken|used) by\b[^.?!]{0,40}\b(give|transfer|release)\b"
    r"|\b(check|tell me|see)\b[^.?!]{0,12}\b(what date|when)\b[^.?!]{0,20}\baccount was "
    r"(created|registered|made)\b",
    re.IGNORECASE,
)
# A charge the user does not recognise (a creator's earnings deductions are explained by the
# earnings article instead).
_UNKNOWN_CHARGE = re.compile(
    r"(帮我|给我)(查|看)[^。！？]{0,10}(为什么|为啥|怎么)[^。！？]{0,10}(少了|扣)"
    r"|(不知道|不清楚|没(点|买|操作|开通|订)过?(什么)?|莫名其?妙?)[^。！？]{0,16}(扣了|扣款|扣费|被扣)"
    r"|(扣了|扣款|扣费|被扣)[^。！？]{0,16}(不知道(是|为什么|啥)|没(点|买|操作|开通)过)"
    r"|\b(charge|deduction|payment)s?\b[^.?!]{0,30}\b(i )?(don'?t|do not|didn'?t) (recogni[sz]e"
    r"|make|authori[sz]e)\b",
    re.IGNORECASE,
)
_EARNINGS = re.compile(r"收益|分成|提现|\b(earnings|payout|revenue share)\b", re.IGNORECASE)


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
    if _ACCOUNT_REQUEST.search(text) or (
        _UNKNOWN_CHARGE.search(text) and not _EARNINGS.search(text)
    ):
        return "account"
    return None
