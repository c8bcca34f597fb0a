using System.Collections.Immutable;

namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>One service inside an AccessToken2: a privilege map (id → seconds after issue) plus the service's own fields.</summary>
/// <remarks>The sorted map is required, not cosmetic: the signature covers the map bytes, which must list ids in ascending order.</remarks>
public abstract record AgoraTokenService(ImmutableSortedDictionary<ushort, uint> Privileges)
{
    internal abstract AgoraServiceType ServiceType { get; }

    internal abstract void EnsureBuildable();

    internal abstract void WriteFields(PayloadWriter writer);

    // The synthesized equality would compare the map by reference; tokens are compared by content.
    public virtual bool Equals(AgoraTokenService? other) =>
        other is not null && EqualityContract == other.EqualityContract && Privileges.SequenceEqual(other.Privileges);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        foreach (var (id, expire) in Privileges)
        {
            hash.Add(id);
            hash.Add(expire);
        }

        return hash.ToHashCode();
    }
}
