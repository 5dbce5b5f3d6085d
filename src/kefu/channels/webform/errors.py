from __future__ import annotations

from kefu.kit.errors import KefuError


class FeedbackFileNotAllowed(KefuError):
    status = 415
    code = "feedback_file_not_allowed"
    en = "The feedback form takes images and videos only; {name} is {detected}."
    zh = "反馈仅支持图片和视频；{name} 的类型为 {detected}。"


class FeedbackFileTooLarge(KefuError):
    status = 413
    code = "feedback_file_too_large"
    en = "{name} is larger than the limit for {kind} ({limit} bytes)."
    zh = "{name} 超过了{kind}的大小上限 {limit} 字节。"


class FeedbackTooManyFiles(KefuError):
    status = 422
    code = "feedback_too_many_files"
    en = "Attach at most {limit} images and videos."
    zh = "最多可附加 {limit} 个图片或视频。"


class FeedbackBodyTooLarge(KefuError):
    status = 413
    code = "feedback_body_too_large"
    en = "The submission is larger than the form accepts ({limit} bytes)."
    zh = "提交的内容超过表单上限（{limit} 字节）。"


class UnsupportedMediaType(KefuError):
    status = 415
    code = "unsupported_media_type"
    en = "Send the form as multipart/form-data or application/json."
    zh = "请以 multipart/form-data 或 application/json 格式提交表单。"


class MalformedBody(KefuError):
    status = 400
    code = "malformed_body"
    en = "The request body cannot be read: {reason}"
    zh = "无法解析请求内容：{reason}"
