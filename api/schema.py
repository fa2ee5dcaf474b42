"""OpenAPI details drf-spectacular cannot guess: our API-key scheme, and only /api/v1/ in the schema."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

API_PREFIX = "/api/v1/"


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.keys.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": "Khóa API của đơn vị; cũng có thể gửi trong `Authorization: Api-Key <khóa>`.",
        }


def only_public_api(endpoints, **kwargs):
    """Preprocessing hook: Wagtail's own admin API is not part of our contract."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def empty_values_mean_absent(result, generator, request, public):
    """Postprocessing hook: every query parameter sent empty (`?limit=`) is taken as not sent,
    which OpenAPI says with `allowEmptyValue`."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
