using Hwsim.Cli;

Publication.CleanUpOnSignals();
return HwsimApp.Run(args, Console.Out, Console.Error);
