using BenchmarkDotNet.Running;

// Run all benchmarks:       dotnet run -c Release --project tests/MembershipStates.Benchmarks -- --filter '*'
// Run one class of them:    dotnet run -c Release --project tests/MembershipStates.Benchmarks -- --filter '*DecisionBenchmarks*'
// (Named through a benchmark class: the sample host referenced here has a Program of its own.)
BenchmarkSwitcher.FromAssembly(typeof(MembershipStates.Benchmarks.DecisionBenchmarks).Assembly).Run(args);
