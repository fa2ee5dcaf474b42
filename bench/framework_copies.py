"""Wagtail's own URL and rendition lookup beside the project's copies (cms/news/page_urls.py,
cms/news/renditions.py), on one response's worth of cards from the bench database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_bench .venv/bin/python -m bench.framework_copies

Each line is the median time for 50 cards, taken the way a response takes it: a fresh
`PublicUrls` (and for Wagtail, a fresh cache object for its site roots) per response.
bench/README.md keeps the numbers that justify the copies.
"""

import os
import statistics
import time

ROUNDS = 50


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("BENCH_CACHE", "off")
    import django

    django.setup()
    from cms.news.cards import article_cards
    from cms.news.page_urls import PublicUrls
    from cms.news.renditions import RENDITION_FILTERS, prefetched_rendition
    from cms.news.selectors import published_articles

    cards = article_cards(published_articles()[:50])
    images = [card.hero_image for card in cards if card.hero_image]

    def wagtail_urls():
        cache_object = type("ResponseCache", (), {})()  # Wagtail keeps the site roots on it
        return [card.get_url_parts(cache_object)[2] for card in cards]

    def our_urls():
        urls = PublicUrls()
        return [urls.path(card) for card in cards]

    def wagtail_renditions():
        return [image.get_rendition(spec) for image in images for spec in RENDITION_FILTERS]

    def our_renditions():
        return [prefetched_rendition(image, spec) for image in images for spec in RENDITION_FILTERS]

    assert wagtail_urls() == our_urls()
    assert [r.pk for r in wagtail_renditions()] == [r.pk for r in our_renditions()]
    for label, run in (
        ("Wagtail get_url_parts, 50 pages", wagtail_urls),
        ("PublicUrls.path, 50 pages", our_urls),
        (f"Wagtail get_rendition, {len(images) * len(RENDITION_FILTERS)} prefetched", wagtail_renditions),
        (f"prefetched_rendition, {len(images) * len(RENDITION_FILTERS)} prefetched", our_renditions),
    ):
        for _ in range(5):
            run()
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        print(f"{label:45s} p50 {statistics.median(times):6.2f} ms")


if __name__ == "__main__":
    main()
