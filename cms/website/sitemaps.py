"""sitemap.xml: the live, public pages of the site, articles only when `published_articles()` says so."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap

from cms.news.models import ArticlePage
from cms.news.renditions import absolute_url
from cms.news.selectors import published_articles


class PublicPagesSitemap(Sitemap):
    """Wagtail's sitemap, with articles filtered by THE query layer (publication window included)
    and locations built from settings.SITE_URL like every other absolute URL we publish."""

    def items(self):
        article_type = ContentType.objects.get_for_model(ArticlePage)
        return super().items().filter(~Q(content_type=article_type) | Q(pk__in=published_articles().values("pk")))

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            relative = item.get_url(self.request)
            if relative:
                urls.append({"item": item, "location": absolute_url(relative), "lastmod": self.lastmod(item)})
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
