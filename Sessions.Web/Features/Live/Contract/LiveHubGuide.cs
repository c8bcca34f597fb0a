namespace Sessions.Web.Features.Live.Contract;

/// <summary>The prose of the AsyncAPI document: how to connect and stay connected, which no type can say.</summary>
internal static class LiveHubGuide
{
    public const string Connecting = """
        Server-to-client events of the Sessions portal, over ASP.NET Core SignalR (the hub `/hubs/sessions`). Clients only
        listen: the hub has no client-to-server methods, and the server alone decides which groups a connection joins.

        **Connect.** Sign in with `POST /api/auth/login` (see `/openapi/v1.json`), then open a SignalR connection to
        `/hubs/sessions` with the access token (any SignalR client: `@microsoft/signalr`, the .NET, Swift or Java clients).
        The client negotiates with `POST /hubs/sessions/negotiate?negotiateVersion=1`, then uses WebSockets, Server-Sent
        Events or long polling, in that order of preference. Use the JSON hub protocol (`{"protocol":"json","version":1}`):
        each frame is a JSON object followed by the record separator `0x1E`, and an event arrives as
        `{"type":1,"target":"<message name>","arguments":[<payload>]}`. Member names are camelCase.

        **Authenticate.** The bearer token goes in the `access_token` query parameter (SignalR clients put it there from
        their access-token factory), or in an `Authorization: Bearer` header where the transport allows it.

        **Stay connected.** The connection closes when its access token expires (15 minutes by default): refresh the token
        with `POST /api/auth/refresh` and reconnect; a lock, password or role change also closes it within 30 seconds.
        `Subscribed` is always the first message and lists the connection's groups; after every (re)connect, wait for it,
        then re-read the state you show (classes, sessions) over the HTTP API, because events sent while disconnected are
        not replayed. `MembershipChanged` moves an open connection in or out of a class without reconnecting
        (a student enrolled or removed, an educator made a co-educator or no longer one).

        **Limits.** At most 10 open connections per user (the 11th is refused with 429). Browsers must be on the portal's own
        origin (or one listed in `Security:AllowedOrigins`); other origins get 403 `origin_not_allowed`. Native apps send no
        `Origin` header.
        """;

    public const string Channel = """
        The one hub. Every message below is a SignalR invocation whose target is the message name and whose single argument
        is the payload. Who receives each message is in its description and in `x-audience` / `x-groups`: `class:{classId}`
        holds the students enrolled in the class and its co-educators, `educator:{educatorId}` the educator's own connections
        (a class's events go to its owner's group).
        """;

    public const string Server = """
        The portal that served this document. Negotiate over HTTP(S) at `/hubs/sessions/negotiate`, then the transport
        (WebSockets preferred) continues on `/hubs/sessions`.
        """;

    public const string AccessToken = """
        The bearer token from `POST /api/auth/login` or `/api/auth/refresh`, in the `access_token` query parameter of the
        negotiate request and of the transport's requests; SignalR clients do this from their access-token factory.
        """;
}
