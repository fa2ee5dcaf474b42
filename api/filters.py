"""Query parameters of the article list: parsed and validated here, so views stay thin.

Every bad value becomes a form error keyed by the parameter's name; views turn those into
`400 {"errors": {"<parameter>": ["<what is wrong and what is allowed>"]}}`.
"""

import django_filters
from django import forms
from django.core.validators import validate_slug
from django.db.models import QuerySet
from taggit.models import Tag

from cms.news.models import ArticlePage, Author, Category, MemberUnit
from cms.news.selectors import authors_in_use, in_unit, search_articles, tags_in_use

from .errors import form_errors
from .pagination import ORDERINGS, checked_moment
from .serializers import DETAIL_FIELDS, LIST_FIELDS

MAX_SLUGS_PER_FILTER = 50
MAX_QUERY_LENGTH = 200
DATE_FORMAT_HELP = "dùng định dạng YYYY-MM-DD, ví dụ 2024-11-29"
DATETIME_FORMAT_HELP = "dùng ISO 8601, ví dụ 2024-11-29T08:00:00+07:00"


class BoundedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601, with an offset the database can store and a moment it can compare with."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return checked_moment(moment)
        except ValueError as error:
            raise forms.ValidationError(
                f"Thời điểm ngoài phạm vi: độ lệch múi giờ tối đa ±15:59, năm từ 1 đến 9999; {DATETIME_FORMAT_HELP}."
            ) from error


class BoundedIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = BoundedIsoDateTimeField


class CommaSeparatedSlugsField(forms.CharField):
    """`a,b,c` → ["a", "b", "c"], each a known slug of `model`.

    With `in_use`, a slug is known only when one of `articles` (the caller's published
    articles, set by the filter set) uses it: `in_use(articles)` → the model's queryset.
    """

    def __init__(self, *, model=None, listing: str = "", in_use=None, **kwargs):
        self.model = model
        self.listing = listing
        self.in_use = in_use
        self.articles: QuerySet | None = None
        super().__init__(**kwargs)

    def known_objects(self) -> QuerySet:
        if self.in_use is not None and self.articles is not None:
            return self.in_use(self.articles)
        return self.model.objects.all()

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return []
        slugs = list(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
        if len(slugs) > MAX_SLUGS_PER_FILTER:
            raise forms.ValidationError(f"Tối đa {MAX_SLUGS_PER_FILTER} giá trị, cách nhau bởi dấu phẩy.")
        for slug in slugs:
            try:
                validate_slug(slug)
            except forms.ValidationError as error:
                raise forms.ValidationError(f"'{slug}' không phải là slug hợp lệ (chữ thường, số, dấu -).") from error
        known = set(self.known_objects().filter(slug__in=slugs).values_list("slug", flat=True))
        unknown = [slug for slug in slugs if slug not in known]
        if unknown:
            raise forms.ValidationError(
                f"Không có {self.listing}: {', '.join(unknown)}. "
                "Giá trị hợp lệ là slug, nhiều slug cách nhau bởi dấu phẩy."
            )
        return slugs


class SlugListFilter(django_filters.Filter):
    """Articles linked to any of the given slugs (OR); combined with other filters by AND."""

    field_class = CommaSeparatedSlugsField

    def __init__(self, *, relation: str, rule=None, **kwargs):
        self.relation, self.rule = relation, rule
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        if not value:
            return qs
        if self.rule is not None:  # the selectors' own rule for this relation
            return self.rule(qs, value)
        # A subquery rather than a join: an article in two of the categories must appear once.
        matching = ArticlePage.objects.filter(**{f"{self.relation}__in": value}).values("pk")
        return qs.filter(pk__in=matching)


class ArticleFilterSet(django_filters.FilterSet):
    unit = SlugListFilter(
        relation="units__slug",
        model=MemberUnit,
        listing="đơn vị",
        rule=lambda articles, slugs: in_unit(articles, MemberUnit.objects.filter(slug__in=slugs)),
    )
    category = SlugListFilter(relation="categories__slug", model=Category, listing="chuyên mục")
    # Units and categories are public (/api/v1/units/, /categories/ list them all); tags and
    # authors exist for a caller only through the articles it may see.
    tag = SlugListFilter(relation="tags__slug", model=Tag, listing="từ khóa", in_use=tags_in_use)
    author = SlugListFilter(relation="author__slug", model=Author, listing="tác giả", in_use=authors_in_use)
    slug = django_filters.CharFilter(field_name="slug", max_length=255)
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": f"Ngày không hợp lệ: {DATE_FORMAT_HELP}."},
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": f"Ngày không hợp lệ: {DATE_FORMAT_HELP}."},
    )
    updated_since = BoundedIsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        error_messages={"invalid": f"Thời điểm không hợp lệ: {DATETIME_FORMAT_HELP}."},
    )
    q = django_filters.CharFilter(method="search", max_length=MAX_QUERY_LENGTH)

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        for name in ("tag", "author"):
            self.filters[name].field.articles = self.queryset

    def search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return search_articles(qs, value) if value.strip() else qs


