using BenchmarkDotNet.Running;

// Run all benchmarks:       dotnet run -c Release --project tests/MembershipStates.Benchmarks -- --filter '*'
// Run one class of them:    dotnet run -c Release --project tests/MembershipStates.Benchmarks -- --filter '*DecisionBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
