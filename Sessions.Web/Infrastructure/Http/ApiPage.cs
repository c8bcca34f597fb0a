namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// Every collection the API answers: <c>{ items, page, pageSize, totalItems, totalPages }</c>, so a client pages each list
/// the same way.
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);

public static class ApiPage
{
    public static ApiPage<T> Of<T>(IReadOnlyList<T> items, PageRequest request, int totalItems) =>
        new(items, request.Page, request.PageSize, totalItems, (totalItems + request.PageSize - 1) / request.PageSize);
}

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters of every list.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest Read(FieldErrors errors, int page, int pageSize)
    {
        if (page < 1)
        {
            errors.Add("page", "page must be 1 or more.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }
        return new PageRequest(page, pageSize);
    }
}
