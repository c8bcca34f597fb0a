using System.Text.Json;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>An answer a user's script can act on; <paramref name="Body"/> is null when it is not JSON.</summary>
internal sealed record BurstAnswer(int Status, JsonElement? Body);
