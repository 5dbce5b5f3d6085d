from __future__ import annotations

from kefu.kit.errors import Conflict, Forbidden, Invalid, Unauthorized


class InvalidCredentials(Unauthorized):
    code = "invalid_credentials"
    en = "The e-mail or password is not correct."
    zh = "邮箱或密码不正确。"


class InvalidUserToken(Unauthorized):
    code = "invalid_user_token"
    en = "The user token is not valid or has expired: {reason}"
    zh = "用户令牌无效或已过期：{reason}"


class CsrfFailed(Forbidden):
    code = "csrf_failed"
    en = "Missing or wrong X-CSRF-Token header for a cookie-authenticated request."
    zh = "使用 Cookie 登录的请求缺少或带有错误的 X-CSRF-Token 请求头。"


class StaffOnly(Forbidden):
    code = "staff_only"
    en = "Only staff can do this."
    zh = "只有客服人员可以执行此操作。"


class RoleRequired(Forbidden):
    code = "role_required"
    en = "This needs one of these roles: {roles}."
    zh = "此操作需要以下角色之一：{roles}。"


class EndUserOnly(Forbidden):
    code = "end_user_only"
    en = "Only end users can do this; staff work tickets through the agent API."
    zh = "只有用户本人可以执行此操作；客服人员请使用坐席接口。"


class ScopeRequired(Forbidden):
    code = "scope_required"
    en = "This API token lacks the scope {scope}."
    zh = "该 API 令牌缺少权限范围 {scope}。"


class UnknownTeam(Invalid):
    code = "unknown_team"
    en = "There is no team {team}."
    zh = "不存在团队 {team}。"


class EmailTaken(Conflict):
    code = "email_taken"
    en = "A staff member with the e-mail {email} already exists."
    zh = "邮箱 {email} 已被其他客服账号使用。"
