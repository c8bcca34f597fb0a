using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class ClassDocs
{
    public static readonly SessionHostDto Owner = new("5f0c1c43-3f6e-4a3b-9d43-5c1e0d8b2a10", "Ms. Rivera");

    public static readonly SessionHostDto CoEducator = new("9a1d2e3f-4b5c-4d6e-8f70-1a2b3c4d5e6f", "Mr. Okafor");

    public static readonly CoEducatorBody AddCoEducator = new(CoEducator.Id);

    public static readonly ClassEducatorsDto Educators = new(7, Owner, [CoEducator]);
}
