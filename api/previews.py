"""What a preview link opens: the draft's JSON, as the API's article detail shows articles.

The link itself (a signed, expiring token, and the admin page that hands it to an editor) is
the site's, cms/website/preview_links.py; its route stays the site's `/xem-truoc/<token>/`.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cms.news.models import ArticlePage
from cms.website import preview_links

from .serializers import ArticleDetailSerializer


def draft_representation(page: ArticlePage) -> dict:
    """The latest revision (draft or not) exactly as the API's article detail shows articles
    (the same serializer, so the two never drift), plus the draft's publishing status."""
    draft = page.get_latest_revision_as_object()
    revision = page.latest_revision
    fields = tuple(name for name in ArticleDetailSerializer().fields if name != "related")
    data = ArticleDetailSerializer(draft, fields=fields).data
    data["url"] = data["url"] if page.live else None
    data["preview"] = {
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "revision_id": revision.pk if revision else None,
        "revision_created_at": revision.created_at.isoformat() if revision else None,
        "go_live_at": draft.go_live_at.isoformat() if draft.go_live_at else None,
    }
    return data


@never_cache
@require_safe
def preview_link(request: HttpRequest, token: str) -> JsonResponse:
    """The draft's API JSON for whoever holds a valid, unexpired signed link."""
    try:
        page = preview_links.page_for_token(token)
    except preview_links.PreviewLinkExpired:
        return JsonResponse(
            {"error": "link_expired", "detail": "Liên kết xem trước đã hết hạn. Hãy xin biên tập viên liên kết mới."},
            status=403,
        )
    except preview_links.PreviewLinkInvalid:
        return JsonResponse({"error": "link_invalid", "detail": "Liên kết xem trước không hợp lệ."}, status=404)
    response = JsonResponse(draft_representation(page), json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
