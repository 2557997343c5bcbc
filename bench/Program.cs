using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Hwsim.Bench.CrossbarBenchmarks).Assembly).Run(args);
