using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>Messages, deletions and attachments outlive the app: a new app over the same database and folder reads them all.</summary>
public sealed class ChatRestartTests
{
    [Fact]
    public async Task A_restarted_app_serves_the_same_history_and_files()
    {
        var first = new SessionsAppFactory(TestDatabase.Create(), new Dictionary<string, string?>(), ownsDatabase: true);
        await ((IAsyncLifetime)first).InitializeAsync();
        try
        {
            Guid sessionId;
            string fileUrl;
            byte[] file;
            AppUser educator;
            using (var room = await ChatRoom.OpenAsync(first))
            {
                sessionId = room.SessionId;
                educator = room.Educator;
                var uploaded = await room.Student.UploadedAsync(sessionId, ChatFiles.Png(16, 16), "kept.png", "image/png");
                fileUrl = uploaded.GetProperty("url").GetString()!;
                await room.Student.SentAsync(sessionId, "Kept", attachmentIds: [uploaded.GetProperty("id").GetGuid()]);
                var removed = await room.Student.SentAsync(sessionId, "Removed");
                Assert.Equal(System.Net.HttpStatusCode.NoContent,
                    (await room.Teacher.DeleteAsync($"/api/sessions/{sessionId}/messages/{removed.GetProperty("id").GetInt64()}")).StatusCode);
                file = await room.Student.GetByteArrayAsync(fileUrl);
            }
            // The first app stops; its database and folder stay until the finally below.
            await first.DisposeAsync();

            await using var restarted = new SessionsAppFactory(first.Database,
                new Dictionary<string, string?> { ["Chat:StorageRoot"] = first.AttachmentRoot }, ownsDatabase: false, time: first.Time);
            await ((IAsyncLifetime)restarted).InitializeAsync();
            using var teacher = await restarted.Data.ClientForAsync(educator);

            var items = (await teacher.PageAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal([null, "Kept"], items.Select(m => m.GetProperty("text").GetString()));
            Assert.True(items[0].GetProperty("deleted").GetBoolean());
            Assert.Equal(file, await teacher.GetByteArrayAsync(fileUrl));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }
}
