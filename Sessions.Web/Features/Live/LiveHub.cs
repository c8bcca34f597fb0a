using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Features.Classes;

namespace Sessions.Web.Features.Live;

/// <summary>
/// Server-to-client only. The server, never the client, decides which groups a connection joins, so nobody outside a
/// class ever hears about its sessions; roster changes move open connections at once (<see cref="LiveBroadcaster"/>),
/// and revoked credentials close them (<see cref="LiveConnectionGuard"/>).
/// </summary>
[Authorize]
public sealed class LiveHub(ClassMembership membership, LiveConnections connections, UserStandings standings) : Hub<ILiveClient>
{
    public const string Path = "/hubs/sessions";

    public override async Task OnConnectedAsync()
    {
        var actor = SessionActor.From(Context.User!);
        var credential = standings.CredentialOf(Context.User!)
            ?? throw new HubException("This connection's credentials carry no security stamp.");
        IReadOnlyList<string> groups;
        using (await connections.LockAsync(actor.UserId, Context.ConnectionAborted))
        {
            groups = await membership.LiveGroupsOfAsync(actor, Context.ConnectionAborted);
            foreach (var group in groups)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            }
            connections.Add(new LiveConnection(credential, Context));
        }
        await base.OnConnectedAsync();
        await Clients.Caller.Subscribed(new LiveSubscribedMessage(groups));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(SessionActor.From(Context.User!).UserId, Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