def filter_articles(params, articles: QuerySet) -> tuple[QuerySet, dict[str, list[str]]]:
    """`articles` narrowed by the list's filters, and the errors of each bad parameter (empty when valid)."""
    filterset = ArticleFilterSet(params, queryset=articles)
    if not filterset.is_valid():
        return articles.none(), form_errors(filterset.form)
    data = filterset.form.cleaned_data
    if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
        return articles.none(), {"date_to": ["Phải bằng hoặc sau date_from."]}
    return filterset.qs, {}


class FieldsField(forms.CharField):
    """`fields=title,date` → ("id", "title", "date"): `id` always comes back."""

    def __init__(self, *, allowed: tuple[str, ...], **kwargs):
        self.allowed = allowed
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        names = [part.strip() for part in value.split(",") if part.strip()]
        unknown = [name for name in names if name not in self.allowed]
        if unknown or not names:
            raise forms.ValidationError(
                f"Trường không tồn tại: {', '.join(unknown) or '(trống)'}. "
                f"Các trường hợp lệ: {', '.join(self.allowed)}."
            )
        return tuple(dict.fromkeys(["id", *names]))


def limit_field(*, default: int, maximum: int) -> forms.IntegerField:
    message = f"Phải là số nguyên từ 1 đến {maximum} (mặc định {default})."
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=maximum,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class ArticleListForm(forms.Form):
    """Ordering, page size, cursor and field subset of the article list."""

    ordering = forms.ChoiceField(
        required=False,
        choices=[(name, name) for name in ORDERINGS],
        error_messages={"invalid_choice": f"Giá trị hợp lệ: {', '.join(ORDERINGS)}."},
    )
    limit = limit_field(default=20, maximum=100)
    cursor = forms.CharField(required=False, max_length=500)
    fields = FieldsField(allowed=LIST_FIELDS, required=False)


class ArticleDetailForm(forms.Form):
    fields = FieldsField(allowed=DETAIL_FIELDS, required=False)


class UnitSlugField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=MemberUnit.objects.all(),
            to_field_name="slug",
            required=False,
            error_messages={"invalid_choice": "Không có đơn vị này: dùng một slug trong /api/v1/units/."},
            **kwargs,
        )


class MostViewedForm(forms.Form):
    days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=90,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"), "Phải là số nguyên từ 1 đến 90 (mặc định 7)."
        ),
    )
    unit = UnitSlugField()
    limit = limit_field(default=10, maximum=50)


class ChangesForm(forms.Form):
    since = forms.RegexField(
        regex=r"^[0-9]{1,18}$",
        required=False,
        error_messages={
            "invalid": "Con trỏ không hợp lệ: dùng `next_cursor` của lần đọc trước, hoặc bỏ trống để đọc từ đầu."
        },
    )
    unit = UnitSlugField()
    limit = limit_field(default=100, maximum=500)
