namespace Sessions.Web.Features.Ratings.Components;

/// <summary>The resource class of the ratings' texts: the moderation page, the class page's prompt and form, the dashboard card.</summary>
public sealed class RatingsText;
