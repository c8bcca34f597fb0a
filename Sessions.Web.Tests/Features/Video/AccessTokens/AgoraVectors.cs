using System.Collections.Immutable;
using System.Text.Json;
using Sessions.Web.Features.Video.AccessTokens;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

// The reference vectors (spec: agora-access-token.md §8), copied next to the tests so the repo stands alone.
internal static class AgoraVectors
{
    private static readonly Lazy<ImmutableDictionary<string, AgoraVector>> _byName = new(Load);

    public static TheoryData<string> Names => [.. _byName.Value.Keys.Order(StringComparer.Ordinal)];

    public static AgoraVector Get(string name) => _byName.Value[name];

    private static ImmutableDictionary<string, AgoraVector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Features", "Video", "AccessTokens", "agora-vectors.json");
        var file = JsonSerializer.Deserialize<VectorFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} is empty.");
        return file.Vectors.ToImmutableDictionary(v => v.Name);
    }

    private sealed record VectorFile(IReadOnlyList<AgoraVector> Vectors);
}

internal sealed record AgoraVector(string Name, string Builder, VectorInputs Inputs, VectorExpected Expected)
{
    // Mirrors what each reference entry point puts in the token (spec §6), so the vector's inputs drive our core Build.
    public IReadOnlyList<AgoraTokenService> Services() => Builder switch
    {
        "RtcTokenBuilder2.buildTokenWithUid" =>
            [new RtcTokenService(Inputs.ChannelName!, AgoraTokenBuilder.UidString(Inputs.Uid!.Value), RolePrivileges())],
        "RtcTokenBuilder2.buildTokenWithUserAccount" =>
            [new RtcTokenService(Inputs.ChannelName!, Inputs.Account!, RolePrivileges())],
        "RtcTokenBuilder2.buildTokenWithRtm" =>
        [
            new RtcTokenService(Inputs.ChannelName!, Inputs.Account!, RolePrivileges()),
            new RtmTokenService(Inputs.Account!, AgoraTokenBuilder.RtmPrivileges(Inputs.TokenExpireSeconds)),
        ],
        "RtcTokenBuilder2.buildTokenWithRtm2" =>
        [
            new RtcTokenService(Inputs.ChannelName!, Inputs.Account!, Rtm2RtcPrivileges()),
            new RtmTokenService(Inputs.RtmUserId!, AgoraTokenBuilder.RtmPrivileges(Inputs.RtmTokenExpireSeconds!.Value)),
        ],
        "RtmTokenBuilder2.buildToken" =>
            [new RtmTokenService(Inputs.UserId!, AgoraTokenBuilder.RtmPrivileges(Inputs.TokenExpireSeconds))],
        "AccessToken2-direct" =>
            [new RtcTokenService(Inputs.ChannelName!, AgoraTokenBuilder.UidString(Inputs.Uid!.Value), Inputs.Privileges!.ToImmutableSortedDictionary())],
        _ => throw new InvalidOperationException($"Vector {Name} uses builder {Builder}, which the tests do not map yet."),
    };

    public string Build() =>
        AccessToken2.Build(Inputs.AppId, Inputs.AppCertificate, Inputs.IssueTs, Inputs.Salt, Inputs.TokenExpireSeconds, Services());

    public byte[] BuildPayload() =>
        AccessToken2.BuildPayload(Inputs.AppId, Inputs.AppCertificate, Inputs.IssueTs, Inputs.Salt, Inputs.TokenExpireSeconds, Services());

    private ImmutableSortedDictionary<ushort, uint> RolePrivileges() =>
        AgoraTokenBuilder.RtcPrivileges((AgoraRole)Inputs.RoleValue!.Value, Inputs.PrivilegeExpireSeconds!.Value);

    // buildTokenWithRtm2 gives each RTC privilege its own expiry, and the publish ones only to publishers.
    private ImmutableSortedDictionary<ushort, uint> Rtm2RtcPrivileges()
    {
        var privileges = ImmutableSortedDictionary<ushort, uint>.Empty.Add(AgoraPrivilege.JoinChannel, Inputs.JoinChannelPrivilegeExpireSeconds!.Value);
        return (AgoraRole)Inputs.RoleValue!.Value != AgoraRole.Publisher
            ? privileges
            : privileges
                .Add(AgoraPrivilege.PublishAudio, Inputs.PubAudioPrivilegeExpireSeconds!.Value)
                .Add(AgoraPrivilege.PublishVideo, Inputs.PubVideoPrivilegeExpireSeconds!.Value)
                .Add(AgoraPrivilege.PublishData, Inputs.PubDataStreamPrivilegeExpireSeconds!.Value);
    }
}

internal sealed record VectorInputs(
    string AppId,
    string AppCertificate,
    uint IssueTs,
    uint Salt,
    uint TokenExpireSeconds,
    string? ChannelName,
    uint? Uid,
    string? Account,
    string? UserId,
    int? RoleValue,
    uint? PrivilegeExpireSeconds,
    uint? JoinChannelPrivilegeExpireSeconds,
    uint? PubAudioPrivilegeExpireSeconds,
    uint? PubVideoPrivilegeExpireSeconds,
    uint? PubDataStreamPrivilegeExpireSeconds,
    string? RtmUserId,
    uint? RtmTokenExpireSeconds,
    IReadOnlyDictionary<ushort, uint>? Privileges);

internal sealed record VectorExpected(
    string PayloadHex,
    string SignatureHex,
    string SigningInfoHex,
    VectorIntermediate Intermediate,
    DecodedToken Decoded,
    string TokenInformational);

internal sealed record VectorIntermediate(string IssueTsLE32Hex, string SaltLE32Hex, string Key1Hex, string Key2Hex);

internal sealed record DecodedToken(string AppId, uint IssueTs, uint TokenExpireSeconds, uint Salt, IReadOnlyList<DecodedService> Services)
{
    public IReadOnlyList<AgoraTokenService> ToServices() => [.. Services.Select(s => s.ToService())];
}

internal sealed record DecodedService(ushort Type, IReadOnlyList<DecodedPrivilege> Privileges, string? ChannelName, string? Uid, string? UserId)
{
    public AgoraTokenService ToService()
    {
        var privileges = Privileges.ToImmutableSortedDictionary(p => p.Id, p => p.ExpireSeconds);
        return Type switch
        {
            1 => new RtcTokenService(ChannelName!, Uid!, privileges),
            2 => new RtmTokenService(UserId!, privileges),
            _ => throw new InvalidOperationException($"Decoded service type {Type} is not one Sessions uses."),
        };
    }
}

internal sealed record DecodedPrivilege(ushort Id, uint ExpireSeconds);
