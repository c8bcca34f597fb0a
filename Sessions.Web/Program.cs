using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddSessionsWeb();

var app = builder.Build();
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(app);
}
app.MapSessionsWeb();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
