namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// The resource class of the errors' texts in other languages, keyed by the stable <see cref="ServiceError.Code"/>
/// (and <c>status_404</c>-style keys for the titles). English stays where each error is declared (the features'
/// <c>*Errors.cs</c>), so <c>ErrorMessages.resx</c> is empty and <c>ErrorMessages.ar.resx</c> holds Arabic.
/// </summary>
public sealed class ErrorMessages;
