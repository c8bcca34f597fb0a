using System.Security.Cryptography;
using System.Text.Json;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// A first look at a service-account key file, enough to fail start-up with a clear message and to default the
/// project id. Problems name the file, never its contents.
/// </summary>
internal static class ServiceAccountFile
{
    public static ServiceAccountInspection Inspect(string path)
    {
        if (!File.Exists(path))
        {
            return ServiceAccountInspection.Fail("does not exist");
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "service_account")
            {
                return ServiceAccountInspection.Fail("is not a service-account key (its \"type\" is not \"service_account\")");
            }
            if (Text(root, "client_email") is null || Text(root, "private_key") is not { } privateKey)
            {
                return ServiceAccountInspection.Fail("is not a complete service-account key (it lacks \"client_email\" or \"private_key\")");
            }
            if (!IsRsaKey(privateKey))
            {
                return ServiceAccountInspection.Fail("has a \"private_key\" that is not a PEM-encoded RSA key");
            }
            return new ServiceAccountInspection(null, Text(root, "project_id"));
        }
        catch (JsonException)
        {
            return ServiceAccountInspection.Fail("is not valid JSON");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ServiceAccountInspection.Fail("cannot be read");
        }
    }

    private static bool IsRsaKey(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

/// <param name="Problem">What is wrong with the file, phrased to follow its path; null when it looks usable.</param>
internal sealed record ServiceAccountInspection(string? Problem, string? ProjectId)
{
    public static ServiceAccountInspection Fail(string problem) => new(problem, null);
}
