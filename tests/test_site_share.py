""" "Gửi cho bạn bè": one mail through a real SMTP server on loopback, every abuse refused with nothing sent."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import make_article
from tests.helpers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(
        title="Đẩy mạnh phong trào thi đua “Dân vận khéo”",
        lead="Đảng ủy Tổng công ty đã cụ thể hóa các quan điểm của Đảng.",
    )


def share(client, article, ip="203.0.113.5", **fields):
    data = {"recipient": "ban@example.org", "sender_name": "Nguyễn Văn An", "note": "", "website": ""}
    data.update(fields)
    return client.post(reverse("website:share", args=[article.pk]), data, REMOTE_ADDR=ip)


def notice(response) -> str:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    box = page.select_one(".notice")
    return " ".join(box.get_text(" ").split()) if box else ""


def test_article_page_links_to_the_share_form_which_has_csrf_and_a_honeypot(client, article):
    page = BeautifulSoup(client.get(article.url).content.decode(), "html.parser")
    link = page.find("a", string="Gửi cho bạn bè")
    form_page = BeautifulSoup(client.get(link["href"]).content.decode(), "html.parser")
    form = form_page.select_one("form.share-form")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.select_one(".honeypot input[name=website]")
    assert {field["name"] for field in form.select("input, textarea")} >= {"recipient", "sender_name", "note"}


def test_share_sends_exactly_one_mail_with_the_articles_title_lead_and_link(client, article, smtp_server):
    response = share(client, article, note="Bài hay <b>lắm</b> & bổ ích, đọc nhé!")
    assert response.status_code == 200
    assert "Đã gửi thư" in notice(response) and "ban@example.org" in notice(response)

    assert len(smtp_server.messages) == 1
    assert smtp_server.envelopes[0].rcpt_tos == ["ban@example.org"]
    message = smtp_server.messages[0]
    assert message["To"] == "ban@example.org"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message["Subject"].strip() == "Nguyễn Văn An gửi bạn bài viết: Đẩy mạnh phong trào thi đua “Dân vận khéo”"
    link = f"{settings.SITE_URL}{article.url}"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert link in body
        assert "Đảng ủy Tổng công ty đã cụ thể hóa các quan điểm của Đảng." in body
    assert "Bài hay <b>lắm</b> & bổ ích, đọc nhé!" in text
    assert "Bài hay &lt;b&gt;lắm&lt;/b&gt; &amp; bổ ích" in html
    assert "<b>lắm</b>" not in html
    assert "Dân vận khéo" in html


def test_a_csrf_less_post_is_refused(article, smtp_server):
    strict = Client(enforce_csrf_checks=True)
    response = share(strict, article)
    assert response.status_code == 403
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"recipient": "ban@example.org\r\nBcc: nan-nhan@example.com"}, "xuống dòng"),
        ({"recipient": "ban@example.org\nCc: a@example.com"}, "xuống dòng"),
        ({"sender_name": "An\r\nBcc: nan-nhan@example.com"}, "xuống dòng"),
        ({"sender_name": "An\nSubject: Trúng thưởng"}, "xuống dòng"),
        ({"note": "Xem thêm tại https://lua-dao.example/"}, "đường dẫn"),
        ({"note": "vào www.trung-thuong.com nhé"}, "đường dẫn"),
        ({"note": "ghé trungthuong.vn ngay"}, "đường dẫn"),
        ({"note": '<a href="x">bấm</a>'}, "đường dẫn"),
        ({"sender_name": "An http://spam.example"}, "đường dẫn"),
        ({"note": "x" * 501}, "500"),
        ({"recipient": "khong-phai-email"}, ""),
        ({"recipient": ""}, ""),
        ({"sender_name": "   "}, ""),
    ],
)
def test_abusive_or_invalid_input_is_refused_with_a_form_error_and_nothing_sent(
    client, article, smtp_server, fields, error
):
    response = share(client, article, **fields)
    assert response.status_code == 400
    assert "Thư chưa được gửi" in notice(response)
    page = BeautifulSoup(response.content.decode(), "html.parser")
    errors = " ".join(p.get_text() for p in page.select(".form-field .error"))
    assert errors and error in errors
    assert smtp_server.messages == []


def test_honeypot_filled_in_is_refused_and_nothing_sent(client, article, smtp_server):
    response = share(client, article, website="http://bot.example")
    assert response.status_code == 400
    assert "Thư chưa được gửi" in notice(response)
    assert smtp_server.messages == []


def test_unpublished_or_restricted_articles_cannot_be_shared(client, smtp_server):
    draft = make_article(publish=False)
    internal = make_article()
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    for article in (draft, internal):
        assert share(client, article).status_code == 404
        assert client.get(reverse("website:share", args=[article.pk])).status_code == 404
    assert smtp_server.messages == []


def test_rate_limit_per_ip(client, article, smtp_server, settings):
    settings.SHARE_RATE_LIMITS = {**settings.SHARE_RATE_LIMITS, "ip": (2, 3600)}
    for number in range(2):
        assert share(client, article, recipient=f"ban{number}@example.org").status_code == 200
    refused = share(client, article, recipient="ban9@example.org")
    assert refused.status_code == 429
    assert "quá nhiều thư" in notice(refused)
    assert share(client, article, ip="203.0.113.99", recipient="ban9@example.org").status_code == 200
    assert [m["To"] for m in smtp_server.messages] == ["ban0@example.org", "ban1@example.org", "ban9@example.org"]


def test_rate_limit_per_recipient_ignores_letter_case(client, article, smtp_server, settings):
    settings.SHARE_RATE_LIMITS = {**settings.SHARE_RATE_LIMITS, "recipient": (1, 86400)}
    assert share(client, article, ip="198.51.100.1").status_code == 200
    refused = share(client, article, ip="198.51.100.2", recipient="BAN@example.org")
    assert refused.status_code == 429
    assert "đã nhận đủ" in notice(refused)
    assert len(smtp_server.messages) == 1


def test_global_rate_limit(client, article, smtp_server, settings):
    settings.SHARE_RATE_LIMITS = {**settings.SHARE_RATE_LIMITS, "global": (2, 3600)}
    for number in range(2):
        assert share(client, article, ip=f"198.51.100.{number}", recipient=f"b{number}@example.org").status_code == 200
    refused = share(client, article, ip="198.51.100.50", recipient="b50@example.org")
    assert refused.status_code == 429
    assert len(smtp_server.messages) == 2


def test_smtp_server_down_says_the_mail_was_not_sent(client, article, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    response = share(client, article)
    assert response.status_code == 503
    assert "Chưa gửi được thư" in notice(response)


OBFUSCATED_LINKS = [
    "evil.de",
    "ghé evil.de nhé",
    "1.2.3.4/x",
    "192.168.1.10",
    "123.123.123.123",
    "100.200.150.250",
    "8.8.8.8:8080",
    "[2001:db8::1]",
    "//evil.example",
    "\\\\evil.example\\share",
    "mailto:x@evil.de",
    "x@evil.de",
    "javascript:alert(1)",
    "zalo:0912345678",
    "HTTPS://EVIL.EXAMPLE",
    "ＥＶＩＬ．ＣＯＭ",  # fullwidth letters and dot
    "evil。com",  # ideographic full stop
    "evil｡com",  # halfwidth ideographic full stop
    "evil﹒com",  # small full stop
    "evil․com",  # one dot leader
    "evil[.]com",
    "evil(.)com",
    "evil{.}vn",
    "evil[dot]com",
    "evil (dot) com",
    "evil dot com",
    "evil chấm com",
    "evil . com",
    "evil\u200b.com",  # zero-width space inside
    "ev\u00adil.com",  # soft hyphen inside
    "evil\u202e.com",  # bidi override inside
    "bücher.de",  # IDN host
    "пример.рф",  # IDN host and IDN TLD
    "xn--80ak6aa92e.com",  # punycode host
    "evil.xn--p1ai",  # punycode TLD
    "evil.cоm",  # Cyrillic о in the TLD
    "tiếng-việt.vn",
    "www.evil",
    "[url=x]bấm[/url]",
    '<a href="x">bấm</a>',
]

VIETNAMESE_PROSE = [
    "Ngày 29.11.2024, nhà máy đạt công suất 1.200 MW.",
    "Doanh thu 1.200.000.000 đồng, sản lượng 2.5 tỷ kWh (tăng 3.2%).",
    "Lợi nhuận 12.050.300.000 đồng, vốn 3.000.000.000 đồng.",
    "Hội nghị tổ chức tại TP. HCM, sau đó ở TP.HCM và Q.1, P.Bến Nghé.",
    "PGS.TS Nguyễn Văn A và TS.BS Trần Thị B, Th.S Lê C, v.v.",
    "Liên hệ Tel: 0912 345 678 lúc 7:30 sáng, thứ Sáu 15/11/2024.",
    "Tổ máy 4x300 MW; phiên bản 1.2.3 của quy trình; đ/c Nguyễn Văn A.",
    "“Dân vận khéo” – bài hay lắm, đọc nhé!",
]


@pytest.mark.parametrize("text", OBFUSCATED_LINKS)
def test_the_note_and_the_name_refuse_every_obfuscated_link(text):
    from cms.website.forms import ShareArticleForm

    form = ShareArticleForm({"recipient": "ban@example.org", "sender_name": f"An {text}", "note": f"Xem {text}"})
    assert not form.is_valid()
    assert "đường dẫn" in " ".join(form.errors["note"]) and "đường dẫn" in " ".join(form.errors["sender_name"])


@pytest.mark.parametrize("text", VIETNAMESE_PROSE)
def test_ordinary_vietnamese_prose_with_dates_numbers_and_abbreviations_passes(text):
    from cms.website.forms import ShareArticleForm

    form = ShareArticleForm({"recipient": "ban@example.org", "sender_name": "Nguyễn Văn An", "note": text})
    assert form.is_valid(), form.errors


def test_an_obfuscated_link_is_refused_through_the_form_and_nothing_sent(client, article, smtp_server):
    response = share(client, article, note="Trúng thưởng tại ＥＶＩＬ．ＣＯＭ")
    assert response.status_code == 400
    assert smtp_server.messages == []


def test_one_recipient_under_two_spellings_is_limited_as_one(client, article, smtp_server, settings):
    settings.SHARE_RATE_LIMITS = {**settings.SHARE_RATE_LIMITS, "recipient": (1, 86400)}
    assert share(client, article, ip="198.51.100.1", recipient="friend@example.org").status_code == 200
    for number, spelling in enumerate(["friend+x@example.org", "Friend+Tin@EXAMPLE.org", "FRIEND@example.org"]):
        refused = share(client, article, ip=f"198.51.100.{number + 2}", recipient=spelling)
        assert refused.status_code == 429, spelling
    assert len(smtp_server.messages) == 1


def test_recipient_identity_drops_the_tag_and_folds_case_and_idn():
    from cms.website.share_mail import recipient_identity

    assert recipient_identity("Friend+X@Example.ORG") == recipient_identity("friend@example.org")
    assert recipient_identity("an@bücher.de") == recipient_identity("AN+1@xn--bcher-kva.de")
    assert recipient_identity("an@example.org") != recipient_identity("anh@example.org")


def test_bidirectional_controls_are_removed_from_the_name_and_the_subject(client, smtp_server):
    article = make_article(title="Tin\u2067 mới\u2069 về nhà máy")
    response = share(client, article, sender_name="An\u202egnp.exe", note="Đọc\u202d nhé")
    assert response.status_code == 200
    message = smtp_server.messages[0]
    assert message["Subject"].strip() == "Angnp.exe gửi bạn bài viết: Tin mới về nhà máy"
    text = message.get_body(("plain",)).get_content()
    assert "Angnp.exe" in text and "Đọc nhé" in text
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f":
        assert control not in message["Subject"]
