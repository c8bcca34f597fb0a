using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class ChatDocs
{
    private static readonly Guid SessionId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static readonly ServiceError RateLimited = ChatErrors.RateLimited(TimeSpan.FromSeconds(4));

    public static readonly ServiceError TooLarge = ChatErrors.TooLarge(AttachmentKind.Image);

    public static readonly ChatAttachmentDto Attachment = new(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), "image", "worksheet.jpg",
        "image/jpeg", 245_112, 1600, 1200, ChatUrls.Thumbnail(SessionId, Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")),
        ChatUrls.Attachment(SessionId, Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")));

    public static readonly SendChatMessageRequest SendRequest = new(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
        "Here is question 3 of the worksheet.", [Attachment.Id]);

    public static readonly ChatMessageDto Message = new(1042, SendRequest.ClientMessageId,
        new ChatSenderDto("b7f2c1d0-5c1e-4d7a-9f0e-2a6c8e4b1f33", "Lina Haddad", ChatRoles.Student), SendRequest.Text, [Attachment],
        new DateTimeOffset(2027, 4, 1, 9, 12, 5, TimeSpan.Zero), Deleted: false, DeletedAt: null);

    public static readonly ChatPageDto Page = new([Message], 1041);
}
