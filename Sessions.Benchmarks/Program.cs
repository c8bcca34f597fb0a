using System.Globalization;
using BenchmarkDotNet.Running;
using Sessions.Benchmarks;

// dotnet Sessions.Benchmarks.dll --filter '*'        BenchmarkDotNet (results in BenchmarkDotNet.Artifacts/)
// dotnet Sessions.Benchmarks.dll throughput SECONDS  tokens/s on one thread, beside Agora's Node builder (scripts/measure-tokens.sh)
if (args is ["throughput", var seconds])
{
    TokenThroughput.Run(double.Parse(seconds, CultureInfo.InvariantCulture));
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(TokenBenchmarks).Assembly).Run(args);
}
