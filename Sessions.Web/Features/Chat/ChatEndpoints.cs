using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.RateLimiting;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Chat;

public static class ChatEndpoints
{
    private static readonly ServiceError[] Membership = [SessionErrors.NotFound, SessionErrors.NotMember];
    private static readonly ServiceError[] WriteRefusals = [SessionErrors.NotLiveYet, SessionErrors.Over, ChatErrors.Disabled];

    /// <summary>What a stored file can be (a GIF is stored as PNG).</summary>
    private static readonly string[] StoredTypes = ["image/png", "image/jpeg", "image/webp", "video/mp4", "video/webm", "application/pdf"];

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Chat").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        chat.MapPost("/{id}/messages", SendAsync)
            .WithSummary("Send a chat message")
            .WithDescription("Posts a message to a live session's chat (its class's members; students only while the session's chat is on, "
                + $"at most {ChatRules.StudentMessagesPerWindow} messages per {ChatRules.RateWindow.TotalSeconds:0} s). `text`: plain text, "
                + $"1 to {ChatMessage.TextMaxLength} characters (text elements) after trimming. `attachmentIds`: up to {ChatMessage.MaxAttachments} "
                + "files the caller uploaded to this session and has not sent yet. Answered once stored, and announced to the class with "
                + "`ChatMessagePosted`. A retry with the same `clientMessageId` stores nothing new and answers the message first stored.")
            .ProducesErrors([.. Membership, .. WriteRefusals, ChatDocs.RateLimited])
            .WithExamples(ChatDocs.SendRequest, ChatDocs.Message);
        chat.MapGet("/{id}/messages", ListAsync)
            .WithSummary("Read a session's chat history")
            .WithDescription("A page of the chat's messages, newest first, for the class's members during and after the session. Deleted "
                + "messages stay in place with `deleted: true` and no text or attachments. Pass `nextBefore` as `before` for the page before.")
            .DescribeParameter("before", "Only messages older than this message id (the previous page's `nextBefore`).")
            .DescribeParameter("limit", $"Messages per page, 1 to {ChatRules.MaxPageSize}; {ChatRules.DefaultPageSize} if absent.")
            .ProducesErrors(Membership)
            .WithExamples(response: ChatDocs.Page);
        chat.MapDelete("/{id}/messages/{messageId:long}", DeleteAsync)
            .WithSummary("Delete a chat message")
            .WithDescription("Removes a message's text and attachments for everyone (`ChatMessageDeleted`). Those who teach the class may "
                + $"delete any message; a student their own, within {ChatRules.StudentDeleteWindow.TotalMinutes:0} minutes. Deleting a deleted message: 204 all the same.")
            .DescribeParameter("messageId", "The message's id.")
            .ProducesErrors([.. Membership, ChatErrors.MessageNotFound, ChatErrors.DeleteNotAllowed]);
        chat.MapPost("/{id}/attachments", UploadAsync)
            .RequireRateLimiting(RateLimitPolicies.ChatUpload)
            // Bearer-only like every state-changing API call (CredentialSelection): no form antiforgery token to check.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MediaLimits.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a chat attachment")
            .WithDescription("One file as `multipart/form-data`, judged by its bytes (never its name or declared type): images (PNG, JPEG, "
                + $"WebP, GIF) up to {MediaLimits.MaxImageBytes / MediaLimits.MiB} MB, videos (MP4, WebM) up to {MediaLimits.MaxVideoBytes / MediaLimits.MiB} MB, "
                + $"PDFs up to {MediaLimits.MaxPdfBytes / MediaLimits.MiB} MB. Images are re-encoded (metadata such as EXIF GPS removed, the EXIF "
                + "orientation applied; a GIF keeps its first frame, as PNG) and get a thumbnail. Send its `id` in a message's `attachmentIds`; "
                + "until then only the uploader can read it. Same rules as sending: a live session, the chat on for students.")
            .ProducesErrors([.. Membership, .. WriteRefusals, ChatErrors.AttachmentEmpty, ChatErrors.AttachmentMissing, ChatDocs.TooLarge, ChatErrors.UnsupportedMediaType])
            .WithExamples(response: ChatDocs.Attachment);
        DescribeRead(chat.MapGet("/{id}/attachments/{attachmentId:guid}", GetFileAsync))
            .WithSummary("Read a chat attachment")
            .WithDescription("The file, for the class's members: its stored type, `X-Content-Type-Options: nosniff`, inline for images and "
                + "video (range requests supported), a download for PDFs. Gone (410) once its message is deleted.");
        DescribeRead(chat.MapGet("/{id}/attachments/{attachmentId:guid}/thumbnail", GetThumbnailAsync))
            .WithSummary("Read a chat image's thumbnail")
            .WithDescription("The image's thumbnail, for the class's members (images only).");
        return app;
    }

    private static RouteHandlerBuilder DescribeRead(RouteHandlerBuilder read) => read
        // The room page shows images and video with plain <img>/<video> tags, which send the portal's cookie, not a bearer token.
        .AllowCookieDownload()
        .DescribeParameter("attachmentId", "The attachment's id.")
        .Produces<Stream>(StatusCodes.Status200OK, StoredTypes[0], StoredTypes[1..])
        .Produces<Stream>(StatusCodes.Status206PartialContent, StoredTypes[0], StoredTypes[1..])
        .ProducesErrors([.. Membership, ChatErrors.AttachmentNotFound, ChatErrors.AttachmentRemoved]);

    private static async Task<Results<Created<ChatMessageDto>, ProblemHttpResult>> SendAsync(
        Guid id, SendChatMessageRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken ct)
    {
        var result = await chat.SendAsync(SessionActor.From(user), id, request, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Created(ChatUrls.Message(id, result.Value!.Id), result.Value);
    }

    private static async Task<Results<Ok<ChatPageDto>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, ChatService chat, CancellationToken ct, long? before = null, int? limit = null)
    {
        var result = await chat.ListAsync(SessionActor.From(user), id, before, limit, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, long messageId, ClaimsPrincipal user, ChatService chat, CancellationToken ct)
    {
        var result = await chat.DeleteAsync(SessionActor.From(user), id, messageId, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
    }

    /// <summary>Reads the multipart body section by section and streams the first file part on, unbuffered.</summary>
    private static async Task<Results<Created<ChatAttachmentDto>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, ChatAttachments attachments, CancellationToken ct)
    {
        if (request.ContentLength > MediaLimits.MaxRequestBytes)
        {
            return ChatErrors.TooLarge(null).ToProblem();
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ChatErrors.AttachmentMissing.ToProblem();
        }
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var result = await attachments.UploadAsync(SessionActor.From(user), id, section.Body, fileName, ct);
                    return result.Error is { } error
                        ? error.ToProblem()
                        : TypedResults.Created(ChatUrls.Attachment(id, result.Value!.Id), result.Value);
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ChatErrors.TooLarge(null).ToProblem();
        }
        catch (InvalidDataException)
        {
            // Framing the reader could not follow (a missing boundary, an oversized header).
            return ChatErrors.AttachmentMissing.ToProblem();
        }
        return ChatErrors.AttachmentMissing.ToProblem();
    }

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetFileAsync(
        Guid id, Guid attachmentId, HttpContext context, ChatAttachments attachments, CancellationToken ct) =>
        ServeAsync(id, attachmentId, thumbnail: false, context, attachments, ct);

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetThumbnailAsync(
        Guid id, Guid attachmentId, HttpContext context, ChatAttachments attachments, CancellationToken ct) =>
        ServeAsync(id, attachmentId, thumbnail: true, context, attachments, ct);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(
        Guid id, Guid attachmentId, bool thumbnail, HttpContext context, ChatAttachments attachments, CancellationToken ct)
    {
        var result = await attachments.OpenAsync(SessionActor.From(context.User), id, attachmentId, thumbnail, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }
        var file = result.Value!;
        var disposition = new ContentDispositionHeaderValue(file.Inline ? "inline" : "attachment");
        // filename (ASCII) and filename* (RFC 5987, UTF-8) both: every browser names the download as uploaded.
        disposition.SetHttpFileName(file.FileName);
        var headers = context.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        // Files are private to the class: no shared cache keeps them.
        headers.CacheControl = "private, max-age=300";
        return TypedResults.File(file.Content, file.ContentType, enableRangeProcessing: true);
    }
}
