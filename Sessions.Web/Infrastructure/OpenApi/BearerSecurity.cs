using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>The bearer scheme in the components and a requirement on exactly the operations the app authorizes.</summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The `accessToken` of `POST /api/auth/login` or `POST /api/auth/refresh`, sent as `Authorization: Bearer <token>`. "
                + "It lives 15 minutes; refresh it with the refresh token.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (ErrorRules.NeedsAuthorization(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        }
        return Task.CompletedTask;
    }
}
