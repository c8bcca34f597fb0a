using Sessions.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalProxy();

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
