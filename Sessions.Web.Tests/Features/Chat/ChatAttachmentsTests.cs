using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Chat;
using Sessions.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>Uploading, checking, re-encoding and serving chat attachments, on the real store under the app's own folder.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ChatAttachmentsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_photo_s_EXIF_with_its_GPS_position_is_gone_and_its_orientation_applied()
    {
        using var room = await ChatRoom.OpenAsync(app);
        // Stored 60 × 40, meant to be seen turned a quarter clockwise: 40 × 60.
        var photo = ChatFiles.Jpeg(60, 40, orientation: 6);
        Assert.Contains(ChatFiles.GpsMarker, Encoding.ASCII.GetString(photo));

        var uploaded = await room.Student.UploadedAsync(room.SessionId, photo, "IMG_0042.JPG", "image/jpeg");
        var stored = await room.Student.GetByteArrayAsync(uploaded.GetProperty("url").GetString());
        var thumbnail = await room.Student.GetByteArrayAsync(uploaded.GetProperty("thumbnailUrl").GetString());

        Assert.Equal("image/jpeg", uploaded.GetProperty("contentType").GetString());
        Assert.Equal((40, 60), (uploaded.GetProperty("width").GetInt32(), uploaded.GetProperty("height").GetInt32()));
        foreach (var file in new[] { stored, thumbnail })
        {
            var text = Encoding.ASCII.GetString(file);
            Assert.DoesNotContain(ChatFiles.GpsMarker, text);
            Assert.DoesNotContain("Exif", text);
            using var codec = SKCodec.Create(new MemoryStream(file));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
        using var upright = SKBitmap.Decode(stored);
        Assert.Equal((40, 60), (upright.Width, upright.Height));
        Assert.Equal(stored.Length, uploaded.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_PNG_s_eXIf_chunk_is_gone_and_a_large_image_gets_a_small_thumbnail()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var png = ChatFiles.Png(1000, 500);
        Assert.Contains(ChatFiles.GpsMarker, Encoding.ASCII.GetString(png));

        var uploaded = await room.Student.UploadedAsync(room.SessionId, png, "worksheet.png", "image/png");
        var stored = await room.Student.GetByteArrayAsync(uploaded.GetProperty("url").GetString());
        var thumbnail = await room.Student.GetByteArrayAsync(uploaded.GetProperty("thumbnailUrl").GetString());

        Assert.DoesNotContain(ChatFiles.GpsMarker, Encoding.ASCII.GetString(stored));
        Assert.DoesNotContain("eXIf", Encoding.ASCII.GetString(stored));
        using var small = SKBitmap.Decode(thumbnail);
        Assert.Equal((320, 160), (small.Width, small.Height));
        using var full = SKBitmap.Decode(stored);
        Assert.Equal((1000, 500), (full.Width, full.Height));
    }

    [Fact]
    public async Task A_GIF_keeps_its_first_frame_as_a_PNG()
    {
        using var room = await ChatRoom.OpenAsync(app);

        var uploaded = await room.Student.UploadedAsync(room.SessionId, ChatFiles.Gif(), "dance.gif", "image/gif");

        Assert.Equal("image/png", uploaded.GetProperty("contentType").GetString());
        Assert.Equal("dance.png", uploaded.GetProperty("fileName").GetString());
        using var response = await room.Student.GetAsync(uploaded.GetProperty("url").GetString());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_kind_comes_from_the_bytes_never_the_name_or_declared_type()
    {
        using var room = await ChatRoom.OpenAsync(app);

        await (await room.Student.UploadAsync(room.SessionId, ChatFiles.Executable(), "holiday.png", "image/png"))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await room.Student.UploadAsync(room.SessionId, "<svg onload=alert(1)/>"u8.ToArray(), "logo.svg", "image/svg+xml"))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        // Starts like a PNG, is none: refused when it cannot be decoded, not stored as is.
        await (await room.Student.UploadAsync(room.SessionId, [.. ChatFiles.Png(4, 4)[..16], .. new byte[64]], "broken.png", "image/png"))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await room.Student.UploadAsync(room.SessionId, [], "empty.pdf", "application/pdf"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "attachment_empty");
        // A PDF named and declared as a photo is stored as the PDF it is, and offered as a download.
        var pdf = await room.Student.UploadedAsync(room.SessionId, ChatFiles.Pdf(), "photo.jpg", "image/jpeg");
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Equal("pdf", pdf.GetProperty("kind").GetString());
        using var download = await room.Student.GetAsync(pdf.GetProperty("url").GetString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var webm = await room.Student.UploadedAsync(room.SessionId, ChatFiles.WebM(), "clip.bin", "application/octet-stream");
        Assert.Equal("video/webm", webm.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, webm.GetProperty("thumbnailUrl").ValueKind);
    }

    [Fact]
    public async Task An_oversize_file_is_refused_while_it_streams_and_leaves_nothing_on_disk()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var before = FilesUnder(app.AttachmentRoot);
        // A PNG header, then zeros: one byte over the image limit.
        var oversize = new byte[MediaLimits.MaxImageBytes + 1];
        ChatFiles.Png(2, 2).AsSpan(0, 16).CopyTo(oversize);

        var problem = await (await room.Student.UploadAsync(room.SessionId, oversize, "huge.png", "image/png"))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "attachment_too_large");

        Assert.Equal(MediaLimits.MaxImageBytes, problem.GetProperty("maxBytes").GetInt64());
        Assert.Equal(before, FilesUnder(app.AttachmentRoot));
        await using var db = await _data.DbAsync();
        Assert.False(await db.ChatAttachments.AnyAsync(a => a.SessionId == room.SessionId));
        // A PDF of the same size is within its own limit.
        var pdf = new byte[MediaLimits.MaxImageBytes + 1];
        ChatFiles.Pdf().CopyTo(pdf, 0);
        await room.Student.UploadedAsync(room.SessionId, pdf, "scan.pdf", "application/pdf");
    }

    [Fact]
    public async Task An_upload_cut_off_midway_leaves_nothing_on_disk_or_in_the_database()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var before = FilesUnder(app.AttachmentRoot);
        var file = new CutOffContent(ChatFiles.Mp4(length: 4 * 1024 * 1024), breakAfter: 1024 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        await Assert.ThrowsAnyAsync<Exception>(() => room.Student.PostAsync($"/api/sessions/{room.SessionId}/attachments",
            new MultipartFormDataContent { { file, "file", "experiment.mp4" } }));

        // The server notices the broken connection on its own time: wait for its temporary file to go.
        await Eventually.MatchesAsync(() => Task.FromResult(FilesUnder(app.AttachmentRoot)), files => files.SequenceEqual(before),
            "the cut-off upload's temporary file to be deleted");
        await using var db = await _data.DbAsync();
        Assert.False(await db.ChatAttachments.AnyAsync(a => a.SessionId == room.SessionId));
        // The same file, whole, goes through.
        await room.Student.UploadedAsync(room.SessionId, ChatFiles.Mp4(length: 4 * 1024 * 1024), "experiment.mp4", "video/mp4");
    }

    [Fact]
    public async Task A_WebP_image_stays_WebP_with_a_thumbnail()
    {
        using var room = await ChatRoom.OpenAsync(app);
        using var bitmap = new SKBitmap(400, 200);
        bitmap.Erase(SKColors.SeaGreen);
        using var webp = bitmap.Encode(SKEncodedImageFormat.Webp, 80);

        var uploaded = await room.Student.UploadedAsync(room.SessionId, webp.ToArray(), "board.webp", "image/webp");

        Assert.Equal("image/webp", uploaded.GetProperty("contentType").GetString());
        using var thumbnail = await room.Student.GetAsync(uploaded.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        using var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal((320, 160), (small.Width, small.Height));
    }

    [Fact]
    public async Task Members_read_a_sent_attachment_outsiders_do_not_and_an_unsent_one_is_its_uploader_s_alone()
    {
        using var room = await ChatRoom.OpenAsync(app);
        using var classmate = await _data.ClientForAsync(room.Classmate);
        using var outsider = await _data.ClientForAsync(await _data.StudentAsync());
        var uploaded = await room.Student.UploadedAsync(room.SessionId, ChatFiles.Png(8, 8), "a.png", "image/png");
        var url = uploaded.GetProperty("url").GetString()!;
        var id = uploaded.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await room.Student.GetAsync(url)).StatusCode);
        await (await classmate.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "attachment_not_found");
        // Nobody else may send it.
        await (await classmate.SendAsync(room.SessionId, "Stolen", attachmentIds: [id])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var sent = await room.Student.SentAsync(room.SessionId, "Look", attachmentIds: [id]);

        Assert.Equal(id, sent.GetProperty("attachments")[0].GetProperty("id").GetGuid());
        foreach (var member in new[] { classmate, room.Teacher })
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url + "/thumbnail")).StatusCode);
        }
        await (await outsider.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await outsider.GetAsync(url + "/thumbnail")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        // Once sent, not again.
        await (await room.Student.SendAsync(room.SessionId, "Again", attachmentIds: [id])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var five = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            five.Add((await room.Student.UploadedAsync(room.SessionId, ChatFiles.Pdf(), $"{i}.pdf", "application/pdf")).GetProperty("id").GetGuid());
        }
        await (await room.Student.SendAsync(room.SessionId, "Five", attachmentIds: five)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(4, (await room.Student.SentAsync(room.SessionId, "Four", attachmentIds: five[..4])).GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task A_video_is_served_inline_in_ranges()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var video = ChatFiles.Mp4();
        var uploaded = await room.Student.UploadedAsync(room.SessionId, video, "Experiment 1 – ünïcode.mp4", "video/mp4");
        await room.Student.SentAsync(room.SessionId, "The experiment", attachmentIds: [uploaded.GetProperty("id").GetGuid()]);
        using var request = new HttpRequestMessage(HttpMethod.Get, uploaded.GetProperty("url").GetString());
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await room.Teacher.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(video[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(video.Length, response.Content.Headers.ContentRange?.Length);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Experiment 1 – ünïcode.mp4", disposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_upload_never_sent_is_removed_with_its_files_after_its_lifetime_and_a_sent_one_stays()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var store = app.Services.GetRequiredService<IAttachmentStore>();
        var sweeper = app.Services.GetRequiredService<UnsentAttachmentSweeper>();
        var lifetime = app.Services.GetRequiredService<IOptions<ChatOptions>>().Value.UnsentAttachmentLifetime;
        var unsent = (await room.Student.UploadedAsync(room.SessionId, ChatFiles.Png(40, 30), "draft.png", "image/png")).GetProperty("id").GetGuid();
        var sentId = (await room.Student.UploadedAsync(room.SessionId, ChatFiles.Png(40, 30), "sent.png", "image/png")).GetProperty("id").GetGuid();
        await room.Student.SentAsync(room.SessionId, "Here it is", attachmentIds: [sentId]);
        var keys = await KeysAsync(unsent, sentId);

        app.Time.Advance(lifetime - TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.All(keys, key => Assert.True(Stored(store, key)));

        app.Time.Advance(TimeSpan.FromMinutes(2));
        await sweeper.SweepAsync(CancellationToken.None);

        await using var db = await _data.DbAsync();
        Assert.False(await db.ChatAttachments.AnyAsync(a => a.Id == unsent));
        Assert.True(await db.ChatAttachments.AnyAsync(a => a.Id == sentId));
        Assert.All(keys.Take(2), key => Assert.False(Stored(store, key)));
        Assert.All(keys.Skip(2), key => Assert.True(Stored(store, key)));
    }

    /// <summary>The file and thumbnail keys of each attachment, in order.</summary>
    private async Task<List<string>> KeysAsync(params Guid[] attachmentIds)
    {
        await using var db = await _data.DbAsync();
        var rows = await db.ChatAttachments.Where(a => attachmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        return [.. attachmentIds.SelectMany(id => new[] { rows[id].StorageKey, rows[id].ThumbnailKey! })];
    }

    private static bool Stored(IAttachmentStore store, string key)
    {
        using var file = store.OpenRead(key);
        return file is not null;
    }

    private static string[] FilesUnder(string root) =>
        Directory.Exists(root) ? [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    /// <summary>A request body that sends part of its bytes, then breaks off as a dropped connection does.</summary>
    private sealed class CutOffContent(byte[] bytes, int breakAfter) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, breakAfter));
            await stream.FlushAsync();
            throw new IOException("The connection dropped.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
