using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;

namespace Sessions.Web.Features.Live;

/// <summary>
/// Server-to-client only. The server, never the client, decides which groups a connection joins,
/// so nobody outside a class ever hears about its sessions.
/// </summary>
[Authorize]
public sealed class LiveHub(ClassMembership membership) : Hub<ILiveClient>
{
    public const string Path = "/hubs/sessions";

    public override async Task OnConnectedAsync()
    {
        var actor = SessionActor.From(Context.User!);
        var groups = await membership.LiveGroupsOfAsync(actor, Context.ConnectionAborted);
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }
        await base.OnConnectedAsync();
        await Clients.Caller.Subscribed(new LiveSubscribedMessage(groups));
    }
}
