using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the roster endpoints serialize them.</summary>
internal static class RosterDocs
{
    public static readonly NewRosterStudent AddByEmail = new(null, "amira@example.com");

    public static readonly RosterStudent Student =
        RosterStudent.Of("8d1f0c2a-1b7e-4c55-9a0e-3f6b2d7c9e41", "amira@example.com", "Amira Haddad", active: true, held: 12, attended: 9);

    public static readonly ApiPage<RosterStudent> Page = ApiPage.Of([Student], new PageRequest(1, 20), 1);
}
