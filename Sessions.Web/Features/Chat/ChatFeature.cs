using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Chat;

public static class ChatFeature
{
    public static IHostApplicationBuilder AddChatFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        builder.Services.AddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        builder.Services.AddSingleton<ChatMessageWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChatMessageWriter>());
        builder.Services.AddSingleton<ChatService>();
        builder.Services.AddSingleton<ChatAttachments>();
        builder.Services.AddSingleton<UnsentAttachmentSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<UnsentAttachmentSweeper>());
        return builder;
    }
}

/// <summary>The storage root must not be served as static files: only the attachment endpoint, which checks membership, serves them.</summary>
internal sealed class ChatOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StorageRoot))
        {
            return ValidateOptionsResult.Skip; // the data annotation says so
        }
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.StorageRoot));
        var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        return IsWithin(root, webRoot) || IsWithin(webRoot, root)
            ? ValidateOptionsResult.Fail($"Chat:StorageRoot ({root}) must lie outside the web root ({webRoot}): attachments are served only to members.")
            : ValidateOptionsResult.Success;
    }

    private static bool IsWithin(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
