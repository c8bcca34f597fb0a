using System.Globalization;
using System.Text;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>The new accounts' set-password links as a CSV file to download: <c>email,displayName,link,expiresUtc</c>.</summary>
public static class PasswordLinksCsv
{
    public const string FileName = "set-password-links.csv";

    /// <param name="absolute">Turns a link's path into the whole URL its owner opens.</param>
    public static string Build(IEnumerable<ImportedAccount> accounts, Func<string, string> absolute)
    {
        var csv = new StringBuilder(CsvText.Line("email", "displayName", "link", "expiresUtc"));
        foreach (var account in accounts)
        {
            csv.Append(CsvText.Line(account.Email, account.DisplayName, absolute(account.Link.Path),
                account.Link.ExpiresUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        return csv.ToString();
    }

    /// <summary>
    /// The file as a <c>data:</c> URL for a download link: no script and no request (a link in the page cannot carry the
    /// API's bearer token). A download is not governed by the Content-Security-Policy, which keeps <c>data:</c> to images.
    /// With the byte order mark, so Excel reads Arabic display names.
    /// </summary>
    public static string DataUrl(string csv) => "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(CsvText.Utf8WithBom(csv));
}
