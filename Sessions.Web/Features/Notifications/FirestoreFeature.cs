namespace Sessions.Web.Features.Notifications;

public static class FirestoreFeature
{
    /// <summary>
    /// Options (section <c>Firestore</c>, with the environment-variable fallbacks, validated at start) and the
    /// <see cref="FirestoreClient"/> singleton, which opens its channel on first use only.
    /// </summary>
    public static IHostApplicationBuilder AddFirestoreClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FirestoreOptions>()
            .BindConfiguration(FirestoreOptions.Section)
            .PostConfigure<IConfiguration>(FirestoreOptions.ApplyFallbacks)
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FirestoreOptions>, FirestoreOptionsValidator>();
        builder.Services.AddSingleton<FirestoreClient>();
        return builder;
    }
}
