using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// Written for the mobile developer who has only this document; README "API conventions" says the same.
    /// </summary>
    private const string Conventions = """
        The Sessions portal's HTTP API for the mobile apps.

        **Conventions**
        - JSON members are camelCase, in requests and responses alike, and resources are answered bare, without an envelope.
          Two contracts fixed by their clients keep their own shape on their own endpoint only: the mobile `POST /sessions/start`
          (header `api-version: 6`) and the portal start `POST /api/sessions/{id}/start` (the `{success, data, timestamp}` envelope
          with snake_case `session` and `agora` objects).
        - Every refusal is RFC 9457 ProblemDetails (`application/problem+json`) with a stable machine-readable `code` and a `traceId`;
          `validation_failed` adds `errors` (every invalid field and its messages), `rate_limited` and `locked_out` add
          `retryAfterSeconds` and the `Retry-After` header. Each operation lists, per status, the codes it answers with.
        - Times are ISO 8601 with an offset (`2027-04-01T09:00:00+02:00`); a time without an offset is refused.
        - Authentication: `POST /api/auth/login` answers a bearer token (15 minutes) and a refresh token; send
          `Authorization: Bearer <accessToken>`, and exchange the refresh token (once: it works one time) at `POST /api/auth/refresh`.
          A request with a browser `Origin` the portal does not trust may not change state (403 `origin_not_allowed`); native apps send none.
        - The live hub `/hubs/sessions` (SignalR) is described in its own AsyncAPI 3.0 document, `/asyncapi/v1.json`.
        """;

    public static IServiceCollection AddSessionsOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Sessions API", Version = "v1", Description = Conventions };
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer<ErrorResponses>();
        options.AddDocumentTransformer<BearerSecurity>();
        options.AddOperationTransformer<OperationDetails>();
        // A field message is written as one string in the request's language (FieldMessageJson), not as its parts.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(FieldMessage))
            {
                schema.Type = JsonSchemaType.String;
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer<ErrorResponses>();
        options.AddOperationTransformer<BearerSecurity>();
    });
}
