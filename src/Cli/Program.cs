using System.CommandLine;
using Hwsim.Cli;

return HwsimApp.Run(args, Console.Out, Console.Error);
