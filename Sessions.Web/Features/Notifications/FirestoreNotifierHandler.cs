using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.Web.Features.Notifications;

/// <summary>Writes a session notification to the educator's Firestore document (spec §1), sorting failures by spec §2.</summary>
public sealed partial class FirestoreNotifierHandler : IOutboxHandler
{
    private readonly FirestoreClient _firestore;

    public FirestoreNotifierHandler(FirestoreClient firestore, IOptions<FirestoreOptions> options, ILogger<FirestoreNotifierHandler> logger)
    {
        _firestore = firestore;
        // Said once, when the dispatcher starts: an operator must see at boot whether the mobile apps will hear anything.
        if (options.Value.IsOn)
        {
            LogOn(logger, options.Value.ProjectId ?? "(from credentials)");
        }
        else
        {
            LogOff(logger);
        }
    }

    public string Type => SessionNotifications.Type;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken ct)
    {
        try
        {
            var notification = SessionNotification.FromPayload(payload);
            // The delivery's activity (the dispatcher's) is the current one: it gets the session it is about.
            System.Diagnostics.Activity.Current?.SetTag(SessionsTelemetry.SessionIdTag, notification.SessionId.ToString());
            await WriteAsync(notification, ct);
            return OutboxResult.Delivered;
        }
        catch (JsonException unreadable)
        {
            return OutboxResult.Permanent($"Unreadable payload: {unreadable.Message}");
        }
        catch (RpcException failure) when (FirestoreErrors.IsTransient(failure.StatusCode))
        {
            return OutboxResult.Transient(Describe(failure));
        }
        catch (RpcException failure)
        {
            return OutboxResult.Permanent(Describe(failure));
        }
    }

    private Task WriteAsync(SessionNotification notification, CancellationToken ct) => notification.Kind switch
    {
        NotificationKind.SessionStarted =>
            _firestore.WriteSessionStartedAsync(notification.EducatorId, notification.SessionId.ToString(), ct),
        NotificationKind.SessionEnded =>
            _firestore.WriteSessionEndedAsync(notification.EducatorId, notification.SessionId.ToString(), notification.EndedAtUtc!.Value, ct),
        _ => throw new InvalidOperationException($"Unknown session notification kind {notification.Kind}."),
    };

    private static string Describe(RpcException failure) => $"{failure.StatusCode}: {failure.Status.Detail}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore notifier is off: nothing is configured (Firestore:EmulatorHost or Firestore:CredentialsFile), or Firestore:Enabled is false")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore notifier is on for project {ProjectId}")]
    private static partial void LogOn(ILogger logger, string projectId);
}
