namespace Hwsim.Nn.Demos;

/// <summary>One reported number: a key as written in the model file, its value and what it means.</summary>
public sealed record MetricValue(string Key, double Value, string Description);
