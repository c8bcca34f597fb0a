using System.Globalization;
using BenchmarkDotNet.Running;
using Sessions.Benchmarks;

// dotnet Sessions.Benchmarks.dll --filter '*'        BenchmarkDotNet (results in BenchmarkDotNet.Artifacts/)
// dotnet Sessions.Benchmarks.dll throughput SECONDS  tokens/s on one thread, beside Agora's Node builder (scripts/measure-tokens.sh)
// dotnet Sessions.Benchmarks.dll report-pdf RUNS CULTURE  the session report PDF, p50/p99 and allocations (scripts/measure-report-pdf.sh)
if (args is ["throughput", var seconds])
{
    TokenThroughput.Run(double.Parse(seconds, CultureInfo.InvariantCulture));
}
else if (args is ["report-pdf", var runs, var culture])
{
    ReportPdfTiming.Run(int.Parse(runs, CultureInfo.InvariantCulture), culture);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(TokenBenchmarks).Assembly).Run(args);
}
