using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>
/// What an endpoint tells the OpenAPI document beyond its signature, declared on its <c>Map...</c> line or its group, so
/// that the document is built from the same objects the handlers answer with.
/// </summary>
public static class ApiDocs
{
    /// <summary>The refusals this endpoint's services answer with; the common ones are derived (<see cref="ErrorRules"/>).</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ServiceError[] errors)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ProducesErrorsMetadata(errors));

    /// <summary>Describes a route, query or header parameter wherever it occurs in this endpoint or group.</summary>
    public static TBuilder DescribeParameter<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ParameterDescriptionMetadata(name, description));

    /// <summary>Example values, serialized with the app's own JSON options so that they show the wire format exactly.</summary>
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, object? request = null, object? response = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ExamplesMetadata(request, response));

    /// <summary>
    /// Named pairs of examples, for an endpoint whose request chooses among shapes of its answer: each name is an entry of
    /// the request's and the success's <c>examples</c> (and no single <c>example</c> is written then).
    /// </summary>
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, params (string Name, object Request, object Response)[] named)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new NamedExamplesMetadata(named));

    /// <summary>
    /// A success answered in one of several shapes (a request member chooses which): the status's schema becomes a
    /// <c>oneOf</c> of them, in this order, where the signature can name only one per status.
    /// </summary>
    public static TBuilder ProducesOneOf<TBuilder>(this TBuilder builder, int statusCode, params Type[] shapes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new OneOfResponseMetadata(statusCode, shapes));
}

public sealed record OneOfResponseMetadata(int StatusCode, IReadOnlyList<Type> Shapes);

public sealed record ProducesErrorsMetadata(IReadOnlyList<ServiceError> Errors);

public sealed record ParameterDescriptionMetadata(string Name, string Description);

public sealed record ExamplesMetadata(object? Request, object? Response);

public sealed record NamedExamplesMetadata(IReadOnlyList<(string Name, object Request, object Response)> Examples);
