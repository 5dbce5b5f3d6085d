"""Requests only someone with access to the account can handle go to a person; the
self-service questions beside them stay with their articles."""

from __future__ import annotations

import pytest

from kefu.bot.access import needs_account_access
from kefu.bot.screening import sensitive_situation


@pytest.mark.parametrize(
    ("text", "needs_access"),
    [
        ("能帮我恢复昨晚误删的视频吗", True),
        ("把扣掉的金币给我加回来", True),
        ("刚提现填错卡号了 帮我把这笔撤回来", True),
        ("帮我改一下实名认证的名字 当时填错了", True),
        ("能不能把旧号的粉丝转到新号上", True),
        ("微信支付里有一笔你们平台的扣款68块 我不知道是啥 能帮我查下吗", True),
        ("undo the $49.99 charge on my account from yesterday", True),
        ("can you merge my two accounts into one", True),
        ("please restore the video you deleted from my account", True),
        ("there's a charge I don't recognise on my card from you", True),
        ("卸载重装的话草稿会不会没了", False),
        ("收益明细里莫名其妙被扣了一笔 我不认可 能申诉吗", False),
        ("怎么改绑定的手机号", False),
        ("账号注销了还能恢复吗", False),
        ("how do I change my nickname", False),
        ("充一次扣了两次钱", False),
        ("视频被我删了还能找回来吗", True),
        ("私信记录被我清空了 能找回吗", True),
        ("这笔提现申请能取消吗", True),
        ("被系统扣掉的金币给我补回来", True),
        ("生日填错了 现在被当成未成年 怎么改", True),
        ("两个号能合成一个吗", True),
        ("有一笔68元的扣款我不认识", True),
        ("i deleted my video by accident can you restore it", True),
        ("can you cancel my withdrawal", True),
        ("i entered the wrong birthday when signing up and now im stuck in teen mode", True),
        ("can my followers be moved to my new account", True),
        ("怎么撤回评论", False),
        ("帮我看看评论怎么撤回 发错了", False),
        ("商家同意退款了 这笔钱多久能退回来", False),
        ("重复扣款一般多久能退回来", False),
        ("充了60块 不知道为啥金币没到账 钱扣了", False),
        ("直播收入被扣了一部分 不知道为什么", False),
        ("改昵称提示已被占用 能给我推荐几个吗", False),
        ("手机恢复出厂设置会删掉草稿吗", False),
        ("清缓存的话草稿是不是都没了", False),
        ("how do i get back a video i removed from my favorites", False),
        ("payment went through but coins didnt make it to my wallet", False),
        ("do i need to change my nickname to my real name to go live", False),
    ],
)
def test_what_needs_someone_with_access(text: str, needs_access: bool) -> None:
    assert needs_account_access(text) is needs_access
    # the bot's screening reports it as its own situation
    assert (sensitive_situation(text, []) == "account") is needs_access
