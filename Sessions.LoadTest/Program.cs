using Sessions.LoadTest;

// Load and latency tools for the Sessions portal; every target is a portal on a loopback address.
// See docs/performance.md for the commands that produced each recorded figure.
if (args.Length == 0)
{
    Console.Error.WriteLine("""
        usage: Sessions.LoadTest <command> [--name value ...]
          Every PATH after --database is a SQLite file; for PostgreSQL give --provider Postgres --connection "Host=...;Database=..."
          instead (and --token-cache PATH where a command keeps tokens).
          seed              --database PATH [--classes 500] [--students-per-class 20]
          notifier-latency  --url URL --database PATH --emulator HOST:PORT --project ID [--starts 1000] [--concurrency 1] [--poll-ms 5]
          notifier-fill     --url URL --database PATH [--starts 10000] [--concurrency 16]   (Firestore down)
          notifier-drain    --url URL --emulator HOST:PORT --project ID                    (then bring it up)
          fanout            --url URL --database PATH [--classes 500] [--warmup 50] [--rate 100] [--starts N] [--duration 60]
                            [--max-in-flight 64] [--receipt-timeout 10] [--login-concurrency 4] [--connect-concurrency 32]
                            [--token-cache PATH] [--timeout 900] [--out fanout.json]
                            [--listeners 1 (processes holding the students' connections; more than one past ~19,000 sockets)]
                            [--listen-urls URL,URL (listener i connects to the i-th, in turn; default --url)]
                            [--server-urls URL,URL (each portal instance, for its memory and CPU; default --url)]
                            [--watch NAME=PID,... (more processes whose CPU is reported: proxies, Redis)] [--idle-seconds 0]
          sign-in           --url URL --database PATH [--classes 500] [--educators 0|1] [--token-cache PATH] [--login-concurrency 4]
          circuits          --url URL --database PATH [--classes 5] [--pages N] [--open-concurrency 4] [--card-timeout 60]
                            [--idle 0 (seconds the pages sit before the memory is read)] [--chromium /usr/bin/chromium]
                            [--server-pid PID (adds the heap growth per circuit by type)] [--heap-top 40]
                            [--out circuits.json]
          heap              --pid PORTAL_PID [--top 60] [--out heap.json]   (the portal's managed heap by type)
          chat              --url URL --database PATH [--rooms 50] [--interval 2] [--duration 60] [--max-in-flight 256]
                            [--receipt-timeout 10] [--token-cache PATH] [--listeners 1] [--watch NAME=PID,...] [--timeout 600]
                            [--out chat.json]   (seed with --students-per-class 29 for rooms of 30)
          chat-seed         --database PATH [--sessions 1000] [--messages 1000000]   (SQLite; after seed --classes ≥ sessions)
          chat-history      --url URL --database PATH [--reads 2000] [--limit 50] [--warmup 200] [--concurrency 1]
                            [--in-process 1 (also time ChatService.ListAsync in this process; SQLite)]
                            [--out chat-history.json]
          report-seed       --database PATH [--activity 20000]   (after seed --classes 1 --students-per-class 200)
          report            --url URL --database PATH [--reads 500] [--warmup 50] [--format json|pdf] [--out report.json]
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
    "fanout" => FanoutScenario.RunAsync,
    "sign-in" => StudentTokens.SignInAsync,
    "circuits" => CircuitsScenario.RunAsync,
    "heap" => HeapHistogram.RunAsync,
    "chat" => ChatScenario.RunAsync,
    "chat-seed" => ChatHistorySeed.RunAsync,
    "chat-history" => ChatHistoryScenario.RunAsync,
    "report-seed" => ReportScenario.SeedAsync,
    "report" => ReportScenario.RunAsync,
    ListenCommand.Verb => ListenCommand.RunAsync,
    _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
};
await command(options);
return 0;
