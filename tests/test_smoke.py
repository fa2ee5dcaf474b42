import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_published_article_page_renders_its_date_line(client):
    article = make_article(title="Đẩy mạnh sản xuất", lead="Sapo ngắn.")
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.date_display in response.content.decode()
