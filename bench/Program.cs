using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "montecarlo") return Hwsim.Bench.MonteCarloBenchmarks.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Hwsim.Bench.CrossbarBenchmarks).Assembly).Run(args);
return 0;
