namespace Sessions.Web.Features.Administration.Importing;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoint serializes them.</summary>
internal static class ImportDocs
{
    public static readonly ImportResultDto Result = new(false,
        [
            new(2, "ana@example.com", "Ana Lima", "Student", "ALG-2", "Europe/Lisbon", ImportAccounts.New, ImportActions.Create, []),
            new(3, "teacher@example.com", "Ms. Rivera", "Educator", "ALG-2", "Europe/Paris", ImportAccounts.Exists, ImportActions.AddCoEducator, []),
        ],
        new(2, 0, 1, 1, 1, 0),
        [new("ana@example.com", "Ana Lima", "https://sessions.example.com/account/set-password?token=CfDJ8N3kq...",
            new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero))]);
}
