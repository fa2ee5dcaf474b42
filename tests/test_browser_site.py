"""End to end in a real headless Chromium: a phone reader and a desktop reader on the corporate site.

Runs with the normal suite when Debian's `chromium` (/usr/bin/chromium) and the `playwright`
package are installed (`apt-get install -y chromium`); skipped with the reason otherwise.
Screenshots of the article page at both widths are saved in test-artifacts/.
"""

import datetime
import os
from pathlib import Path

from django.conf import settings

from cms.news.models import ArticleDailyViews
from cms.website import view_counts
from tests.factories import AuthorFactory, ImageFactory, field_section, make_article, paragraph
from tests.helpers import BROWSER_MARKS

# Headless Chromium calls itself HeadlessChrome, which the view counter rightly treats as a bot;
# this test plays a real reader on a phone.
READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

pytestmark = BROWSER_MARKS


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_reader_opens_an_article_shares_it_and_the_view_is_counted(live_server, browser, smtp_server):  # noqa: F811
    article = make_article(
        title="Đẩy mạnh phong trào thi đua “Dân vận khéo” trong EVNGENCO2",
        date=datetime.date(2024, 11, 29),
        lead="Đảng ủy Tổng công ty đã cụ thể hóa các quan điểm của Đảng, Nhà nước về công tác dân vận.",
        hero_image=ImageFactory(),
        hero_caption="Đơn vị thành viên tổ chức Hội nghị nghiên cứu, học tập chuyên đề toàn khóa",
        author=AuthorFactory(name="Phương Linh"),
        body=[
            paragraph("Phong trào thi đua thực hiện “Dân vận khéo” đã được gắn với việc học tập và làm theo Bác."),
            field_section(
                "Lĩnh vực kinh tế", "Khéo” trong vận động doanh nghiệp và người lao động phát triển kinh tế."
            ),
            paragraph("Trong thời gian tới, EVNGENCO2 tiếp tục đẩy mạnh phong trào thi đua."),
        ],
    )
    make_article(title="Một tin khác của Tổng công ty")
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(user_agent=READER_AGENT, viewport={"width": 360, "height": 740})
    page = context.new_page()

    # Home page on a phone: the article is listed, nothing wider than the screen.
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").count() == 1
    assert no_horizontal_scroll(page)

    # Open the article from the list; the page's beacon reports the view.
    with page.expect_response(lambda response: "/luot-xem/" in response.url) as beacon:
        page.get_by_role("link", name=article.title).first.click()
    assert beacon.value.status == 204
    assert page.locator("h1").inner_text() == article.title
    assert page.locator("article.article > .article-date").inner_text() == "Thứ Sáu, 29/11/2024"
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "article-360.png"), full_page=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "article-1280.png"), full_page=True)
    page.goto(f"{live_server.url}/")
    assert no_horizontal_scroll(page)

    # "Gửi cho bạn bè": fill in the form and see the confirmation; the mail arrives.
    page.goto(f"{live_server.url}{article.url}")
    page.get_by_role("link", name="Gửi cho bạn bè").click()
    page.get_by_label("E-mail người nhận").fill("ban@example.org")
    page.get_by_label("Tên của bạn").fill("Nguyễn Văn An")
    page.get_by_label("Lời nhắn (không bắt buộc)").fill("Bài viết hay, bạn đọc nhé.")
    page.get_by_role("button", name="Gửi").click()
    assert "Đã gửi thư" in page.locator(".notice").inner_text()
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["To"] == "ban@example.org"

    # The reader opened the article three times today: one view, once flushed.
    view_counts.flush_view_counts()
    assert ArticleDailyViews.objects.get(article=article).views == 1
    page.goto(f"{live_server.url}/")
    assert article.title in page.locator(".most-viewed").inner_text()
    context.close()
    assert (ARTIFACTS / "article-360.png").stat().st_size > 0
    assert os.path.getsize(ARTIFACTS / "article-1280.png") > 0
