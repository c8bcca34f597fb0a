using Sessions.Web.Features.Administration;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddSessionsWeb();

var app = builder.Build();
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(app);
}
if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}
app.MapSessionsWeb();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
