using Sessions.LoadTest;

// Load and latency tools for the Sessions portal; every target is a portal on a loopback address.
// See docs/performance.md for the commands that produced each recorded figure.
if (args.Length == 0)
{
    Console.Error.WriteLine("""
        usage: Sessions.LoadTest <command> [--name value ...]
          seed              --database PATH [--classes 500] [--students-per-class 20]
          notifier-latency  --url URL --database PATH --emulator HOST:PORT --project ID [--starts 1000] [--concurrency 1] [--poll-ms 5]
          notifier-fill     --url URL --database PATH [--starts 10000] [--concurrency 16]   (Firestore down)
          notifier-drain    --url URL --emulator HOST:PORT --project ID                    (then bring it up)
        """);
    return 2;
}

var options = new Arguments(args.Skip(1));
Func<Arguments, Task> command = args[0] switch
{
    "seed" => LargeSeed.RunAsync,
    "notifier-latency" => NotifierScenarios.LatencyAsync,
    "notifier-fill" => NotifierScenarios.FillAsync,
    "notifier-drain" => NotifierScenarios.DrainAsync,
    _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
};
await command(options);
return 0;
