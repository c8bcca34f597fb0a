using Microsoft.AspNetCore.Http.HttpResults;

namespace Sessions.Web.Infrastructure.Http;

public static class ProblemResults
{
    public const string CodeKey = "code";

    public static ProblemHttpResult ToProblem(this ServiceError error)
    {
        var extensions = new Dictionary<string, object?> { [CodeKey] = error.Code };
        foreach (var (key, value) in error.Details ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }
        return TypedResults.Problem(error.Message, statusCode: error.StatusCode, extensions: extensions);
    }
}
