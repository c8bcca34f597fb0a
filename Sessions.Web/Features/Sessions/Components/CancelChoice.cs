namespace Sessions.Web.Features.Sessions.Components;

/// <summary>The cancel dialog's answer: the reason (empty for none), and whether the series' following sessions go too.</summary>
public sealed record CancelChoice(string Reason, bool Following);
